package endpoint_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/addresses"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// TestResultsPageAcrossHosts builds the site for a project site on a
// static host with its search endpoint on another host, and with none,
// then asks the endpoint for its results page as a browser would on the
// endpoint's own host: its stylesheet, script, menu and links lead to the
// site's base URL, its form and its own links to the search address, its
// security policy lets the page load them, and the site's pages may call
// the API across origins.
func TestResultsPageAcrossHosts(t *testing.T) {
	const site, origin = "https://owner.github.io/plenary/", "https://owner.github.io"
	for _, tc := range []struct{ name, endpoint, search string }{
		{"endpoint on another host", "https://search.example.net/search", "https://search.example.net/search"},
		{"site built without one", "", site + "search"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, err := searchfixture.Archive()
			if err != nil {
				t.Fatal(err)
			}
			_, dir, err := searchfixture.BuildFor(fsys, t.TempDir(), site, &tc.endpoint)
			if err != nil {
				t.Fatal(err)
			}
			ix, err := engine.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			h, err := endpoint.New(ix, endpoint.Options{})
			if err != nil {
				t.Fatal(err)
			}
			w := httptest.NewRecorder()
			r := httptest.NewRequest(http.MethodGet, "https://search.example.net/search?q=Brazil&size=2", nil)
			r.Header.Set("Accept", "text/html")
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			found := map[string][]string{}
			scope := addresses.Scope{Base: mustParse(t, site), Extra: []string{tc.search}}
			err = addresses.HTML(w.Body.Bytes(), func(where, v string) {
				found[where] = append(found[where], v)
				a := addresses.Address{File: "search", Where: where, Value: v}
				if why := scope.Escapes(a); why != "" {
					t.Errorf("%s %s", a, why)
				}
				if u, err := url.Parse(v); err != nil || u.Scheme == "" && !strings.HasPrefix(v, "#") {
					t.Errorf("%s %q is not absolute: on the endpoint's host it would lead there", where, v)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(found["link href"], site+"css/style.css") {
				t.Errorf("stylesheet: links %q", found["link href"])
			}
			for where, want := range map[string]string{
				"script src":    site + "js/search.js",
				"form action":   tc.search,
				"form data-api": tc.search,
			} {
				if got := found[where]; len(got) == 0 || !allEqual(got, want) {
					t.Errorf("%s %q, want %q", where, got, want)
				}
			}
			var menu, results int
			for _, v := range found["a href"] {
				switch {
				case v == site+"sessions/" || v == site+"states/" || v == site+"topics/":
					menu++
				case strings.HasPrefix(v, tc.search+"?"):
					results++
				}
			}
			if menu < 3 || results < 3 {
				t.Errorf("%d menu links, %d links to other results: %q", menu, results, found["a href"])
			}
			csp := w.Header().Get("Content-Security-Policy")
			searchOrigin := tc.search[:strings.Index(tc.search[len("https://"):], "/")+len("https://")]
			for _, want := range []string{"default-src 'self' " + origin, "form-action 'self' " + origin} {
				if !strings.Contains(csp, want) || !strings.Contains(csp, searchOrigin) {
					t.Errorf("CSP %q lacks %q or %q", csp, want, searchOrigin)
				}
			}
			cors := map[string]bool{origin: tc.endpoint != "", "https://evil.example": false}
			for o, allowed := range cors {
				r := httptest.NewRequest(http.MethodGet, "/search?q=Brazil", nil)
				r.Header.Set("Origin", o)
				r.Header.Set("Accept", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if got := w.Header().Get("Access-Control-Allow-Origin") == o; got != allowed {
					t.Errorf("a page of %s may call the API: %v, want %v", o, got, allowed)
				}
				var res engine.Response
				if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || len(res.Hits) == 0 || !strings.HasPrefix(res.Hits[0].URL, site+"reports/") {
					t.Errorf("JSON hits do not lead to the site: %v %.200s", err, w.Body)
				}
			}
		})
	}
}

func allEqual(list []string, want string) bool {
	for _, v := range list {
		if v != want {
			return false
		}
	}
	return true
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
