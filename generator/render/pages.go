package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/render/annotate"
	"github.com/plenary-archive/plenary/generator/render/feeds"
	"github.com/plenary-archive/plenary/generator/render/figures"
	"github.com/plenary-archive/plenary/generator/render/format"
	"github.com/plenary-archive/plenary/generator/render/lists"
	"github.com/plenary-archive/plenary/generator/render/metadata"
	"github.com/plenary-archive/plenary/generator/render/paging"
	"github.com/plenary-archive/plenary/generator/render/reportlist"
	"github.com/plenary-archive/plenary/generator/render/said"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

// Page is what a page template receives: the Site for navigation, the one
// thing the page is about, and everything it shows already computed.
type Page struct {
	Site        *generator.Site
	Kind        string
	Title       string // the document title, without the site's name
	Description string
	URL         string // site-relative
	Permalink   string // canonical, absolute
	CSS         string // stylesheet URL
	// Styles are the stylesheets the page needs besides CSS: report
	// pages, the most read, load the one stylesheet alone.
	Styles []string
	Feed   string // Atom feed URL
	Body   template.HTML
	// Header and Footer are the partials header.html and footer.html,
	// rendered once per page kind (see chrome.go); empty when the theme's
	// partials read more of the page and baseof.html renders them.
	Header, Footer template.HTML

	Report  *generator.Report
	Session *generator.Session
	State   *generator.State
	Topic   *generator.Topic
	Home    *Home
	Letters []Letter // states A to Z, on the states index
	Process *generator.Process
	// Timeline is a process's sessions by year, on its page.
	Timeline []TimelineYear

	// Said fills the pages of a state at a session and on a topic.
	Said *said.View
	// Compare fills the page that sets states side by side.
	Compare *said.Compare
	// Spoke links, on a session's page, each state that spoke to what it
	// said there, most statements first; on a state's page, each session
	// it spoke at, newest first; on a report's page, each state that
	// speaks in it, with how many of its paragraphs it speaks in.
	Spoke []SaidLink
	// Group is the group or stakeholder a page is about.
	Group *generator.Group
	// Groups are this page's share of a state's or group's statements,
	// by session and report, each session's list the theme's partial
	// (see lists); Mentions are the newest paragraphs that only name it,
	// the same way, on its landing page.
	Groups   []lists.SessionList
	Mentions []lists.SessionList
	// MentionCount is how many paragraphs only name it, of which the
	// landing page shows the newest MentionsShown.
	MentionCount, MentionsShown int
	// Kinds are the sections of an index of groups or stakeholders.
	Kinds []Kind
	// Reports are this page's share of a topic's reports.
	Reports []*generator.Report
	// Years are this page's share of all reports, by year, on /reports/;
	// YearLinks, on its landing page, lead to where each year begins.
	Years     []reportlist.Year
	YearLinks []reportlist.YearLink
	// Pager links the pages of a long list; nil when there is one page.
	Pager *paging.Pager
	// Archive is set on the archive pages of a long list, which show the
	// list alone, without the summaries of the landing page.
	Archive bool

	// Browse lists what a reader finds reports through without searching,
	// on a site built without a search endpoint (Site.SearchURL empty):
	// shown where the search box would be, and on the search page.
	Browse []generator.Link

	// Query and Results fill the search page: empty in the static page the
	// build writes, filled by the search endpoint's HTML view.
	Query   string
	Results template.HTML
	// SearchSkeleton and SearchErrorSkeleton are what the search page's
	// <template> elements render the search partials with, for its
	// script (see resultspage).
	SearchSkeleton      *resultspage.Results
	SearchErrorSkeleton *resultspage.Error

	// The public's views (public.go): how other sites see the page, its
	// own feed, its figures, and how to cite it.

	// Meta holds the page's Open Graph and JSON-LD description.
	Meta *metadata.Meta
	// OwnFeed is the feed of what the page is about (a state, topic or
	// session) besides the site's; nil on other pages.
	OwnFeed *FeedLink
	// Charts are the page's figures, drawn at build time.
	Charts []*figures.Chart
	// Cite is how to cite the report, on report pages.
	Cite *metadata.Citation
	// Topics are the sections of a state's page by topic, one per topic
	// it spoke on, which the states × topics matrix links to.
	Topics []StateTopic
	// Matrix fills the states × topics pages, and MatrixNav leads to
	// the others.
	Matrix    *figures.Matrix
	MatrixNav *figures.MatrixNav
	// DataURL is the open data file of what the page is about, if any.
	DataURL string
	// TopicsURL is a state's page by topic, linked from its main page.
	TopicsURL string
}

// Home is what the home page shows besides the Site.
type Home struct {
	Latest       []*generator.Report
	ActiveStates []generator.StateCount
	Processes    []Process
}

// Process groups sessions, newest first, for the home page.
type Process struct {
	Name     string
	URL      string // the process's page, when the archive defines it
	Sessions []*generator.Session
}

// Letter is one initial of the states index.
type Letter struct {
	Letter string
	States []*generator.State
}

func (r *Renderer) base(kind, title, desc, url string) *Page {
	return &Page{
		Site: r.site, Kind: kind, Title: title, Description: desc, URL: url,
		Permalink: r.site.BaseURL + rel(r.site, url), CSS: r.css, Feed: r.feed, Browse: r.browse,
	}
}

func (r *Renderer) page(w io.Writer, kind string, p *Page) error {
	if err := r.decorate(p); err != nil {
		return fmt.Errorf("%s: %w", p.URL, err)
	}
	if err := r.chromeOf(p); err != nil {
		return fmt.Errorf("%s: %w", p.URL, err)
	}
	for _, c := range p.Charts {
		var body strings.Builder
		if err := r.theme.Minify(&body, strings.NewReader(string(c.Body))); err != nil {
			return fmt.Errorf("%s: chart %s: %w", p.URL, c.ID, err)
		}
		c.Body = template.HTML(body.String()) //nolint:gosec // the chart's own markup, minified
	}
	t := r.theme.Page(kind)
	if err := t.ExecuteTemplate(w, "baseof.html", p); err != nil {
		return fmt.Errorf("%s: %w", p.URL, err)
	}
	return nil
}

// buffers hold a document's markup while it is minified.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// release returns a buffer to the pool, unless a very large document grew
// it so much that keeping it would pin that memory for the whole build.
func release(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// prose is a description (of a session, topic or process) as HTML,
// without the paragraph anchors of reports, minified for the page.
func (r *Renderer) prose(src []byte) (template.HTML, error) {
	raw := buffers.Get().(*bytes.Buffer)
	defer release(raw)
	if err := r.md.Prose(raw, src); err != nil {
		return "", err
	}
	return r.minified(raw)
}

// minified is HTML the markdown package rendered, minified for the page.
func (r *Renderer) minified(html io.Reader) (template.HTML, error) {
	min := buffers.Get().(*bytes.Buffer)
	defer release(min)
	if err := r.theme.Minify(min, html); err != nil {
		return "", err
	}
	// The markdown package escapes raw HTML and unsafe links, so its
	// output is the one piece of content trusted as markup.
	return template.HTML(min.String()), nil //nolint:gosec // see above
}

func (r *Renderer) report(w io.Writer, rep *generator.Report) error {
	desc, err := feeds.Summary(r.texts, rep)
	if err != nil {
		return err
	}
	p := r.base("report", rep.Title, desc, rep.URL)
	p.Report = rep
	p.Spoke = said.Named(rep)
	if p.Body, err = r.reportBody(rep); err != nil {
		return err
	}
	return r.page(w, "report", p)
}

// reportBody is the report's body as HTML, kept by assembly or rendered
// from its Markdown, minified, with the states it names linked in its
// text (see annotate) and its paragraphs' speakers marked after their ¶
// links. Both are put in after minifying, as the minified body becomes
// the page's string: they are written as the minifier would.
func (r *Renderer) reportBody(rep *generator.Report) (template.HTML, error) {
	marks, err := r.theme.Lists().Marks(rep)
	if err != nil {
		return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
	}
	html, err := r.texts.HTML(rep)
	if err != nil {
		return "", err
	}
	if html == nil {
		src, err := r.texts.Markdown(rep)
		if err != nil {
			return "", err
		}
		raw := buffers.Get().(*bytes.Buffer)
		defer release(raw)
		if err := r.md.HTML(raw, src); err != nil {
			return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
		}
		html = raw.Bytes()
	}
	// The marks are written as the minifier would, after it: minifying
	// them too cost a fifth of a report page.
	body, err := r.minified(bytes.NewReader(html))
	if err != nil {
		return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
	}
	return lists.Body(annotate.Body([]byte(body), rep, r.annotation), marks), nil
}

func (r *Renderer) session(w io.Writer, ss *generator.Session) error {
	p := r.base("session", ss.Title, fmt.Sprintf("%s, %s: %s.", ss.Title, format.Span(ss.Start, ss.End), format.Plural(len(ss.Reports), "report", "reports")), ss.URL)
	p.Session = ss
	if r.theme.Has("statesession") {
		for _, sc := range ss.Speakers {
			p.Spoke = append(p.Spoke, SaidLink{Title: sc.State.Name, URL: StateAtSessionURL(sc.State, ss), Count: sc.Count})
		}
	}
	body, err := r.prose(ss.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", ss.SourcePath, err)
	}
	p.Body = body
	return r.page(w, "session", p)
}

// reportPages are the archive pages of a topic's reports.
func reportPages(t *generator.Topic) []paging.Page {
	return paging.Cut(len(t.Reports), landingReports,
		func(i int) uint64 { return t.Reports[i].Key() },
		func(i int) time.Time { return t.Reports[i].Date })
}

// state renders a state's page: its figures, its newest statements and
// mentions, and links to everything it said at each session and on each
// topic.
func (r *Renderer) state(w io.Writer, st *generator.State) error {
	p := r.base("state", st.Name, fmt.Sprintf("What %s said in the archive: %s in %s.", st.Name, format.Plural(len(st.Statements), "statement", "statements"), format.Plural(len(st.Reports), "report", "reports")), st.URL)
	p.State = st
	for _, g := range st.BySession {
		url := g.Session.URL
		if r.theme.Has("statesession") {
			url = StateAtSessionURL(st, g.Session)
		}
		p.Spoke = append(p.Spoke, SaidLink{Title: g.Session.Title, URL: url, Count: len(g.Statements)})
	}
	if err := r.statements(p, st.URL, st.Statements, st.Mentions, nil, -1); err != nil {
		return err
	}
	return r.page(w, "state", p)
}

// Search renders the search page. The build writes it with no query; the
// search endpoint renders it per request with the query and the results'
// markup, so results without JavaScript look like the rest of the site.
func (r *Renderer) Search(w io.Writer, query string, results template.HTML) error {
	p := r.base("search", "Search", "Search the archive's reports, statements and topics.", r.site.BasePath+"search/")
	p.Query, p.Results = query, results
	p.SearchSkeleton, p.SearchErrorSkeleton = resultspage.Skeleton(), resultspage.ErrorSkeleton()
	return r.page(w, "search", p)
}

// SearchShell renders the search page as the search endpoint serves it,
// which may be from another host than the site's: every address on it is
// the site's absolute one. It is rendered from a view of the Site whose
// base path is the whole base URL, so that addresses made from BasePath,
// as every page makes them, lead to the site; its search address is
// absolute too, and on a site built without an endpoint it is the one an
// endpoint beside the site would have.
func (r *Renderer) SearchShell(w io.Writer, query string, results template.HTML) error {
	s := *r.site
	s.BasePath = s.BaseURL
	if s.SearchURL == "" {
		s.SearchURL = r.site.BasePath + "search"
	}
	s.SearchURL = absolute(s.BaseURL, s.SearchURL)
	return New(&s, r.theme, r.md, r.texts).Search(w, query, results)
}

// absolute is ref resolved against base, both URLs; ref as it is when
// either does not parse.
func absolute(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(u).String()
}

// topic renders a topic's landing page (k < 0) or archive page k of pages.
func (r *Renderer) topic(w io.Writer, t *generator.Topic, pages []paging.Page, k int) error {
	if k >= 0 {
		pg := pages[k]
		p := r.base("topic", fmt.Sprintf("%s: reports from %s", t.Title, pg.From.Format("2 January 2006")), t.Summary, paging.URL(t.URL, pg.Name))
		p.Topic, p.Archive = t, true
		p.Reports = t.Reports[pg.Lo:pg.Hi]
		p.Pager = paging.Archive(t.URL, pages, k)
		return r.page(w, "topic", p)
	}
	p := r.base("topic", t.Title, t.Summary, t.URL)
	p.Topic = t
	p.Reports = t.Reports[:min(landingReports, len(t.Reports))]
	p.Pager = paging.Landing(t.URL, pages)
	body, err := r.prose(t.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", t.SourcePath, err)
	}
	p.Body = body
	return r.page(w, "topic", p)
}

const (
	homeLatest = 20
	homeStates = 24
	// landingStatements is how many statements a state's landing page
	// shows: they repeat the newest archive page, so a few are enough.
	landingStatements = 50
	// landingReports is how many reports a topic's landing page shows.
	landingReports = 100
)

func (r *Renderer) home() *Page {
	s := r.site
	desc := s.Description
	if desc == "" {
		// Every page describes itself to search engines and link previews.
		desc = fmt.Sprintf("%s: %s from %s, and what each state said in them.", s.Title,
			format.Plural(len(s.Reports), "report", "reports"), format.Plural(len(s.Sessions), "session", "sessions"))
	}
	p := r.base("home", s.Title, desc, s.BasePath)
	h := &Home{Latest: s.Reports[:min(homeLatest, len(s.Reports))]}
	var counts []generator.StateCount
	for _, st := range s.States {
		counts = append(counts, generator.StateCount{State: st, Count: len(st.Statements)})
	}
	generator.SortStateCounts(counts)
	h.ActiveStates = counts[:min(homeStates, len(counts))]
	// Newest first: what a visitor comes back for is the latest session.
	for i := len(s.Sessions) - 1; i >= 0; i-- {
		ss := s.Sessions[i]
		name := ss.Process
		if name == "" {
			name = "Other meetings"
		}
		if n := len(h.Processes); n == 0 || h.Processes[n-1].Name != name {
			h.Processes = append(h.Processes, Process{Name: name})
			if ss.Series != nil {
				h.Processes[len(h.Processes)-1].URL = ss.Series.URL
			}
		}
		last := &h.Processes[len(h.Processes)-1]
		last.Sessions = append(last.Sessions, ss)
	}
	p.Home = h
	return p
}

func letters(states []*generator.State) []Letter {
	var out []Letter
	for _, st := range states {
		l := strings.ToUpper(gazetteer.Slugify(st.Name)[:1])
		if n := len(out); n == 0 || out[n-1].Letter != l {
			out = append(out, Letter{Letter: l})
		}
		out[len(out)-1].States = append(out[len(out)-1].States, st)
	}
	return out
}
