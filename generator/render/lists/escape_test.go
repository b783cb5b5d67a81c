package lists

import (
	"html/template"
	"strings"
	"testing"
)

var (
	urlTemplate  = template.Must(template.New("").Parse(`<a href="{{.}}">`))
	attrTemplate = template.Must(template.New("").Parse(`<time datetime="{{.}}">`))
	textTemplate = template.Must(template.New("").Parse(`<p>{{.}}</p>`))
)

// checkEscapes holds the fast path's escaping of s to html/template's.
func checkEscapes(t *testing.T, s string) {
	t.Helper()
	var want, got strings.Builder
	if err := urlTemplate.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	got.WriteString(`<a href="`)
	writeURL(&got, s)
	got.WriteString(`">`)
	if got.String() != want.String() {
		t.Errorf("address %q: got %s, html/template %s", s, got.String(), want.String())
	}
	want.Reset()
	got.Reset()
	if err := attrTemplate.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	got.WriteString(`<time datetime="`)
	writeEscaped(&got, s)
	got.WriteString(`">`)
	if got.String() != want.String() {
		t.Errorf("attribute %q: got %s, html/template %s", s, got.String(), want.String())
	}
	want.Reset()
	got.Reset()
	if err := textTemplate.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	got.WriteString(`<p>`)
	writeEscaped(&got, s)
	got.WriteString(`</p>`)
	if got.String() != want.String() {
		t.Errorf("text %q: got %s, html/template %s", s, got.String(), want.String())
	}
}

func TestEscapesAsTemplates(t *testing.T) {
	for _, s := range []string{
		"/reports/a/#p-3", "/archive/reports/café/#p-1", "https://example.org/a?b=c&d=e+f", "javascript:alert(1)",
		"/a b/'q'/\"x\"/<y>", "%41%zz%", "mailto:x@y", "HTTP://X", "/a:b", "2024-03-04T10:00:00+02:00", "\x00\xff",
	} {
		checkEscapes(t, s)
	}
}

func FuzzEscapes(f *testing.F) {
	for _, s := range []string{"/reports/a/#p-3", "/é/%2", "data:x", "2024-03-04T10:00:00+02:00"} {
		f.Add(s)
	}
	f.Fuzz(checkEscapes)
}
