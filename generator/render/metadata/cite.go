package metadata

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Citation is how to cite a report: a line of plain text for notes and
// BibTeX for reference managers. Both are plain strings; the template
// escapes them for HTML.
type Citation struct {
	Text   string
	BibTeX string
	// Key is the BibTeX key, also shown so a reader can cite it in LaTeX.
	Key string
}

// Cite describes rep from the Site's name and the report alone, so the
// report page's deps cover it. The date is the meeting's, never the build's.
func Cite(s *generator.Site, rep *generator.Report) *Citation {
	where := kindName(rep.Kind)
	if ss := rep.Session; ss != nil {
		where += ", " + ss.Title
		if ss.Process != "" && !strings.Contains(ss.Title, ss.Process) {
			where += " (" + ss.Process + ")"
		}
	}
	date := rep.Date.Format("2 January 2006")
	text := fmt.Sprintf("%s. “%s.” %s, %s. %s", s.Title, oneLine(rep.Title), where, date, rep.Permalink)

	key := bibKey(s.Title, rep.Slug)
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s,\n", key)
	field := func(name, value string) { fmt.Fprintf(&b, "  %-12s = {%s},\n", name, value) }
	// Double braces keep the title's capitals (state names) as written.
	field("title", "{"+bibEscape(rep.Title)+"}")
	field("author", "{"+bibEscape(s.Title)+"}")
	field("howpublished", bibEscape(where))
	field("year", rep.Date.Format("2006"))
	// A month is BibTeX's own macro (jan, feb, …), unbraced, so that
	// styles print it in their language.
	fmt.Fprintf(&b, "  %-12s = %s,\n", "month", strings.ToLower(rep.Date.Format("Jan")))
	field("date", rep.Date.Format("2006-01-02"))
	field("url", bibURL(rep.Permalink))
	if rep.SourceURL != "" {
		field("note", "Original report: \\url{"+bibURL(rep.SourceURL)+"}")
	}
	out := strings.TrimSuffix(b.String(), ",\n") + "\n}\n"
	return &Citation{Text: text, BibTeX: out, Key: key}
}

// kindName is a report's kind as words: "event-report" → "Event report".
func kindName(kind string) string {
	if kind == "" {
		return "Report"
	}
	r := []rune(strings.ReplaceAll(kind, "-", " "))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// bibKey is "<site>:<slug>" with only the characters BibTeX allows in a
// key, so that a slug with odd characters still gives a usable key.
func bibKey(site, slug string) string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)), r == '-', r == '_', r == '.':
				return r
			}
			return '-'
		}, s)
	}
	prefix := gazetteer.Slugify(site)
	if prefix == "" {
		prefix = "report"
	}
	return prefix + ":" + clean(slug)
}

// bibEscape makes text safe inside a braced BibTeX field: the characters
// TeX treats specially become their escaped forms, braces included, so a
// title can never end the field or the entry early; line breaks become
// spaces.
func bibEscape(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibURL keeps a URL verbatim, as biblatex's url field wants, but
// percent-encodes what could unbalance the field's braces or break the
// line.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", "\\", "%5C", " ", "%20", "\n", "", "\r", "").Replace(u)
}

// oneLine collapses runs of white space, line breaks included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
