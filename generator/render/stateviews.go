package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/opendata"
	"github.com/plenary-archive/plenary/generator/render/annotate"
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

// SaidLink is a link with a count, as the pages of what states said and
// the lists that lead to them show it.
type SaidLink = said.Link

// stateViewOutputs are the pages of what st said at each session and on
// each topic, and its data file, all made from its statements written
// once (said.Make) and let go of after the last of them.
func (r *Renderer) stateViewOutputs(st *generator.State) []Output {
	s := r.site
	views := r.theme.Has("statesession", "statetopic")
	stmts := said.NewShared(func() (*said.Statements, error) {
		var links said.Links
		if views {
			links.Topic = func(t *generator.Topic) string { return StateOnTopicURL(st, t) }
			links.Session = func(ss *generator.Session) string { return StateAtSessionURL(st, ss) }
			links.Heading = r.reportHeading
		}
		return said.Make(st, r.texts, annotate.Forms(st), links)
	})
	var out []Output
	use := func(o Output, fn func(w io.Writer, ss *said.Statements) error) {
		stmts.Add()
		o.Render = func(w io.Writer) error {
			defer stmts.Done()
			ss, err := stmts.Get()
			if err != nil {
				return err
			}
			return fn(w, ss)
		}
		out = append(out, o)
	}
	if views {
		for i, g := range st.BySession {
			var prev, next *generator.Session
			if i+1 < len(st.BySession) {
				prev = st.BySession[i+1].Session
			}
			if i > 0 {
				next = st.BySession[i-1].Session
			}
			use(Output{Path: rel(s, StateAtSessionURL(st, g.Session)) + "index.html", Key: said.SessionKey(st, g, prev, next)}, func(w io.Writer, stmts *said.Statements) error {
				v := stmts.AtSession(g.Session, prev, next)
				p := r.base("statesession", v.Title, v.Description, StateAtSessionURL(st, g.Session))
				p.State, p.Session, p.Said = st, g.Session, v
				return r.page(w, "statesession", p)
			})
		}
		for _, tc := range st.Topics {
			t := tc.Topic
			base := StateOnTopicURL(st, t)
			page := func(w io.Writer, stmts *said.Statements, pages []paging.Page, k int) error {
				v := stmts.OnTopicPage(t, pages, k)
				p := r.base("statetopic", v.Title, v.Description, base)
				if k >= 0 {
					p = r.base("statetopic", v.Title, v.Description, paging.URL(base, pages[k].Name))
					p.Archive, p.Pager = true, paging.Archive(base, pages, k)
				} else {
					p.Pager = paging.Landing(base, pages)
				}
				p.State, p.Topic, p.Said = st, t, v
				return r.page(w, "statetopic", p)
			}
			pages := said.TopicPages(st, t)
			use(Output{Path: rel(s, base) + "index.html", Key: said.TopicKey(st, t, pages)}, func(w io.Writer, stmts *said.Statements) error {
				return page(w, stmts, pages, -1)
			})
			for k := range pages {
				use(Output{Path: rel(s, paging.URL(base, pages[k].Name)) + "index.html", Key: paging.Key("state-topic", st.Code+"/"+t.Key, pages, k)},
					func(w io.Writer, stmts *said.Statements) error { return page(w, stmts, pages, k) })
			}
		}
	}
	use(Output{Path: opendata.StatePath(st), Deps: []Dep{StateDep(st.Code)}},
		func(w io.Writer, stmts *said.Statements) error { return opendata.State(w, st, stmts.Text) })
	return out
}

// reportHeading is the text of a report's heading on the pages of what
// states said, made once per report for every state that names it.
func (r *Renderer) reportHeading(rep *generator.Report) string {
	r.headsOnce.Do(func() { r.heads = said.Headings(r.site.Reports) })
	return r.heads[rep]
}

// annotation is how a state is found and linked in reports' text, made
// once per state for every report that names it.
func (r *Renderer) annotation(st *generator.State) annotate.State {
	r.namesOnce.Do(func() { r.names = annotate.States(r.site.States) })
	return r.names[st]
}
