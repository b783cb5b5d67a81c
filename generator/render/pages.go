package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
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
	Feed        string // Atom feed URL
	Body        template.HTML

	Report  *generator.Report
	Session *generator.Session
	State   *generator.State
	Topic   *generator.Topic
	Home    *Home
	Letters []Letter // states A to Z, on the states index
	Process *generator.Process
	// Timeline is a process's sessions by year, on its page.
	Timeline []TimelineYear

	// Groups are this page's share of a state's statements, by session
	// and report.
	Groups []StateSession
	// Reports are this page's share of a topic's reports.
	Reports []*generator.Report
	// Pager links the pages of a long list; nil when there is one page.
	Pager *Pager
	// Archive is set on the archive pages of a long list, which show the
	// list alone, without the summaries of the landing page.
	Archive bool

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
	Meta *Meta
	// OwnFeed is the feed of what the page is about (a state, topic or
	// session) besides the site's; nil on other pages.
	OwnFeed *FeedLink
	// Charts are the page's figures, drawn at build time.
	Charts []*Chart
	// Cite is how to cite the report, on report pages.
	Cite *Citation
	// Topics are the sections of a state's page by topic, one per topic
	// it spoke on, which the states × topics matrix links to.
	Topics []StateTopic
	// Matrix fills the states × topics page.
	Matrix *Matrix
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

// Process groups sessions for the home page's timeline.
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

// Output is one file of the site: its path below the site's root, what it
// depends on, and how to produce its bytes.
type Output struct {
	Path string
	// Deps name what the file shows, for incremental builds: a file is
	// rendered again when one of them is touched. No deps means the file
	// shows the site as a whole (home, lists, feeds) and is rendered on
	// every change.
	Deps []Dep
	// Key, when set, fingerprints everything the file shows besides what
	// every page shows; it replaces Deps: the file is rendered again when
	// its key changed.
	Key    string
	Render func(w io.Writer) error
	// Minified says Render writes minified markup already: the page of a
	// theme loaded with a minifier. Publishing writes it as it is.
	Minified bool
	// Parts, when set, make the file in their order instead of Render:
	// for data files that grow with the archive, so that an incremental
	// build renders only the parts a change touches and copies the others
	// from the previous file.
	Parts []Part
}

// Part is a piece of a file rendered, or copied from the previous build,
// on its own.
type Part struct {
	Name string // unique within its file
	// Deps name what the part shows, as Output.Deps do; none means the
	// part shows nothing a content change alters (a header row).
	Deps   []Dep
	Render func(w io.Writer) error
}

// Renderer renders one Site with one theme.
type Renderer struct {
	site  *generator.Site
	theme *Theme
	md    *markdown.Renderer
	texts *bodies.Store
	css   string
	feed  string
}

// New prepares rendering of s, whose report bodies and paragraph texts
// the Site does not hold are read from texts (nil: it holds them all).
func New(s *generator.Site, th *Theme, md *markdown.Renderer, texts *bodies.Store) *Renderer {
	return &Renderer{site: s, theme: th, md: md, texts: texts, css: s.BasePath + "css/style.css", feed: s.BasePath + "feed.xml"}
}

// Outputs lists every file of the site in a fixed order.
func (r *Renderer) Outputs() []Output {
	s := r.site
	var out []Output
	add := func(path string, fn func(w io.Writer) error, deps ...Dep) {
		out = append(out, Output{Path: path, Deps: deps, Render: fn})
	}
	// A long list's archive pages, keyed by what they show.
	archived := func(kind, id, base string, pages []archivePage, render func(w io.Writer, k int) error) {
		for k := range pages {
			out = append(out, Output{
				Path: rel(s, archiveURL(base, pages[k].name)) + "index.html", Key: pageKey(kind, id, pages, k),
				Render: func(w io.Writer) error { return render(w, k) },
			})
		}
	}
	add("index.html", func(w io.Writer) error { return r.page(w, "home", r.home()) })
	for _, rep := range s.Reports {
		rep := rep
		add(rel(s, rep.URL)+"index.html", func(w io.Writer) error { return r.report(w, rep) }, ReportDep(rep.Slug))
	}
	add("sessions/index.html", func(w io.Writer) error {
		return r.page(w, "sessions", r.base("sessions", "Sessions", "All sessions of the archive, in order.", s.BasePath+"sessions/"))
	})
	for _, ss := range s.Sessions {
		ss := ss
		add(rel(s, ss.URL)+"index.html", func(w io.Writer) error { return r.session(w, ss) }, SessionDep(ss.Key))
	}
	out = append(out, r.processOutputs()...)
	add("states/index.html", func(w io.Writer) error {
		p := r.base("states", "States", "Every state named in the archive, A to Z.", s.BasePath+"states/")
		p.Letters = letters(s.States)
		return r.page(w, "states", p)
	})
	// Where archive pages end, and what they hold, is computed for every
	// state on every core.
	statePages := make([][]archivePage, len(s.States))
	generator.Parallel(len(s.States), func(i int) { statePages[i] = statementPages(s.States[i]) })
	for i, st := range s.States {
		pages := statePages[i]
		add(rel(s, st.URL)+"index.html", func(w io.Writer) error { return r.state(w, st, pages, -1) }, StateDep(st.Code))
		archived("state", st.Code, st.URL, pages, func(w io.Writer, k int) error { return r.state(w, st, pages, k) })
	}
	add("topics/index.html", func(w io.Writer) error {
		return r.page(w, "topics", r.base("topics", "Topics", "The agenda's topics and the reports on each.", s.BasePath+"topics/"))
	})
	for _, t := range s.Topics {
		t := t
		pages := reportPages(t)
		add(rel(s, t.URL)+"index.html", func(w io.Writer) error { return r.topic(w, t, pages, -1) }, TopicDep(t.Key))
		archived("topic", t.Key, t.URL, pages, func(w io.Writer, k int) error { return r.topic(w, t, pages, k) })
	}
	add("search/index.html", func(w io.Writer) error { return r.Search(w, "", "") })
	add("404.html", func(w io.Writer) error {
		return r.page(w, "404", r.base("404", "Page not found", "", s.BasePath+"404.html"))
	})
	add("feed.xml", func(w io.Writer) error { return feed(w, s, r.texts) })
	out = append(out, r.sitemapOutput())
	add("robots.txt", func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %ssitemap.xml\n", s.BaseURL)
		return err
	})
	out = append(out, r.publicOutputs()...)
	if r.theme.Minified() {
		// Every HTML file is a page of the theme.
		for i := range out {
			out[i].Minified = path.Ext(out[i].Path) == ".html"
		}
	}
	add("css/style.css", func(w io.Writer) error { return r.stylesheet(w) })
	for _, f := range r.theme.static {
		f := f
		if f.path == "css/style.css" {
			continue
		}
		add(f.path, func(w io.Writer) error { _, err := w.Write(f.data); return err })
	}
	return out
}

func rel(s *generator.Site, url string) string { return strings.TrimPrefix(url, s.BasePath) }

func (r *Renderer) base(kind, title, desc, url string) *Page {
	return &Page{
		Site: r.site, Kind: kind, Title: title, Description: desc, URL: url,
		Permalink: r.site.BaseURL + rel(r.site, url), CSS: r.css, Feed: r.feed,
	}
}

func (r *Renderer) page(w io.Writer, kind string, p *Page) error {
	if err := r.decorate(p); err != nil {
		return fmt.Errorf("%s: %w", p.URL, err)
	}
	for _, c := range p.Charts {
		var svg strings.Builder
		if err := r.theme.minify(&svg, strings.NewReader(string(c.SVG))); err != nil {
			return fmt.Errorf("%s: chart %s: %w", p.URL, c.ID, err)
		}
		c.SVG = template.HTML(svg.String()) //nolint:gosec // the chart's own markup, minified
	}
	t := r.theme.pages[kind]
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

func (r *Renderer) markdown(src []byte) (template.HTML, error) {
	raw := buffers.Get().(*bytes.Buffer)
	defer release(raw)
	if err := r.md.HTML(raw, src); err != nil {
		return "", err
	}
	return r.minified(raw)
}

// minified is HTML the markdown package rendered, minified for the page.
func (r *Renderer) minified(html io.Reader) (template.HTML, error) {
	min := buffers.Get().(*bytes.Buffer)
	defer release(min)
	if err := r.theme.minify(min, html); err != nil {
		return "", err
	}
	// The markdown package escapes raw HTML and unsafe links, so its
	// output is the one piece of content trusted as markup.
	return template.HTML(min.String()), nil //nolint:gosec // see above
}

func (r *Renderer) report(w io.Writer, rep *generator.Report) error {
	desc, err := summary(r.texts, rep)
	if err != nil {
		return err
	}
	p := r.base("report", rep.Title, desc, rep.URL)
	p.Report = rep
	if p.Body, err = r.reportBody(rep); err != nil {
		return err
	}
	return r.page(w, "report", p)
}

// reportBody is the report's body as HTML: kept by assembly, or rendered
// from its Markdown.
func (r *Renderer) reportBody(rep *generator.Report) (template.HTML, error) {
	html, err := r.texts.HTML(rep)
	if err != nil {
		return "", err
	}
	if html != nil {
		body, err := r.minified(bytes.NewReader(html))
		if err != nil {
			return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
		}
		return body, nil
	}
	src, err := r.texts.Markdown(rep)
	if err != nil {
		return "", err
	}
	body, err := r.markdown(src)
	if err != nil {
		return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
	}
	return body, nil
}

func (r *Renderer) session(w io.Writer, ss *generator.Session) error {
	p := r.base("session", ss.Title, fmt.Sprintf("%s, %s: %d reports.", ss.Title, span(ss.Start, ss.End), len(ss.Reports)), ss.URL)
	p.Session = ss
	body, err := r.markdown(ss.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", ss.SourcePath, err)
	}
	p.Body = body
	return r.page(w, "session", p)
}

// statementPages are the archive pages of a state's statements.
func statementPages(st *generator.State) []archivePage {
	return archive(len(st.Statements), landingStatements,
		func(i int) uint64 { return st.Statements[i].Key },
		func(i int) time.Time { return st.Statements[i].Report.Date })
}

// reportPages are the archive pages of a topic's reports.
func reportPages(t *generator.Topic) []archivePage {
	return archive(len(t.Reports), landingReports,
		func(i int) uint64 { return t.Reports[i].Key() },
		func(i int) time.Time { return t.Reports[i].Date })
}

// state renders a state's landing page (k < 0) or archive page k of pages.
func (r *Renderer) state(w io.Writer, st *generator.State, pages []archivePage, k int) error {
	if k < 0 {
		p := r.base("state", st.Name, fmt.Sprintf("What %s said in the archive: %d statements in %d reports.", st.Name, len(st.Statements), len(st.Reports)), st.URL)
		p.State = st
		groups, err := groupBySession(r.texts, st.Statements[:min(landingStatements, len(st.Statements))])
		if err != nil {
			return err
		}
		p.Groups = groups
		p.Pager = landingPager(st.URL, pages)
		return r.page(w, "state", p)
	}
	// An archive page names no totals: they change with every report, and
	// the page should not.
	pg := pages[k]
	from := pg.from.Format("2 January 2006")
	p := r.base("state", fmt.Sprintf("%s: statements from %s", st.Name, from), fmt.Sprintf("Statements of %s in the archive from %s on, newest first.", st.Name, from), archiveURL(st.URL, pg.name))
	p.State, p.Archive = st, true
	groups, err := groupBySession(r.texts, st.Statements[pg.lo:pg.hi])
	if err != nil {
		return err
	}
	p.Groups = groups
	p.Pager = archivePager(st.URL, pages, k)
	return r.page(w, "state", p)
}

// StateSession is a session's share of a state's page.
type StateSession struct {
	Key, Title, URL string
	// List is the session's reports, each a heading and its statements,
	// written in Go: a state's pages hold most of the site's text, and the
	// template engine's reflective calls per excerpt, then per report
	// heading, were a third, then a twentieth, of a 1,000-report build.
	List template.HTML
}

// groupBySession splits statements, newest first, into runs of one
// session and, within it, one report each. Every session's list is a
// slice of one string, written in one builder grown once to its size:
// state pages list every statement of the archive, and lists built one by
// one, growing as they went, were a seventh of a build's allocations.
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

// Search renders the search page. The build writes it with no query; the
// search endpoint renders it per request with the query and the results'
// markup, so results without JavaScript look like the rest of the site.
func (r *Renderer) Search(w io.Writer, query string, results template.HTML) error {
	p := r.base("search", "Search", "Search the archive's reports, statements and topics.", r.site.BasePath+"search/")
	p.Query, p.Results = query, results
	p.SearchSkeleton, p.SearchErrorSkeleton = resultspage.Skeleton(), resultspage.ErrorSkeleton()
	return r.page(w, "search", p)
}

// topic renders a topic's landing page (k < 0) or archive page k of pages.
func (r *Renderer) topic(w io.Writer, t *generator.Topic, pages []archivePage, k int) error {
	if k >= 0 {
		pg := pages[k]
		p := r.base("topic", fmt.Sprintf("%s: reports from %s", t.Title, pg.from.Format("2 January 2006")), t.Summary, archiveURL(t.URL, pg.name))
		p.Topic, p.Archive = t, true
		p.Reports = t.Reports[pg.lo:pg.hi]
		p.Pager = archivePager(t.URL, pages, k)
		return r.page(w, "topic", p)
	}
	p := r.base("topic", t.Title, t.Summary, t.URL)
	p.Topic = t
	p.Reports = t.Reports[:min(landingReports, len(t.Reports))]
	p.Pager = landingPager(t.URL, pages)
	body, err := r.markdown(t.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", t.SourcePath, err)
	}
	p.Body = body
	return r.page(w, "topic", p)
}

const (
	homeLatest = 20
	homeStates = 24
)

func (r *Renderer) home() *Page {
	s := r.site
	p := r.base("home", s.Title, s.Description, s.BasePath)
	h := &Home{Latest: s.Reports[:min(homeLatest, len(s.Reports))]}
	var counts []generator.StateCount
	for _, st := range s.States {
		counts = append(counts, generator.StateCount{State: st, Count: len(st.Statements)})
	}
	generator.SortStateCounts(counts)
	h.ActiveStates = counts[:min(homeStates, len(counts))]
	for _, ss := range s.Sessions {
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

// summary is a report's description for search engines and feeds: its
// first paragraph, shortened.
func summary(texts *bodies.Store, rep *generator.Report) (string, error) {
	for _, p := range rep.Paragraphs {
		if p.Len() > 0 {
			text, err := texts.Text(p)
			if err != nil {
				return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
			}
			return shorten(text, 240), nil
		}
	}
	return "", nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return strings.TrimSpace(s[:cut]) + " …"
}
