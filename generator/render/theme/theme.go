// Package theme loads a theme: its layouts (html/template, one set per page
// kind, each made of the base layout, the partials and the page's own
// template), with any file of an archive's own layouts/ in its place, and
// its static files; it minifies the templates once as they load, and says
// which partials every page of a kind renders alike (see chrome.go).
package theme

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator/render/lists"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

// Theme is a parsed theme: one template set per page kind, each made of the
// base layout, the partials and the page's own template.
type Theme struct {
	pages  map[string]*template.Template
	static []File
	// minifier, when set, minified the templates' sources as they were
	// parsed; the Renderer then minifies the markup it hands them, so that
	// pages come out minified without a pass of their own.
	minifier *minify.M
	// searchPartials are the sources of the search results partials
	// (resultspage), which the search endpoint renders apart from the
	// theme; nil when the theme has none.
	searchPartials map[string]string
	// lists writes the lists of statements, with the theme's partials or
	// in Go where they are the bundled ones.
	lists *lists.Writer
	// chromeOnce says, per page kind, whether its header and footer read
	// only what every page of the kind shares, and are rendered once.
	chromeOnce map[string]bool
}

// File is a static file of the theme: its path below static/ and its bytes.
type File struct {
	Path string
	Data []byte
}

// pageKinds are the page templates every theme provides.
var pageKinds = []string{"home", "report", "session", "sessions", "state", "states", "topic", "topics", "search", "404", "matrix", "statetopics"}

// optionalKinds are page templates a theme may lack: their pages are then
// not written. A theme made before process pages existed still loads.
var optionalKinds = map[string]bool{"process": true, "reports": true, "statesession": true, "statetopic": true, "compare": true, "group": true, "groups": true}

// Load reads a theme's layouts/ and static/ from theme, with any file
// of the same name under overrides (the site's own layouts/) taking its
// place. overrides may be nil.
//
// With a minifier m, which must keep Go template actions as they are (see
// publish.TemplateMinifier), every template is minified once here, and
// every page rendered from the theme is minified HTML as it is written,
// so that no page is minified again. Without one, pages are rendered from
// the templates as written.
func Load(theme, overrides fs.FS, m *minify.M) (*Theme, error) {
	files := map[string][]byte{}
	if err := readTree(theme, "layouts", files); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if overrides != nil {
		if err := readTree(overrides, ".", files); err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
	}
	// The partials as written decide which lists are written in Go; the
	// minified ones are what the templates are parsed from.
	sources := make(map[string][]byte, len(files))
	for name, src := range files {
		sources[name] = src
	}
	if m != nil {
		for name, src := range files {
			if path.Ext(name) != ".html" {
				continue
			}
			min, err := m.Bytes("text/html", src)
			if err != nil {
				return nil, fmt.Errorf("theme: %s: minify: %w", name, err)
			}
			files[name] = min
		}
	}
	base, ok := files["baseof.html"]
	if !ok {
		return nil, fmt.Errorf("theme: layouts/baseof.html is missing")
	}
	var partials []string
	for name := range files {
		if strings.HasPrefix(name, "partials/") {
			partials = append(partials, name)
		}
	}
	sort.Strings(partials)

	th := &Theme{pages: map[string]*template.Template{}, minifier: m, chromeOnce: map[string]bool{}}
	for _, p := range partials {
		if strings.HasPrefix(p, resultspage.Prefix) {
			if th.searchPartials == nil {
				th.searchPartials = map[string]string{}
			}
			th.searchPartials[p] = string(files[p])
		}
	}
	if th.searchPartials != nil {
		if _, err := resultspage.Parse(th.searchPartials); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
	}
	set := template.New("partials").Funcs(funcs).Option("missingkey=error")
	for _, p := range partials {
		if _, err := set.New(p).Parse(string(files[p])); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", p, err)
		}
	}
	var err error
	if th.lists, err = lists.New(set, sources); err != nil {
		return nil, err
	}
	for _, kind := range append(pageKinds, "process", "reports", "statesession", "statetopic", "compare", "group", "groups") {
		name := kind + ".html"
		src, ok := files[name]
		if !ok {
			if optionalKinds[kind] {
				continue
			}
			return nil, fmt.Errorf("theme: layouts/%s is missing", name)
		}
		t := template.New("baseof.html").Funcs(funcs).Option("missingkey=error")
		if _, err := t.Parse(string(base)); err != nil {
			return nil, fmt.Errorf("theme: baseof.html: %w", err)
		}
		for _, p := range partials {
			if _, err := t.New(p).Parse(string(files[p])); err != nil {
				return nil, fmt.Errorf("theme: %s: %w", p, err)
			}
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", name, err)
		}
		th.pages[kind] = t
		th.chromeOnce[kind] = readsOnly(t, chromeRoots, ChromeParts...)
	}

	static := map[string][]byte{}
	if err := readTree(theme, "static", static); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for p, data := range static {
		th.static = append(th.static, File{p, data})
	}
	sort.Slice(th.static, func(i, j int) bool { return th.static[i].Path < th.static[j].Path })
	return th, nil
}

// readTree reads every regular file under dir of fsys into files, keyed by
// its path relative to dir. A missing dir is empty.
func readTree(fsys fs.FS, dir string, files map[string][]byte) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := p
		if dir != "." {
			rel = strings.TrimPrefix(p, dir+"/")
		}
		files[path.Clean(rel)] = data
		return nil
	})
}

// SearchPartials are the theme's search results partials, template
// sources by name as the theme's pages are rendered with them, for the
// search endpoint; nil when the theme has none.
func (th *Theme) SearchPartials() map[string]string { return th.searchPartials }

// Minified says whether pages rendered from the theme are minified HTML as
// they are rendered.
func (th *Theme) Minified() bool { return th.minifier != nil }

// Minify writes markup a page puts into the theme's templates (a report's
// Markdown, a chart) minified to w, when the theme is minified; with an
// unminified theme it copies it as it is.
func (th *Theme) Minify(w io.Writer, markup io.Reader) error {
	if th.minifier == nil {
		_, err := io.Copy(w, markup)
		return err
	}
	return th.minifier.Minify("text/html", w, markup)
}

// Styles are the addresses of those of the stylesheets paths (below
// static/) that the theme has, under the base path.
func (th *Theme) Styles(base string, paths ...string) []string {
	var out []string
	for _, p := range paths {
		for _, f := range th.static {
			if f.Path == p {
				out = append(out, base+p)
			}
		}
	}
	return out
}

// Page is the template set of a page kind, or nil when the theme has
// none (an optional kind).
func (th *Theme) Page(kind string) *template.Template { return th.pages[kind] }

// Lists writes the lists of statements pages show, from the theme's
// partials.
func (th *Theme) Lists() *lists.Writer { return th.lists }

// Has tells whether the theme has a template for every kind given.
func (th *Theme) Has(kinds ...string) bool {
	for _, k := range kinds {
		if th.pages[k] == nil {
			return false
		}
	}
	return true
}

// Static lists the theme's static files, by path.
func (th *Theme) Static() []File { return th.static }

// ChromeOnce tells whether the header and footer of a page kind read only
// what every page of the kind shares, so that they are rendered once.
func (th *Theme) ChromeOnce(kind string) bool { return th.chromeOnce[kind] }

// EveryPage is the theme with its header and footer rendered on every
// page, as a theme whose partials read more of the page is: what tests
// compare rendering them once with.
func (th *Theme) EveryPage() *Theme {
	c := *th
	c.chromeOnce = map[string]bool{}
	return &c
}
