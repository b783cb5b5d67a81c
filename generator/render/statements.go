package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

// StateSession is a session's share of a state's page.
type StateSession struct {
	Key, Title, URL string
	// List is the session's reports, each a heading and its statements,
	// written in Go: a state's pages hold most of the site's text, and the
	// template engine's reflective calls per statement dominated them.
	List template.HTML
}

// groupBySession splits statements, newest first, into runs of one
// session and, within it, one report each. Every session's list is a
// slice of one string, written in one builder grown once to its size:
// lists grown as they went were a seventh of a build's allocations.
func groupBySession(texts *bodies.Store, stmts []*generator.Statement) ([]StateSession, error) {
	size := 0
	for i, s := range stmts {
		if i == 0 || s.Report != stmts[i-1].Report {
			size += reportHeadingSize(s.Report)
		}
		size += statementSize(s)
	}
	var b strings.Builder
	b.Grow(size)
	var out []StateSession
	var starts []int // where each session's list starts in b
	for i, s := range stmts {
		text, err := texts.Text(s.Paragraph)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Report.SourcePath, err)
		}
		if i > 0 && s.Report == stmts[i-1].Report {
			writeStatement(&b, s, text)
			continue
		}
		if i > 0 {
			b.WriteString("</ol>\n")
		}
		if ss := s.Report.Session; i == 0 || ss.Key != stmts[i-1].Report.Session.Key {
			out = append(out, StateSession{Key: ss.Key, Title: ss.Title, URL: ss.URL})
			starts = append(starts, b.Len())
		}
		writeReportHeading(&b, s.Report)
		b.WriteString("<ol>")
		writeStatement(&b, s, text)
	}
	if len(stmts) > 0 {
		b.WriteString("</ol>\n")
	}
	all := b.String()
	for i := range out {
		end := len(all)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		out[i].List = template.HTML(all[starts[i]:end]) //nolint:gosec // escaped in writeReportHeading and writeStatement
	}
	return out, nil
}

// writeReportHeading writes the heading of a report's statements: its
// title, linked, and its date.
func writeReportHeading(b *strings.Builder, r *generator.Report) {
	b.WriteString(`<h3><a href="`)
	writeAttr(b, r.URL)
	b.WriteString(`">`)
	writeText(b, r.Title)
	b.WriteString(`</a> <time datetime="`)
	b.WriteString(r.Date.Format(time.RFC3339))
	b.WriteString(`">`)
	b.WriteString(r.Date.Format("2 January 2006"))
	b.WriteString("</time></h3>")
}

// reportHeadingSize is about what writeReportHeading writes, escapes left
// out.
func reportHeadingSize(r *generator.Report) int {
	return len(`<h3><a href=""></a> <time datetime="2006-01-02T15:04:05-07:00">30 September 2006</time></h3></ol>`+"\n") +
		len(r.URL) + len(r.Title)
}

// statementSize is about what writeStatement writes: the excerpt is
// counted at the most it can be, not made, which writeStatement does, and
// escapes are left out.
func statementSize(s *generator.Statement) int {
	return len(`<li><blockquote cite=""><p>… … </p></blockquote><a class=para href="">paragraph 000000</a></li>`) +
		2*(len(s.Report.URL)+1+len(s.Paragraph.ID)) + min(s.Paragraph.Len(), generator.ExcerptLen+2*utf8.UTFMax)
}

// writeStatement writes one statement of a report's list: the excerpt of
// its paragraph's text, escaped, and a link to its paragraph.
func writeStatement(b *strings.Builder, s *generator.Statement, text string) {
	b.WriteString(`<li><blockquote cite="`)
	writeStatementURL(b, s)
	b.WriteString(`"><p>`)
	writeExcerpt(b, s, text)
	b.WriteString(`</p></blockquote><a class=para href="`)
	writeStatementURL(b, s)
	b.WriteString(`">paragraph `)
	b.WriteString(strconv.Itoa(s.Paragraph.N))
	b.WriteString(`</a></li>`)
}

// writeStatementURL writes the address of a statement's paragraph,
// escaped for a quoted attribute.
func writeStatementURL(b *strings.Builder, s *generator.Statement) {
	writeAttr(b, s.Report.URL)
	b.WriteByte('#')
	writeAttr(b, s.Paragraph.ID)
}

// writeExcerpt writes a statement's excerpt of its paragraph's text,
// escaped.
func writeExcerpt(b *strings.Builder, s *generator.Statement, text string) {
	cutStart, text, cutEnd := generator.ExcerptParts(text, s.State.Name, generator.ExcerptLen)
	if cutStart {
		b.WriteString("… ")
	}
	writeText(b, text)
	if cutEnd {
		b.WriteString(" …")
	}
}

// writeAttr writes s escaped for a quoted attribute value; addresses made
// by the site seldom hold anything to escape.
func writeAttr(b *strings.Builder, s string) {
	if strings.ContainsAny(s, `&<>"'`) {
		s = template.HTMLEscapeString(s)
	}
	b.WriteString(s)
}

// writeText writes s as the text of an element, minified: only "&" and
// "<" are escaped, which is all text needs (html/template would escape
// quotes too, which a minifier takes back).
func writeText(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, "&<")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		if s[i] == '&' {
			b.WriteString("&amp;")
		} else {
			b.WriteString("&lt;")
		}
		s = s[i+1:]
	}
}
