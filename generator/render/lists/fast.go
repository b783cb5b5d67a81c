package lists

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

// The fast path: the bundled partials' markup, written in Go. Each
// function names the partial it stands for; a change to one is a change
// to the other.

// writeSessions writes what SessionPartial writes for each session's
// share of stmts. Every session's list is a slice of one string, written
// in one builder grown once to its size: lists grown as they went were a
// seventh of a build's allocations.
func writeSessions(texts *bodies.Store, stmts []*generator.Statement) ([]SessionList, error) {
	size := 0
	for i, s := range stmts {
		if i == 0 || s.Report != stmts[i-1].Report {
			size += reportHeadingSize(s.Report)
		}
		size += statementSize(s)
	}
	var b strings.Builder
	b.Grow(size)
	var out []SessionList
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
			out = append(out, SessionList{Key: ss.Key, Title: ss.Title, URL: ss.URL})
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

// writeReportHeading writes the heading of a report's statements, as
// SessionPartial does: its title, linked, and its date.
func writeReportHeading(b *strings.Builder, r *generator.Report) {
	b.WriteString(`<h3><a href="`)
	writeURL(b, r.URL)
	b.WriteString(`">`)
	writeText(b, r.Title)
	b.WriteString(`</a> `)
	writeTime(b, r.Date)
	b.WriteString("</h3>")
}

// writeTime writes a report's date as the partials do.
func writeTime(b *strings.Builder, t time.Time) {
	b.WriteString(`<time datetime="`)
	writeEscaped(b, t.Format(time.RFC3339))
	b.WriteString(`">`)
	b.WriteString(t.Format("2 January 2006"))
	b.WriteString("</time>")
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

// writeStatement writes one statement of a report's list, as
// StatementPartial does: the excerpt of its paragraph's text, a link to
// its paragraph, and who it spoke for or who spoke for it.
func writeStatement(b *strings.Builder, s *generator.Statement, text string) {
	b.WriteString(`<li><blockquote cite="`)
	writeStatementURL(b, s)
	b.WriteString(`"><p>`)
	writeExcerpt(b, s, text)
	b.WriteString(`</p></blockquote><a class=para href="`)
	writeStatementURL(b, s)
	b.WriteString(`">paragraph `)
	b.WriteString(strconv.Itoa(s.Paragraph.N))
	b.WriteString(`</a>`)
	if g := s.OnBehalfOf; g != nil {
		b.WriteString(` <span class=behalf>on behalf of `)
		writeLink(b, g.Name, g.URL)
		b.WriteString(`</span>`)
	}
	if by := spokenBy(s); len(by) > 0 {
		b.WriteString(` <span class=behalf>through `)
		for i, o := range by {
			if i > 0 {
				b.WriteString(", ")
			}
			writeLink(b, o.Name(), o.SpeakerURL())
		}
		b.WriteString(`</span>`)
	}
	b.WriteString(`</li>`)
}

// writeLink writes a link to a speaker's page, as the partials do.
func writeLink(b *strings.Builder, name, url string) {
	b.WriteString(`<a href="`)
	writeURL(b, url)
	b.WriteString(`">`)
	writeEscaped(b, name)
	b.WriteString(`</a>`)
}

// writeMark writes what MarkPartial writes for a paragraph's speakers.
func writeMark(b *strings.Builder, speakers []Speaker) {
	b.WriteString(`<span class=speakers>`)
	for i, sp := range speakers {
		if i > 0 {
			b.WriteString(", ")
		}
		writeLink(b, sp.Name, sp.URL)
		if f := sp.For; f != nil {
			b.WriteString(" for ")
			writeLink(b, f.Name, f.URL)
		}
	}
	b.WriteString(`</span>`)
}

// writeStatementURL writes the address of a statement's paragraph,
// escaped for a quoted attribute.
func writeStatementURL(b *strings.Builder, s *generator.Statement) {
	if plainURL(s.Report.URL) && plainURL(s.Paragraph.ID) {
		b.WriteString(s.Report.URL)
		b.WriteByte('#')
		b.WriteString(s.Paragraph.ID)
		return
	}
	writeURL(b, s.URL())
}

// writeExcerpt writes a statement's excerpt of its paragraph's text,
// escaped.
func writeExcerpt(b *strings.Builder, s *generator.Statement, text string) {
	cutStart, text, cutEnd := generator.ExcerptParts(text, s.Name(), generator.ExcerptLen)
	if cutStart {
		b.WriteString("… ")
	}
	writeText(b, text)
	if cutEnd {
		b.WriteString(" …")
	}
}

// writeTopic writes what TopicPartial writes for a topic's latest
// statements.
func writeTopic(texts *bodies.Store, stmts []*generator.Statement) (template.HTML, error) {
	var b strings.Builder
	for _, s := range stmts {
		text, err := texts.Text(s.Paragraph)
		if err != nil {
			return "", fmt.Errorf("%s: %w", s.Report.SourcePath, err)
		}
		b.WriteString(`<li><blockquote cite="`)
		writeStatementURL(&b, s)
		b.WriteString(`"><p>`)
		writeExcerpt(&b, s, text)
		b.WriteString(`</p></blockquote><p class=meta><a href="`)
		writeStatementURL(&b, s)
		b.WriteString(`">`)
		writeText(&b, s.Report.Title)
		b.WriteString(`, paragraph `)
		b.WriteString(strconv.Itoa(s.Paragraph.N))
		b.WriteString(`</a> · `)
		writeTime(&b, s.Report.Date)
		if g := s.OnBehalfOf; g != nil {
			b.WriteString(` · on behalf of `)
			writeLink(&b, g.Name, g.URL)
		}
		b.WriteString("</p></li>")
	}
	return template.HTML(b.String()), nil //nolint:gosec // every value escaped above
}
