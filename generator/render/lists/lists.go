// Package lists owns the lists of statements that pages show: a state's,
// group's or stakeholder's statements by session and report, a topic's
// latest statements on a state's page by topic, and the speakers marked
// beside each paragraph of a report. Their markup is the theme's partials
// (partials/statement-list.html with partials/statement.html,
// partials/topic-statements.html and partials/paragraph-speakers.html),
// which an archive overrides like any template. Where the theme's partial is the bundled one, the same markup
// is written in Go instead: a state's pages hold most of the site's text,
// and the template engine's reflective calls per statement dominated them.
// Both give the same bytes; the render package's tests hold them to it.
package lists

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/themes"
)

// The partials, by the names pages and tests know them by.
const (
	// SessionPartial is a session's share of a list: its reports, each a
	// heading and its statements. It receives a List.
	SessionPartial = "partials/statement-list.html"
	// StatementPartial is one statement under its report's heading; the
	// bundled SessionPartial calls it with an Item.
	StatementPartial = "partials/statement.html"
	// TopicPartial is a topic's latest statements on a state's page by
	// topic, each naming its report. It receives a []Item.
	TopicPartial = "partials/topic-statements.html"
	// MarkPartial is who speaks in a paragraph, beside its ¶ link on the
	// report's page. It receives a []Speaker.
	MarkPartial = "partials/paragraph-speakers.html"
)

// Speaker is a state, group or stakeholder as a list names it, linked.
type Speaker struct {
	Name, URL string
	// For is the group it spoke on behalf of, in a paragraph's mark.
	For *Speaker
}

// List is a session's share of a list of statements, as SessionPartial
// receives it.
type List struct {
	Session *generator.Session
	Reports []Report
}

// Report is a report's statements within a List.
type Report struct {
	Report *generator.Report
	URL    string
	// Title is the report's title escaped as the site's lists write it.
	Title      template.HTML
	Date       time.Time
	Statements []Item
}

// Item is one statement of a list.
type Item struct {
	Statement *generator.Statement
	URL       string // the paragraph's address
	N         int    // the paragraph's number
	// Excerpt is the paragraph's text around the speaker's name, escaped.
	Excerpt template.HTML
	// Report, ReportTitle and Date are the statement's report, for lists
	// that name it (TopicPartial).
	Report      *generator.Report
	ReportTitle template.HTML
	Date        time.Time
	// OnBehalfOf is the group the speaker spoke for; By are those who
	// spoke for a group in its statement. Either may be empty.
	OnBehalfOf *Speaker
	By         []Speaker
}

// Writer writes lists with the theme's partials, or in Go where a partial
// is the bundled one.
type Writer struct {
	partials *template.Template
	// fastSession, fastTopic and fastMarks say the session lists, topic
	// lists and paragraphs' speakers are written in Go.
	fastSession, fastTopic, fastMarks bool
}

// New returns the Writer of a theme whose partials are parsed in
// partials (with the theme's functions) and whose sources, after the
// archive's overrides and before any minifying, are sources by name. A
// list is written in Go when each partial it uses that the theme has is
// the bundled one: a theme made before the partials existed has none.
func New(partials *template.Template, sources map[string][]byte) (*Writer, error) {
	bundled, err := themes.Lookup("default")
	if err != nil {
		return nil, err
	}
	// same says every partial of names the theme has is the bundled one.
	same := func(names ...string) (bool, error) {
		for _, name := range names {
			src, ok := sources[name]
			if !ok {
				continue
			}
			want, err := fs.ReadFile(bundled, "layouts/"+name)
			if err != nil {
				return false, fmt.Errorf("bundled theme: %w", err)
			}
			if !bytes.Equal(src, want) {
				return false, nil
			}
		}
		return true, nil
	}
	w := &Writer{partials: partials}
	if w.fastSession, err = same(SessionPartial, StatementPartial); err != nil {
		return nil, err
	}
	if w.fastTopic, err = same(TopicPartial); err != nil {
		return nil, err
	}
	if w.fastMarks, err = same(MarkPartial); err != nil {
		return nil, err
	}
	return w, nil
}

// Fast says which lists are written in Go, for tests: the session lists,
// the topic lists and the paragraphs' speakers.
func (w *Writer) Fast() (session, topic, marks bool) { return w.fastSession, w.fastTopic, w.fastMarks }

// SessionList is a session's share of a list of statements, as markup.
type SessionList struct {
	Key, Title, URL string
	List            template.HTML
}

// Sessions splits statements, newest first, into runs of one session
// and, within it, one report each, and writes each session's list.
// Paragraph texts are read from texts.
func (w *Writer) Sessions(texts *bodies.Store, stmts []*generator.Statement) ([]SessionList, error) {
	if w.fastSession {
		return writeSessions(texts, stmts)
	}
	var out []SessionList
	var b strings.Builder
	for i := 0; i < len(stmts); {
		ss := stmts[i].Report.Session
		j := i + 1
		for j < len(stmts) && stmts[j].Report.Session.Key == ss.Key {
			j++
		}
		l, err := list(texts, ss, stmts[i:j])
		if err != nil {
			return nil, err
		}
		b.Reset()
		if err := w.partials.ExecuteTemplate(&b, SessionPartial, l); err != nil {
			return nil, err
		}
		out = append(out, SessionList{Key: ss.Key, Title: ss.Title, URL: ss.URL, List: template.HTML(b.String())}) //nolint:gosec // the theme's partial
		i = j
	}
	return out, nil
}

// Topic writes a topic's latest statements on a state's page by topic.
func (w *Writer) Topic(texts *bodies.Store, stmts []*generator.Statement) (template.HTML, error) {
	if w.fastTopic {
		return writeTopic(texts, stmts)
	}
	items := make([]Item, 0, len(stmts))
	for _, s := range stmts {
		it, err := item(texts, s)
		if err != nil {
			return "", err
		}
		items = append(items, it)
	}
	var b strings.Builder
	if err := w.partials.ExecuteTemplate(&b, TopicPartial, items); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil //nolint:gosec // the theme's partial
}

// list is the List of one session's statements.
func list(texts *bodies.Store, ss *generator.Session, stmts []*generator.Statement) (List, error) {
	l := List{Session: ss}
	for _, s := range stmts {
		if n := len(l.Reports); n == 0 || l.Reports[n-1].Report != s.Report {
			l.Reports = append(l.Reports, Report{Report: s.Report, URL: s.Report.URL, Title: escaped(s.Report.Title), Date: s.Report.Date})
		}
		it, err := item(texts, s)
		if err != nil {
			return List{}, err
		}
		r := &l.Reports[len(l.Reports)-1]
		r.Statements = append(r.Statements, it)
	}
	return l, nil
}

// item is the Item of a statement.
func item(texts *bodies.Store, s *generator.Statement) (Item, error) {
	text, err := texts.Text(s.Paragraph)
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", s.Report.SourcePath, err)
	}
	var b strings.Builder
	writeExcerpt(&b, s, text)
	it := Item{
		Statement: s, URL: s.URL(), N: s.Paragraph.N, Excerpt: template.HTML(b.String()), //nolint:gosec // escaped by writeExcerpt
		Report: s.Report, ReportTitle: escaped(s.Report.Title), Date: s.Report.Date,
	}
	if g := s.OnBehalfOf; g != nil {
		it.OnBehalfOf = &Speaker{Name: g.Name, URL: g.URL}
	}
	for _, by := range spokenBy(s) {
		it.By = append(it.By, Speaker{Name: by.Name(), URL: by.SpeakerURL()})
	}
	return it, nil
}

// spokenBy are the statements of those who spoke on behalf of a group in
// the group's statement s, in the order of the paragraph's statements.
func spokenBy(s *generator.Statement) []*generator.Statement {
	if s.Group == nil || s.Role != generator.Speaker {
		return nil
	}
	var out []*generator.Statement
	for i := range s.Report.Statements {
		o := &s.Report.Statements[i]
		if o.Paragraph == s.Paragraph && o.OnBehalfOf == s.Group && o.Role == generator.Speaker {
			out = append(out, o)
		}
	}
	return out
}

// Marks are who speaks in the paragraphs of a report, as markup: one
// string, each paragraph's part of it at Of.
type Marks struct {
	HTML string
	Of   []Mark
}

// Mark is where who speaks in paragraph N is in Marks.HTML.
type Mark struct {
	N          int // the paragraph's number
	Start, End int
}

// Marks are the markup of who speaks in each paragraph of r that has a
// speaker, in document order: its speakers, each with the group it spoke
// for, less the groups spoken for by another of them.
func (w *Writer) Marks(r *generator.Report) (Marks, error) {
	var out Marks
	var b strings.Builder
	var speakers []Speaker
	for i := 0; i < len(r.Statements); {
		p := r.Statements[i].Paragraph
		j := i
		for j < len(r.Statements) && r.Statements[j].Paragraph == p {
			j++
		}
		speakers = paragraphSpeakers(speakers[:0], r.Statements[i:j])
		i = j
		if len(speakers) == 0 {
			continue
		}
		start := b.Len()
		if w.fastMarks {
			writeMark(&b, speakers)
		} else if err := w.partials.ExecuteTemplate(&b, MarkPartial, speakers); err != nil {
			return Marks{}, err
		}
		out.Of = append(out.Of, Mark{N: p.N, Start: start, End: b.Len()})
	}
	out.HTML = b.String()
	return out, nil
}

// paragraphSpeakers appends the speakers of one paragraph's statements
// to out.
func paragraphSpeakers(out []Speaker, stmts []generator.Statement) []Speaker {
	for i := range stmts {
		s := &stmts[i]
		if s.Role != generator.Speaker || len(spokenBy(s)) > 0 {
			continue
		}
		sp := Speaker{Name: s.Name(), URL: s.SpeakerURL()}
		if g := s.OnBehalfOf; g != nil {
			sp.For = &Speaker{Name: g.Name, URL: g.URL}
		}
		out = append(out, sp)
	}
	return out
}

// escaped is text escaped as the site's lists write it.
func escaped(s string) template.HTML {
	var b strings.Builder
	writeText(&b, s)
	return template.HTML(b.String()) //nolint:gosec // escaped by writeText
}
