package render

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/opendata"
	"github.com/plenary-archive/plenary/generator/render/annotate"
	"github.com/plenary-archive/plenary/generator/render/format"
	"github.com/plenary-archive/plenary/generator/render/paging"
	"github.com/plenary-archive/plenary/generator/render/said"
)

// Folders of a state's pages at a session and on a topic, below its page.
const (
	stateSessionsDir = "sessions/"
	stateTopicDir    = stateTopicsDir // "topics/<key>/" beside the by-topic page
)

// StateAtSessionURL is the page of what st said at ss.
func StateAtSessionURL(st *generator.State, ss *generator.Session) string {
	return st.URL + stateSessionsDir + ss.Key + "/"
}

// StateOnTopicURL is the page of everything st said on t.
func StateOnTopicURL(st *generator.State, t *generator.Topic) string {
	return st.URL + stateTopicDir + t.Key + "/"
}

// Said fills the page of a state at a session or on a topic.
type Said struct {
	Session *generator.Session // at a session
	Topic   *generator.Topic   // on a topic
	Count   int                // the statements on the page's subject
	Reports int                // the reports they are in
	// List is the statements by report, on a session's page; Groups
	// by session, then report, on a topic's.
	List   template.HTML
	Groups []said.SessionGroup
	// Topics are the topics of the state's statements at the session,
	// most first, each linking to the state's page on it.
	Topics []SaidLink
	// Prev and Next are the sessions before and after at which the
	// state spoke.
	Prev, Next *SaidLink
}

// SaidLink is a link from a state's page at a session or on a topic.
type SaidLink struct {
	Title, URL string
	Count      int
}

// saidLanding is how many statements a state's page on a topic shows
// before its archive pages, which hold them all: as many as an archive
// page holds on average, so that most lists need none.
const saidLanding = 100

// stateViewOutputs are the pages of what st said at each session and on
// each topic, and its data file, all made from its statements written
// once (said.Make) and let go of after the last of them.
func (r *Renderer) stateViewOutputs(st *generator.State) []Output {
	s := r.site
	views := r.theme.pages["statesession"] != nil && r.theme.pages["statetopic"] != nil
	forms := stateForms(st)
	stmts := &shared[*said.Statements]{make: func() (*said.Statements, error) {
		var links said.Links
		if views {
			links.Topic = func(t *generator.Topic) string { return StateOnTopicURL(st, t) }
			links.Session = func(ss *generator.Session) string { return StateAtSessionURL(st, ss) }
			links.Heading = r.reportHeading
		}
		return said.Make(st, r.texts, forms, links)
	}}
	var out []Output
	use := func(o Output, fn func(w io.Writer, ss *said.Statements) error) {
		stmts.users++
		o.Render = func(w io.Writer) error {
			defer stmts.done()
			ss, err := stmts.get()
			if err != nil {
				return err
			}
			return fn(w, ss)
		}
		out = append(out, o)
	}
	if views {
		for i, g := range st.BySession {
			ss := g.Session
			var prev, next *generator.Session
			if i+1 < len(st.BySession) {
				prev = st.BySession[i+1].Session
			}
			if i > 0 {
				next = st.BySession[i-1].Session
			}
			use(Output{Path: rel(s, StateAtSessionURL(st, ss)) + "index.html", Deps: []Dep{StateDep(st.Code)}},
				func(w io.Writer, said *said.Statements) error { return r.stateAtSession(w, said, ss, prev, next) })
		}
		for _, tc := range st.Topics {
			t := tc.Topic
			pages := topicStatementPages(st, t)
			base := StateOnTopicURL(st, t)
			use(Output{Path: rel(s, base) + "index.html", Deps: []Dep{StateDep(st.Code)}},
				func(w io.Writer, said *said.Statements) error { return r.stateOnTopic(w, said, t, pages, -1) })
			for k := range pages {
				use(Output{Path: rel(s, paging.URL(base, pages[k].Name)) + "index.html", Key: paging.Key("state-topic", st.Code+"/"+t.Key, pages, k)},
					func(w io.Writer, said *said.Statements) error { return r.stateOnTopic(w, said, t, pages, k) })
			}
		}
	}
	use(Output{Path: opendata.StatePath(st), Deps: []Dep{StateDep(st.Code)}},
		func(w io.Writer, said *said.Statements) error { return opendata.State(w, st, said.Text) })
	return out
}

// stateForms are the names st is written with, to find it in a text.
func stateForms(st *generator.State) []string {
	forms := []string{st.Name, st.Official}
	if e, ok := gazetteer.Default().Lookup(st.Code); ok {
		forms = append(forms, e.Aliases...)
		forms = append(forms, e.Misspellings...)
	}
	return forms
}

// topicStatementPages are the archive pages of st's statements on t.
func topicStatementPages(st *generator.State, t *generator.Topic) []paging.Page {
	var on []*generator.Statement
	for _, s := range st.Statements {
		for _, pt := range s.Paragraph.Topics {
			if pt == t {
				on = append(on, s)
				break
			}
		}
	}
	return paging.Cut(len(on), saidLanding,
		func(i int) uint64 { return on[i].Key },
		func(i int) time.Time { return on[i].Report.Date })
}

// stateAtSession renders what a state said at ss, between the sessions
// before and after at which it spoke.
func (r *Renderer) stateAtSession(w io.Writer, stmts *said.Statements, ss, prev, next *generator.Session) error {
	st := stmts.State
	idx := stmts.At(ss)
	reports, topics := countReports(st, idx), map[*generator.Topic]int{}
	for _, i := range idx {
		for _, t := range st.Statements[i].Paragraph.Topics {
			topics[t]++
		}
	}
	title := st.Name + " at the " + ss.Title
	if ss.Process != "" {
		title += " (" + ss.Process + ")"
	}
	p := r.base("statesession", title, fmt.Sprintf("What %s said at the %s, %s: %s in %s.", st.Name, ss.Title, format.Span(ss.Start, ss.End),
		format.Plural(len(idx), "statement", "statements"), format.Plural(reports, "report", "reports")), StateAtSessionURL(st, ss))
	p.State, p.Session = st, ss
	v := &Said{Session: ss, Count: len(idx), Reports: reports, List: stmts.ByReport(idx, "h2", nil)}
	for _, tc := range st.Topics { // in the state's order: most first overall
		if n := topics[tc.Topic]; n > 0 {
			v.Topics = append(v.Topics, SaidLink{Title: tc.Topic.Title, URL: StateOnTopicURL(st, tc.Topic), Count: n})
		}
	}
	if prev != nil {
		v.Prev = &SaidLink{Title: prev.Title, URL: StateAtSessionURL(st, prev)}
	}
	if next != nil {
		v.Next = &SaidLink{Title: next.Title, URL: StateAtSessionURL(st, next)}
	}
	p.Said = v
	return r.page(w, "statesession", p)
}

// stateOnTopic renders the landing page (k < 0) or archive page k of
// what a state said on t.
func (r *Renderer) stateOnTopic(w io.Writer, stmts *said.Statements, t *generator.Topic, pages []paging.Page, k int) error {
	st := stmts.State
	idx := stmts.OnTopic(t)
	base := StateOnTopicURL(st, t)
	var p *Page
	v := &Said{Topic: t}
	if k < 0 {
		v.Count, v.Reports = len(idx), countReports(st, idx)
		p = r.base("statetopic", st.Name+" on "+t.Title, fmt.Sprintf("What %s said on %s: %s in %s.", st.Name, t.Title,
			format.Plural(v.Count, "statement", "statements"), format.Plural(v.Reports, "report", "reports")), base)
		idx = idx[:min(saidLanding, len(idx))]
		p.Pager = paging.Landing(base, pages)
	} else {
		pg := pages[k]
		from := pg.From.Format("2 January 2006")
		p = r.base("statetopic", fmt.Sprintf("%s on %s: statements from %s", st.Name, t.Title, from),
			fmt.Sprintf("Statements of %s on %s from %s on, newest first.", st.Name, t.Title, from), paging.URL(base, pg.Name))
		p.Archive = true
		idx = idx[pg.Lo:pg.Hi]
		p.Pager = paging.Archive(base, pages, k)
	}
	p.State, p.Topic = st, t
	v.Groups = stmts.BySession(idx, "h3", t)
	p.Said = v
	return r.page(w, "statetopic", p)
}

// countReports counts the reports of a state's statements idx.
func countReports(st *generator.State, idx []int) int {
	n := 0
	var last *generator.Report
	for _, i := range idx {
		if r := st.Statements[i].Report; r != last {
			n, last = n+1, r
		}
	}
	return n
}

// reportHeading is the text of a report's heading on the pages of what
// states said, made once per report for every state that names it.
func (r *Renderer) reportHeading(rep *generator.Report) string {
	r.headsOnce.Do(func() {
		r.heads = make(map[*generator.Report]string, len(r.site.Reports))
		for _, x := range r.site.Reports {
			r.heads[x] = said.Heading(x)
		}
	})
	return r.heads[rep]
}

// annotation is how a state is found and linked in reports' text, made
// once per state for every report that names it.
func (r *Renderer) annotation(st *generator.State) annotate.State {
	r.namesOnce.Do(func() {
		r.names = make(map[*generator.State]annotate.State, len(r.site.States))
		for _, x := range r.site.States {
			a := annotate.State{URL: x.URL}
			seen := map[string]bool{}
			for _, f := range stateForms(x) {
				if f = html.EscapeString(f); f != "" && !seen[f] {
					seen[f] = true
					a.Forms = append(a.Forms, f)
				}
			}
			r.names[x] = a
		}
	})
	return r.names[st]
}
