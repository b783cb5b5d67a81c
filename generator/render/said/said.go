// Package said writes what one state said, for the pages that list it:
// the state at a session, the state on a topic, and the state's data
// file. Each statement shows the sentence that names the state, marked,
// in the context of its paragraph, with the paragraph's topics as chips;
// it is written once and shared by every page of the state that lists
// it, since a state's pages hold most of a large archive's text.
package said

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/render/format"
)

// Links makes the addresses a state's statements link to besides their
// paragraphs.
type Links struct {
	// Topic is the page of the state's statements on a topic, and
	// Session its page at a session.
	Topic   func(*generator.Topic) string
	Session func(*generator.Session) string
}

// Statements are one state's statements, each written once.
type Statements struct {
	State *generator.State
	links Links
	// items are the statements' list items, in the order of
	// State.Statements (newest first), and said the text each shows.
	items []string
	said  []generator.Said
	texts []string
	// sessions and topics index the statements at each session and on
	// each topic, newest first.
	sessions map[*generator.Session][]int
	topics   map[*generator.Topic][]int
}

// Make writes the statements of st, whose paragraphs' texts are read
// from texts; forms are the names the state is written with.
func Make(st *generator.State, texts *bodies.Store, forms []string, links Links) (*Statements, error) {
	n := len(st.Statements)
	s := &Statements{State: st, links: links, items: make([]string, n), said: make([]generator.Said, n), texts: make([]string, n),
		sessions: map[*generator.Session][]int{}, topics: map[*generator.Topic][]int{}}
	var b strings.Builder
	for i, stmt := range st.Statements {
		text, err := texts.Text(stmt.Paragraph)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stmt.Report.SourcePath, err)
		}
		at, l := generator.NamedAt(text, forms)
		sd := generator.SaidIn(text, at, l)
		s.said[i], s.texts[i] = sd, text
		b.Reset()
		writeItem(&b, stmt, text, sd, links)
		s.items[i] = b.String()
		ss := stmt.Report.Session
		s.sessions[ss] = append(s.sessions[ss], i)
		for _, t := range stmt.Paragraph.Topics {
			s.topics[t] = append(s.topics[t], i)
		}
	}
	return s, nil
}

// At lists the statements at ss, as indexes of State.Statements, newest
// first.
func (s *Statements) At(ss *generator.Session) []int { return s.sessions[ss] }

// OnTopic lists the statements on t, as At does.
func (s *Statements) OnTopic(t *generator.Topic) []int { return s.topics[t] }

// Text is what statement i shows of its paragraph, as plain text.
func (s *Statements) Text(i int) string { return s.said[i].Text(s.texts[i]) }

// ByReport writes the statements idx under a heading per report, of the
// level given ("h2"), each with the report's date and time.
func (s *Statements) ByReport(idx []int, level string) template.HTML {
	var b strings.Builder
	var last *generator.Report
	for _, i := range idx {
		r := s.State.Statements[i].Report
		if r != last {
			if last != nil {
				b.WriteString("</ol>")
			}
			writeHeading(&b, r, level)
			b.WriteString(`<ol class=said>`)
			last = r
		}
		b.WriteString(s.items[i])
	}
	if last != nil {
		b.WriteString("</ol>")
	}
	return template.HTML(b.String()) //nolint:gosec // every value escaped in writeHeading and writeItem
}

// SessionGroup is a session's share of a list of statements.
type SessionGroup struct {
	Session *generator.Session
	ID      string // the heading's anchor
	URL     string // the state's page at the session
	List    template.HTML
}

// BySession groups the statements idx by session, newest first, each
// session's statements by report under headings of level.
func (s *Statements) BySession(idx []int, level string) []SessionGroup {
	var out []SessionGroup
	start := 0
	for k := 1; k <= len(idx); k++ {
		if k < len(idx) && s.State.Statements[idx[k]].Report.Session == s.State.Statements[idx[start]].Report.Session {
			continue
		}
		ss := s.State.Statements[idx[start]].Report.Session
		g := SessionGroup{Session: ss, ID: "s-" + ss.Key, List: s.ByReport(idx[start:k], level)}
		if s.links.Session != nil {
			g.URL = s.links.Session(ss)
		}
		out = append(out, g)
		start = k
	}
	return out
}

// writeHeading writes a report's heading: its title, linked, with its
// date and time.
func writeHeading(b *strings.Builder, r *generator.Report, level string) {
	b.WriteString("<" + level + ` class=said-report><a href="`)
	attr(b, r.URL)
	b.WriteString(`">`)
	text(b, r.Title)
	b.WriteString(`</a> <time datetime="`)
	b.WriteString(r.Date.Format(time.RFC3339))
	b.WriteString(`">`)
	text(b, format.When(r.Date, r.End, r.AllDay))
	b.WriteString("</time></" + level + ">")
}

// writeItem writes one statement: the part of its paragraph it shows,
// the sentence naming the state marked, then a link to the paragraph and
// the paragraph's topics.
func writeItem(b *strings.Builder, st *generator.Statement, t string, sd generator.Said, links Links) {
	b.WriteString(`<li><blockquote><p>`)
	if sd.Start > 0 {
		b.WriteString("… ")
	}
	text(b, t[sd.Start:sd.Mark])
	b.WriteString("<mark>")
	text(b, t[sd.Mark:sd.MarkEnd])
	b.WriteString("</mark>")
	text(b, t[sd.MarkEnd:sd.End])
	if sd.End < len(t) {
		b.WriteString(" …")
	}
	b.WriteString(`</p></blockquote><p class=meta><a href="`)
	attr(b, st.Report.URL)
	b.WriteString("#")
	attr(b, st.Paragraph.ID)
	b.WriteString(`">Paragraph `)
	b.WriteString(strconv.Itoa(st.Paragraph.N))
	b.WriteString("</a>")
	if links.Topic != nil {
		for _, tp := range st.Paragraph.Topics {
			b.WriteString(` <a class=chip href="`)
			attr(b, links.Topic(tp))
			b.WriteString(`">`)
			text(b, tp.Title)
			b.WriteString("</a>")
		}
	}
	b.WriteString("</p></li>")
}

// attr writes s escaped for a quoted attribute value.
func attr(b *strings.Builder, s string) {
	if strings.ContainsAny(s, `&<>"'`) {
		s = template.HTMLEscapeString(s)
	}
	b.WriteString(s)
}

// text writes s as an element's text: "&" and "<" escaped, as minified
// markup has it.
func text(b *strings.Builder, s string) {
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
