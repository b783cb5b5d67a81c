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
	// Heading is the text of a report's heading (see Heading), which a
	// build makes once for all the states that report names; nil makes
	// it per state.
	Heading func(*generator.Report) string
}

// Statements are one state's statements, each written once.
type Statements struct {
	State *generator.State
	links Links
	// items are the statements' list items, in the order of
	// State.Statements (newest first), each cut where its topics' chips
	// go, and said the text each shows.
	items []item
	said  []generator.Said
	texts []string
	// heads are the headings of the statements' reports (a report's
	// statements share one string), written once per state.
	heads []string
	// sessions and topics index the statements at each session and on
	// each topic, newest first.
	sessions map[*generator.Session][]int
	topics   map[*generator.Topic][]int
}

// Make writes the statements of st, whose paragraphs' texts are read
// from texts; forms are the names the state is written with.
func Make(st *generator.State, texts *bodies.Store, forms []string, links Links) (*Statements, error) {
	n := len(st.Statements)
	s := &Statements{State: st, links: links, items: make([]item, n), said: make([]generator.Said, n), texts: make([]string, n),
		sessions: map[*generator.Session][]int{}, topics: map[*generator.Topic][]int{}}
	var b strings.Builder
	s.heads = make([]string, n)
	for i, stmt := range st.Statements {
		if i > 0 && stmt.Report == st.Statements[i-1].Report {
			s.heads[i] = s.heads[i-1]
		} else if links.Heading != nil {
			s.heads[i] = links.Heading(stmt.Report)
		} else {
			s.heads[i] = Heading(stmt.Report)
		}
		text, err := texts.Text(stmt.Paragraph)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stmt.Report.SourcePath, err)
		}
		at, l := generator.NamedAt(text, forms)
		sd := generator.SaidIn(text, at, l)
		s.said[i], s.texts[i] = sd, text
		s.items[i] = makeItem(&b, stmt, text, sd, links)
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
// level given ("h2"), each with the report's date and time, and with the
// chips of its topics but the page's own (on a topic's page).
func (s *Statements) ByReport(idx []int, level string, on *generator.Topic) template.HTML {
	var b strings.Builder
	var last *generator.Report
	for _, i := range idx {
		r := s.State.Statements[i].Report
		if r != last {
			if last != nil {
				b.WriteString("</ol>")
			}
			b.WriteString("<" + level + " class=said-report>")
			b.WriteString(s.heads[i])
			b.WriteString("</" + level + ">")
			b.WriteString(`<ol class=said>`)
			last = r
		}
		it := &s.items[i]
		b.WriteString(it.html[:it.chips])
		for k, t := range s.State.Statements[i].Paragraph.Topics {
			if t != on {
				b.WriteString(it.html[it.chip[k]:it.chip[k+1]])
			}
		}
		b.WriteString(it.html[it.chip[len(it.chip)-1]:])
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
func (s *Statements) BySession(idx []int, level string, on *generator.Topic) []SessionGroup {
	var out []SessionGroup
	start := 0
	for k := 1; k <= len(idx); k++ {
		if k < len(idx) && s.State.Statements[idx[k]].Report.Session == s.State.Statements[idx[start]].Report.Session {
			continue
		}
		ss := s.State.Statements[idx[start]].Report.Session
		g := SessionGroup{Session: ss, ID: "s-" + ss.Key, List: s.ByReport(idx[start:k], level, on)}
		if s.links.Session != nil {
			g.URL = s.links.Session(ss)
		}
		out = append(out, g)
		start = k
	}
	return out
}

// Heading is the text of a report's heading: its title, linked, with its
// date and time.
func Heading(r *generator.Report) string {
	var b strings.Builder
	writeHeading(&b, r)
	return b.String()
}

func writeHeading(b *strings.Builder, r *generator.Report) {
	b.WriteString(`<a href="`)
	attr(b, r.URL)
	b.WriteString(`">`)
	text(b, r.Title)
	b.WriteString(`</a> <time datetime="`)
	b.WriteString(r.Date.Format(time.RFC3339))
	b.WriteString(`">`)
	text(b, format.When(r.Date, r.End, r.AllDay))
	b.WriteString("</time>")
}

// item is one statement's list item: html, whose chips of topics are
// html[chip[k]:chip[k+1]], between html[:chips] and html[chip[last]:].
type item struct {
	html  string
	chips int
	chip  []int
}

// makeItem writes one statement: the part of its paragraph it shows, the
// sentence naming the state marked, then a link to the paragraph, the
// group the state spoke for, and the paragraph's topics.
func makeItem(b *strings.Builder, st *generator.Statement, t string, sd generator.Said, links Links) item {
	b.Reset()
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
	if g := st.OnBehalfOf; g != nil {
		b.WriteString(` <span class=behalf>on behalf of <a href="`)
		attr(b, g.URL)
		b.WriteString(`">`)
		text(b, g.Name)
		b.WriteString("</a></span>")
	}
	it := item{chips: b.Len(), chip: make([]int, 0, len(st.Paragraph.Topics)+1)}
	it.chip = append(it.chip, b.Len())
	for _, tp := range st.Paragraph.Topics {
		if links.Topic != nil {
			b.WriteString(` <a class=chip href="`)
			attr(b, links.Topic(tp))
			b.WriteString(`">`)
			text(b, tp.Title)
			b.WriteString("</a>")
		}
		it.chip = append(it.chip, b.Len())
	}
	b.WriteString("</p></li>")
	it.html = b.String()
	return it
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
