package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/opendata"
	"github.com/plenary-archive/plenary/generator/render/feeds"
	"github.com/plenary-archive/plenary/generator/render/figures"
	"github.com/plenary-archive/plenary/generator/render/metadata"
)

// publicOutputs are the files for readers beyond the pages: the states ×
// topics matrix, a feed per state, topic and session, and the open data.
// Each names its deps like every Output: a term's feed and a state's data
// file depend on that term alone; the matrix and the site-wide data files
// show the whole site.
func (r *Renderer) publicOutputs() []Output {
	s := r.site
	var out []Output
	add := func(path string, fn func(w io.Writer) error, deps ...Dep) {
		out = append(out, Output{Path: path, Deps: deps, Render: fn})
	}
	out = append(out, r.matrixOutputs()...)
	for _, st := range s.States {
		st := st
		add(rel(s, st.URL)+stateTopicsDir+"index.html", func(w io.Writer) error { return r.page(w, "statetopics", r.stateTopicsPage(st)) }, StateDep(st.Code))
		add(feeds.File(s, st.URL), func(w io.Writer) error { return feeds.State(w, s, r.texts, st) }, StateDep(st.Code))
	}
	for _, t := range s.Topics {
		t := t
		add(feeds.File(s, t.URL), func(w io.Writer) error { return feeds.Topic(w, s, r.texts, t) }, TopicDep(t.Key))
	}
	for _, ss := range s.Sessions {
		ss := ss
		add(feeds.File(s, ss.URL), func(w io.Writer) error { return feeds.Session(w, s, r.texts, ss) }, SessionDep(ss.Key))
	}
	out = append(out, r.reportsData())
	statements := Output{Path: opendata.StatementsPath, Parts: []Part{{Name: "header", Render: opendata.StatementsHead}}}
	for i := len(s.Reports) - 1; i >= 0; i-- {
		rep := s.Reports[i]
		statements.Parts = append(statements.Parts, Part{
			Name: rep.Slug, Deps: []Dep{DataDep(rep.Slug)},
			Render: func(w io.Writer) error { return opendata.ReportStatements(w, r.texts, rep) },
		})
	}
	out = append(out, statements)
	speakers := Output{Path: opendata.SpeakersPath, Parts: []Part{{Name: "header", Render: opendata.SpeakersHead}}}
	for i := len(s.Reports) - 1; i >= 0; i-- {
		rep := s.Reports[i]
		speakers.Parts = append(speakers.Parts, Part{
			Name: rep.Slug, Deps: []Dep{DataDep(rep.Slug)},
			Render: func(w io.Writer) error { return opendata.ReportSpeakers(w, r.texts, rep) },
		})
	}
	out = append(out, speakers)
	// The states' files are written with their pages at each session and
	// on each topic (stateViewOutputs), from the same statements.
	return out
}

// reportsData is data/reports.json in parts: a report added to a large
// archive renders its entry and the header, and the other entries are
// copied from the previous file. A part whose bytes depend on more than
// its report, the header (its count and date) and the first entry (which
// has no comma before it), names that in its name, so that it is not
// taken for the previous file's part of the same report.
func (r *Renderer) reportsData() Output {
	s := r.site
	head, err := opendata.ReportsHead(s)
	o := Output{Path: opendata.ReportsPath, Parts: []Part{{Name: "head " + string(head), Render: func(w io.Writer) error {
		if err != nil {
			return err
		}
		_, err := w.Write(head)
		return err
	}}}}
	for i, rep := range s.Reports {
		name := rep.Slug
		if i == 0 {
			name = "first " + name
		}
		o.Parts = append(o.Parts, Part{Name: name, Deps: []Dep{DataDep(rep.Slug)}, Render: func(w io.Writer) error {
			return opendata.ReportItem(w, i, rep)
		}})
	}
	o.Parts = append(o.Parts, Part{Name: "end", Render: opendata.ReportsEnd})
	return o
}

// codeCSS is the stylesheet of highlighted code, which only report pages
// whose text has fenced code load.
const codeCSS = "css/code.css"

// stateTopicsDir is the folder of a state's page by topic, below its page:
// one small page per state keeps the file count at the number of states,
// where a page per state and topic would multiply it by the topics.
const stateTopicsDir = "topics/"

func (r *Renderer) stateTopicsPage(st *generator.State) *Page {
	p := r.base("statetopics", st.Name+" by topic", "What "+st.Name+" said on each topic: the latest statements and their number.", st.URL+stateTopicsDir)
	p.State = st
	return p
}

// decorate adds to a page what every page kind shows for the public: its
// description for other sites, its feed, figures and citation. It runs
// for every page just before rendering, so the page functions stay about
// their own content.
func (r *Renderer) decorate(p *Page) error {
	s := r.site
	p.Meta = metadata.Describe(s, metadata.Page{
		Kind: p.Kind, Title: p.Title, Description: p.Description, Permalink: p.Permalink,
		Report: p.Report, Session: p.Session, State: p.State, Topic: p.Topic, Group: p.Group,
	})
	first := !p.Archive
	switch p.Kind {
	case "report":
		if markdown.Highlighted(string(p.Body)) {
			p.Styles = append(p.Styles, s.BasePath+codeCSS)
		}
	case "search":
		p.Styles = r.theme.Styles(s.BasePath, "css/search.css")
	default:
		p.Styles = r.theme.Styles(s.BasePath, "css/views.css")
	}
	switch {
	case p.Kind == "home":
		p.Charts = []*figures.Chart{figures.Timeline(s)}
	case p.Kind == "report" && p.Report != nil:
		p.Cite = metadata.Cite(s, p.Report)
	case p.Kind == "session" && p.Session != nil:
		p.OwnFeed = &FeedLink{Title: "Atom feed of this session's reports", URL: p.Session.URL + "feed.xml"}
	case p.Kind == "state" && p.State != nil:
		p.OwnFeed = &FeedLink{Title: "Atom feed of reports in which " + p.State.Name + " speaks", URL: p.State.URL + "feed.xml"}
		p.DataURL = s.BasePath + opendata.StatePath(p.State)
		p.TopicsURL = p.State.URL + stateTopicsDir
		// Figures and the topic sections summarise the whole state, so
		// they are on its first page only, not repeated on every page of
		// its statements.
		if first {
			p.Charts = figures.State(p.State, r.figureLinks())
		}
	case (p.Kind == "statesession" || p.Kind == "statetopic") && p.State != nil:
		p.DataURL = s.BasePath + opendata.StatePath(p.State)
		p.TopicsURL = p.State.URL + stateTopicsDir
	case p.Kind == "statetopics" && p.State != nil:
		p.OwnFeed = &FeedLink{Title: "Atom feed of reports in which " + p.State.Name + " speaks", URL: p.State.URL + "feed.xml"}
		p.DataURL = s.BasePath + opendata.StatePath(p.State)
		topics, err := stateTopics(s, r.theme.Lists(), r.texts, p.State)
		if err != nil {
			return err
		}
		p.Topics = topics
	case p.Kind == "group" && p.Group != nil && first:
		p.Charts = figures.Group(p.Group)
	case p.Kind == "topic" && p.Topic != nil:
		p.OwnFeed = &FeedLink{Title: "Atom feed of reports on " + p.Topic.Title, URL: p.Topic.URL + "feed.xml"}
		if first {
			p.Charts = figures.Topic(p.Topic, r.figureLinks())
		}
	}
	return nil
}

// figureLinks are the pages charts' bars lead to, when the theme has them.
func (r *Renderer) figureLinks() figures.Links {
	if !r.theme.Has("statesession") || !r.theme.Has("statetopic") {
		return figures.Links{}
	}
	return figures.Links{StateAtSession: StateAtSessionURL, StateOnTopic: StateOnTopicURL}
}
