package search

import (
	"bytes"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator/index"
)

// The HTML view: the site's own search page (rendered by the build with
// markers, see index.QueryMarker) with the query and these results spliced
// in, so that searching works without JavaScript and looks like the site.
// search.js builds the same markup from the JSON.

var resultsTmpl = template.Must(template.New("results").Funcs(template.FuncMap{
	"date": humanDate,
	// Excerpts are built by mark, which escapes all text: the one
	// string the template takes as markup.
	"excerpt": func(s string) template.HTML { return template.HTML(s) }, //nolint:gosec // see above
}).Parse(`<p class="search-status" role="status">
{{- if .Res.Total}}{{.Res.Total}} {{if eq .Res.Total 1}}report matches{{else}}reports match{{end}}{{else}}No report matches{{end}}
{{- with .Res.Query}} “{{.}}”{{end}}{{if .Filtered}} with the chosen filters{{end}}.
{{- if gt .Res.Pages 1}} Page {{.Res.Page}} of {{.Res.Pages}}.{{end}}</p>
<div class="search-layout">
<div class="search-main">
{{- if .Res.Hits}}
<ol class="search-hits">
{{- range .Res.Hits}}
<li class="search-hit"><h2><a href="{{.URL}}">{{.Title}}</a></h2>
<p class="meta"><time datetime="{{.Date}}">{{date .Date}}</time>{{with .Session}} · {{.}}{{end}}</p>
<p class="search-excerpt">{{excerpt .Excerpt}}</p>
{{- with .ParagraphStates}}<p class="meta">Named here: {{range $i, $s := .}}{{if $i}}, {{end}}{{$s}}{{end}}</p>{{end}}
</li>
{{- end}}
</ol>
{{- end}}
{{- if gt .Res.Pages 1}}
<nav class="search-pager" aria-label="Result pages">
{{- with .Prev}}<a rel="prev" href="{{.}}">Previous page</a>{{end}}
{{- with .Next}}<a rel="next" href="{{.}}">Next page</a>{{end}}
</nav>
{{- end}}
<p class="search-sort">{{if eq .Res.Sort "date"}}Newest first · <a href="{{.Relevance}}">sort by relevance</a>{{else}}By relevance · <a href="{{.Newest}}">sort by date</a>{{end}}</p>
</div>
{{- if .Groups}}
<aside class="search-facets" aria-label="Filter the results">
{{- range .Groups}}
<h2>{{.Title}}</h2>
<ul>
{{- range .Links}}
<li><a href="{{.Href}}"{{if .Selected}} aria-current="true" class="selected"{{end}}>{{.Label}}</a> <span class="count">{{.Count}}</span></li>
{{- end}}
</ul>
{{- end}}
</aside>
{{- end}}
</div>`))

type facetGroup struct {
	Title string
	Links []facetLink
}

type facetLink struct {
	Href, Label string
	Count       int
	Selected    bool
}

// resultsHTML renders a response as the results part of the page. Links
// keep every parameter of the request and change one.
func (h *handler) resultsHTML(u *url.URL, r *request, res *Response) template.HTML {
	base := u.Query()
	base.Del("format")
	link := func(change func(v url.Values)) string {
		v := url.Values{}
		for k, vals := range base {
			v[k] = append([]string(nil), vals...)
		}
		change(v)
		return u.Path + "?" + v.Encode()
	}
	page := func(n int) string { return link(func(v url.Values) { v.Set("page", strconv.Itoa(n)) }) }
	data := struct {
		Res               *Response
		Filtered          bool
		Prev, Next        string
		Relevance, Newest string
		Groups            []facetGroup
	}{Res: res, Filtered: r.filtered()}
	if res.Page > 1 {
		data.Prev = page(res.Page - 1)
	}
	if res.Page < res.Pages && (res.Page+1)*res.Size <= maxDepth {
		data.Next = page(res.Page + 1)
	}
	data.Relevance = link(func(v url.Values) { v.Set("sort", "relevance"); v.Del("page") })
	data.Newest = link(func(v url.Values) { v.Set("sort", "date"); v.Del("page") })
	for _, g := range []struct {
		title, param string
		list         []Facet
	}{{"States", "state", res.Facets.States}, {"Topics", "topic", res.Facets.Topics}, {"Sessions", "session", res.Facets.Sessions}} {
		fg := facetGroup{Title: g.title}
		for _, f := range g.list {
			f := f
			href := link(func(v url.Values) {
				v.Del("page")
				if f.Selected {
					keep := []string{}
					own, _ := h.resolve(g.param, f.Value)
					for _, x := range v[g.param] {
						if key, err := h.resolve(g.param, x); err != nil || key != own {
							keep = append(keep, x)
						}
					}
					v[g.param] = keep
				} else {
					v.Add(g.param, f.Value)
				}
			})
			fg.Links = append(fg.Links, facetLink{Href: href, Label: f.Label, Count: f.Count, Selected: f.Selected})
		}
		if len(fg.Links) > 0 {
			data.Groups = append(data.Groups, fg)
		}
	}
	var b bytes.Buffer
	if err := resultsTmpl.Execute(&b, data); err != nil {
		h.log.Error("search: results template", "error", err.Error())
		return errorHTML("internal error: the results could not be shown")
	}
	return template.HTML(b.String()) //nolint:gosec // html/template output
}

func (h *handler) resolve(param, v string) (string, error) {
	switch param {
	case "state":
		return h.ix.facts.state(v)
	case "topic":
		return h.ix.facts.topic(v)
	}
	return h.ix.facts.session(v)
}

func errorHTML(msg string) template.HTML {
	return template.HTML(`<p class="search-error" role="alert">` + html.EscapeString(msg) + `</p>`) //nolint:gosec // escaped
}

// fallbackShell is the page used when the index has none (an index built
// without a theme, in tests).
const fallbackShell = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><main>` +
	`<form action="" method="get"><input type="search" name="q" value="` + index.QueryMarker + `"><button>Search</button></form>` +
	`<div id="results">` + index.ResultsMarker + `</div></main></body></html>`

// writeHTML writes the site's search page with the query, escaped, and
// the results.
func (h *handler) writeHTML(w http.ResponseWriter, status int, q string, results template.HTML) {
	shell := h.ix.shell
	if shell == nil {
		shell = []byte(fallbackShell)
	}
	q = clipQuery(strings.ToValidUTF8(q, ""))
	page := bytes.ReplaceAll(shell, []byte(index.QueryMarker), []byte(html.EscapeString(q)))
	page = bytes.Replace(page, []byte(index.ResultsMarker), []byte(results), 1)
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

func clipQuery(q string) string {
	if len(q) <= maxQueryBytes {
		return q
	}
	cut := maxQueryBytes
	for cut > 0 && q[cut]&0xC0 == 0x80 {
		cut--
	}
	return q[:cut]
}

func humanDate(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}
