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
// escapes them for HTML. They name who wrote and published the report,
// never the archive, which is where it was read: its address ends the
// line. A page's script cites one paragraph instead (see Permalink) and
// adds the date the reader accessed it, which a build cannot know.
type Citation struct {
	// Text is Head, then the paragraph when one is cited, then Tail.
	Text, Head, Tail string
	BibTeX           string
	// Key is the BibTeX key, also shown so a reader can cite it in LaTeX.
	Key string
	// Permalink is the report's address in the text and in BibTeX, which
	// a script makes the paragraph's.
	Permalink string
	// By is who the citation names as the report's author: its author,
	// else its publisher; empty when the report says neither.
	By string
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
	by := oneLine(rep.Author)
	if by == "" {
		by = oneLine(rep.Publisher)
	}
	head := fmt.Sprintf("“%s.” %s, %s", oneLine(rep.Title), where, date)
	if by != "" {
		head = by + ". " + head
	}
	tail := "."
	if rep.Publisher != "" && oneLine(rep.Publisher) != by {
		tail += " Published by " + oneLine(rep.Publisher) + "."
	}
	if rep.SourceURL != "" {
		tail += " Original: " + rep.SourceURL + "."
	}
	tail += " Archived by " + s.Title + ": " + rep.Permalink

	key := bibKey(s.Title, rep.Slug)
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s,\n", key)
	field := func(name, value string) { fmt.Fprintf(&b, "  %-12s = {%s},\n", name, value) }
	// Double braces keep the title's capitals (state names) as written,
	// and an organisation's name whole.
	field("title", "{"+bibEscape(rep.Title)+"}")
	if by != "" {
		field("author", "{"+bibEscape(by)+"}")
	}
	if rep.Publisher != "" {
		field("publisher", bibEscape(rep.Publisher))
	}
	field("howpublished", bibEscape(where))
	field("year", rep.Date.Format("2006"))
	// A month is BibTeX's own macro (jan, feb, …), unbraced, so that
	// styles print it in their language.
	fmt.Fprintf(&b, "  %-12s = %s,\n", "month", strings.ToLower(rep.Date.Format("Jan")))
	field("date", rep.Date.Format("2006-01-02"))
	field("url", bibURL(rep.Permalink))
	note := "Archived by " + bibEscape(s.Title)
	if rep.SourceURL != "" {
		note += "; original report: \\url{" + bibURL(rep.SourceURL) + "}"
	}
	field("note", note)
	out := strings.TrimSuffix(b.String(), ",\n") + "\n}\n"
	return &Citation{Text: head + tail, Head: head, Tail: tail, BibTeX: out, Key: key, Permalink: rep.Permalink, By: by}
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
