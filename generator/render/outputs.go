package render

import (
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/render/annotate"
	"github.com/plenary-archive/plenary/generator/render/feeds"
	"github.com/plenary-archive/plenary/generator/render/metadata"
	"github.com/plenary-archive/plenary/generator/render/paging"
	"github.com/plenary-archive/plenary/generator/render/theme"
)

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
	// browse is what pages offer where the search box would be; nil when
	// the site has a search endpoint.
	browse []generator.Link
	// chrome holds each page kind's header and footer once rendered.
	chrome theme.Chrome
	// heads are the reports' headings on the pages of what states said.
	headsOnce sync.Once
	heads     map[*generator.Report]string
	// names are how each state is found and linked in reports' text.
	namesOnce sync.Once
	names     map[*generator.State]annotate.State
}

// New prepares rendering of s, whose report bodies and paragraph texts
// the Site does not hold are read from texts (nil: it holds them all).
func New(s *generator.Site, th *Theme, md *markdown.Renderer, texts *bodies.Store) *Renderer {
	r := &Renderer{site: s, theme: th, md: md, texts: texts, css: s.BasePath + "css/style.css", feed: s.BasePath + "feed.xml"}
	if s.SearchURL == "" {
		r.browse = browse(s)
	}
	return r
}

// browse lists the pages that lead to every report without a search:
// sessions, states, topics, the states × topics matrix and each process.
func browse(s *generator.Site) []generator.Link {
	links := []generator.Link{
		{Title: "Sessions", URL: s.BasePath + "sessions/"}, {Title: "States", URL: s.BasePath + "states/"},
		{Title: "Topics", URL: s.BasePath + "topics/"}, {Title: "States × topics", URL: s.BasePath + matrixPath},
	}
	for _, p := range s.Processes {
		links = append(links, generator.Link{Title: p.Title, URL: p.URL})
	}
	return links
}

// Outputs lists every file of the site in a fixed order.
func (r *Renderer) Outputs() []Output {
	s := r.site
	var out []Output
	add := func(path string, fn func(w io.Writer) error, deps ...Dep) {
		out = append(out, Output{Path: path, Deps: deps, Render: fn})
	}
	// A long list's archive pages, keyed by what they show.
	archived := func(kind, id, base string, pages []paging.Page, render func(w io.Writer, k int) error) {
		for k := range pages {
			out = append(out, Output{
				Path: rel(s, paging.URL(base, pages[k].Name)) + "index.html", Key: paging.Key(kind, id, pages, k),
				Render: func(w io.Writer) error { return render(w, k) },
			})
		}
	}
	add("index.html", func(w io.Writer) error { return r.page(w, "home", r.home()) })
	for _, rep := range s.Reports {
		rep := rep
		add(rel(s, rep.URL)+"index.html", func(w io.Writer) error { return r.report(w, rep) }, ReportDep(rep.Slug))
	}
	out = append(out, r.reportListOutputs()...)
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
	// A state's statements are all on its pages at each session
	// (stateViewOutputs); its own page shows the newest.
	for _, st := range s.States {
		add(rel(s, st.URL)+"index.html", func(w io.Writer) error { return r.state(w, st) }, StateDep(st.Code))
		out = append(out, r.stateViewOutputs(st)...)
	}
	out = append(out, r.compareOutput()...)
	out = append(out, r.groupOutputs()...)
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
	add("feed.xml", func(w io.Writer) error { return feeds.Site(w, s, r.texts) })
	out = append(out, r.sitemapOutput())
	add("manifest.webmanifest", func(w io.Writer) error { return metadata.Manifest(w, s) })
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
	add(codeCSS, markdown.ChromaCSS)
	for _, f := range r.theme.Static() {
		add(f.Path, func(w io.Writer) error { _, err := w.Write(f.Data); return err })
	}
	return out
}

func rel(s *generator.Site, url string) string { return strings.TrimPrefix(url, s.BasePath) }
