package endpoint

import (
	"bytes"
	"html"
	"html/template"
	"strings"

	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// page is the results page of an index: the site's search page cut at its
// holes, and the theme's results partials, parsed.
type page struct {
	parts, holes []string
	tmpl         *template.Template
}

// fallbackPage and fallbackPartials serve the HTML view of an index built
// without a theme (an index written by a test, or with a theme that has
// no search partials): plain, but every value escaped as the theme's are.
var (
	fallbackPage = &resultspage.Page{
		Parts: []string{`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><main>` +
			`<form action="" method="get"><input type="search" name="q" value="`, `"><button>Search</button></form><div id="results">`, `</div></main></body></html>`},
		Holes: []string{resultspage.HoleQuery, resultspage.HoleResults},
	}
	fallbackPartials = map[string]string{
		resultspage.ResultsPartial: `<p role="status">{{.Status}}</p><ol>{{range .Hits}}<li><a href="{{.URL}}">{{.Title}}</a> {{.DateText}}<p>{{.Excerpt}}</p></li>{{end}}</ol>` +
			`{{with .Prev}}<a rel="prev" href="{{.}}">Previous page</a> {{end}}{{with .Next}}<a rel="next" href="{{.}}">Next page</a>{{end}}`,
		resultspage.ErrorPartial: `<p role="alert">{{.Message}}</p>`,
	}
)

func newPage(ix *engine.Index) (*page, error) {
	p := ix.Page()
	if p == nil {
		p = fallbackPage
	}
	partials := p.Partials
	if partials == nil {
		partials = fallbackPartials
	}
	t, err := resultspage.Parse(partials)
	if err != nil {
		return nil, err
	}
	return &page{parts: p.Parts, holes: p.Holes, tmpl: t}, nil
}

// fill is the page with q, escaped, and results in its holes: parts and
// values concatenated, nothing searched for.
func (p *page) fill(q string, results template.HTML) []byte {
	q = html.EscapeString(clipQuery(strings.ToValidUTF8(q, "")))
	n := len(results)
	for i, part := range p.parts {
		n += len(part)
		if i < len(p.holes) {
			n += len(q)
		}
	}
	b := bytes.NewBuffer(make([]byte, 0, n))
	for i, part := range p.parts {
		b.WriteString(part)
		if i == len(p.holes) {
			break
		}
		switch p.holes[i] {
		case resultspage.HoleQuery:
			b.WriteString(q)
		case resultspage.HoleResults:
			b.WriteString(string(results))
		}
	}
	return b.Bytes()
}

// clipQuery cuts a query shown back to the longest one searched.
func clipQuery(q string) string {
	if len(q) <= query.MaxBytes {
		return q
	}
	cut := query.MaxBytes
	for cut > 0 && q[cut]&0xC0 == 0x80 {
		cut--
	}
	return q[:cut]
}

// render executes one of the results partials.
func (p *page) render(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil //nolint:gosec // html/template output
}

// errorHTML is the theme's error partial with msg.
func (h *Handler) errorHTML(msg string) template.HTML {
	out, err := h.page.render(resultspage.ErrorPartial, &resultspage.Error{Message: msg})
	if err != nil {
		h.log.Error("search: error template", "error", err.Error())
		return template.HTML(`<p role="alert">` + html.EscapeString(msg) + `</p>`) //nolint:gosec // escaped
	}
	return out
}
