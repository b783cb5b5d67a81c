package endpoint_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// override replaces the theme's hit and error partials, as an archive's
// own layouts/ may.
var override = txtar.Parse([]byte(`
-- layouts/partials/search-hit.html --
<li class="archive-hit" data-each="Hits"><a data-href="URL" data-text="Title" href="{{.URL}}">{{.Title}}</a> <small>archive's own markup</small></li>
-- layouts/partials/search-error.html --
<div class="archive-error" role="alert" data-text="Message">{{.Message}}</div>
`))

// TestArchiveOverridesResultPartials builds a whole site whose archive
// overrides the search result partials: the endpoint's results page and
// the search page's template for its script both show the archive's
// markup, and the rest of the results stays the theme's.
func TestArchiveOverridesResultPartials(t *testing.T) {
	fsys, err := searchfixture.Archive()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, ixDir, err := searchfixture.Build(searchfixture.With(fsys, override), dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := engine.Open(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h, err := endpoint.New(ix, endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ask := func(q string) string {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/search?format=html&"+q, nil))
		return w.Body.String()
	}
	page := ask("q=Brazil")
	results := page[strings.Index(page, "<div id=results"):strings.Index(page, "<template")]
	for _, want := range []string{`<li class=archive-hit`, `archive's own markup`, `class=search-facets`, `class=search-status`} {
		if !strings.Contains(results, want) {
			t.Errorf("the endpoint's results lack %q", want)
		}
	}
	if strings.Contains(results, `<li class=search-hit`) {
		t.Error("the endpoint's results show the theme's hit markup")
	}
	if bad := ask("q=x&page=-1"); !strings.Contains(bad, `<div class=archive-error role=alert`) {
		t.Error("the endpoint's error shows the theme's markup")
	}
	static, err := os.ReadFile(filepath.Join(dir, "public", "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if tmpl := string(static); !strings.Contains(tmpl, `<template id=search-results-template>`) || !strings.Contains(tmpl, `<li class=archive-hit data-each=Hits>`) {
		t.Error("the search page's template for its script lacks the archive's markup")
	}
}

// TestResultPartialsUseBuiltInFunctionsOnly overrides a result partial
// with one of the theme's own functions, which the endpoint does not
// have: the build fails and names the partial.
func TestResultPartialsUseBuiltInFunctionsOnly(t *testing.T) {
	fsys, err := searchfixture.Archive()
	if err != nil {
		t.Fatal(err)
	}
	bad := txtar.Parse([]byte("-- layouts/partials/search-hit.html --\n<li>{{plural 2 \"x\" \"xs\"}}</li>\n"))
	_, _, err = searchfixture.Build(searchfixture.With(fsys, bad), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "partials/search-hit.html") || !strings.Contains(err.Error(), "built-in functions only") {
		t.Errorf("error %v: want one naming the partial and saying why", err)
	}
}
