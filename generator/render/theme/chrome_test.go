package theme

import (
	"html/template"
	"testing"
)

// TestReadsOnly checks which partials may be rendered once per kind.
func TestReadsOnly(t *testing.T) {
	for _, tc := range []struct {
		src  string
		once bool
	}{
		{`<a href="{{.Site.BasePath}}"{{if eq .Kind "home"}} aria-current="page"{{end}}>{{.Site.Title}}</a>`, true},
		{`{{range $i, $l := .Browse}}{{if $i}} · {{end}}<a href="{{$l.URL}}">{{$l.Title}}</a>{{end}}`, true},
		{`{{with .Site}}{{.Title}}{{$.Feed}}{{end}}{{template "partials/other.html" .}}`, true},
		{`{{.Title}}`, false},
		{`{{with .Site}}{{$.Title}}{{end}}`, false},
		{`{{$t := .Description}}{{$t}}`, false},
		{`{{template "partials/nosy.html" .}}`, false},
		{`{{template "partials/nosy.html" .Site}}`, true},
		{`{{len .}}`, false},
	} {
		tm := template.Must(template.New("partials/header.html").Parse(tc.src))
		template.Must(tm.New("partials/other.html").Parse(`{{.Kind}}`))
		template.Must(tm.New("partials/nosy.html").Parse(`{{.Report}}`))
		if got := readsOnly(tm, chromeRoots, "partials/header.html"); got != tc.once {
			t.Errorf("%s: rendered once %v, want %v", tc.src, got, tc.once)
		}
	}
}
