package endpoint_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
)

// TestMarkersInTheQueryChangeNothing searches for the markers the build
// renders the page with: the page is made by concatenation, so each shows
// as the query, escaped, and the page around it is whole.
func TestMarkersInTheQueryChangeNothing(t *testing.T) {
	for _, q := range []string{resultspage.ResultsMarker, resultspage.QueryMarker, resultspage.ResultsMarker + " " + resultspage.QueryMarker} {
		w := get(t, "format=html&q="+url.QueryEscape(q))
		body := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", q, w.Code)
		}
		for _, want := range []string{
			`value="` + q + `"`,
			`<div id=results aria-live=polite><p class=search-status role=status data-text=Status>No report matches “` + q + `”.</p>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page lacks %q", q, want)
			}
		}
		for _, once := range []string{`<div id=results`, `<template id=search-results-template>`, `</html>`} {
			if n := strings.Count(body, once); n != 1 {
				t.Errorf("%s: %q %d times", q, once, n)
			}
		}
	}
}

var hrefs = regexp.MustCompile(`\shref="?([^" >]*)`)

// TestLinksComeFromTheBaseURL asks for the results page at a path a
// client chose: every link on it still leads to the site's own search
// address or the site's pages.
func TestLinksComeFromTheBaseURL(t *testing.T) {
	for _, target := range []string{
		"//evil.example/search?format=html&q=Brazil&size=1",
		"/elsewhere/search?format=html&q=Brazil&size=1",
	} {
		w := httptest.NewRecorder()
		testHandler(t).ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		body := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", target, w.Code)
		}
		if strings.Contains(body, "evil.example") || strings.Contains(body, "/elsewhere/") {
			t.Errorf("%s: the page names the request's path", target)
		}
		results := body[strings.Index(body, "<div id=results"):strings.Index(body, "<template")]
		links := hrefs.FindAllStringSubmatch(results, -1)
		if len(links) < 4 { // a hit, the next page, the sort, a facet
			t.Fatalf("%s: %d links in the results: %s", target, len(links), results)
		}
		for _, l := range links {
			if !strings.HasPrefix(l[1], "https://archive.example.org/oewg/search?") && !strings.HasPrefix(l[1], "https://archive.example.org/oewg/reports/") {
				t.Errorf("%s: link %q is not made from the base URL", target, l[1])
			}
		}
	}
}

func status(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	var body struct{ Status, Reason string }
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s: %v: %s", path, err, w.Body)
	}
	return w.Code, body.Reason
}

// TestReadinessWhileSheddingLoad fills every search slot: the endpoint is
// alive but not ready, and ready again once the slots free.
func TestReadinessWhileSheddingLoad(t *testing.T) {
	_, dir := fixture(t)
	ix, err := engine.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h, err := endpoint.New(ix, endpoint.Options{MaxConcurrent: 2})
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := status(t, h, "/readyz"); code != http.StatusOK {
		t.Errorf("idle: /readyz %d", code)
	}
	release := endpoint.Occupy(h)
	if code, why := status(t, h, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(why, "shedding load") {
		t.Errorf("every slot taken: /readyz %d %q", code, why)
	}
	if code, _ := status(t, h, "/healthz"); code != http.StatusOK {
		t.Errorf("every slot taken: /healthz %d", code)
	}
	release()
	if code, _ := status(t, h, "/readyz"); code != http.StatusOK {
		t.Errorf("slots free again: /readyz %d", code)
	}
}

// TestReadinessWhileSwapping reopens a Live's index: not ready before the
// first index and during a swap, alive throughout.
func TestReadinessWhileSwapping(t *testing.T) {
	_, dir := fixture(t)
	live := endpoint.NewLive(endpoint.Options{})
	defer live.Close()
	if code, why := status(t, live, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(why, "no search index") {
		t.Errorf("before an index: /readyz %d %q", code, why)
	}
	if code, _ := status(t, live, "/healthz"); code != http.StatusOK {
		t.Errorf("before an index: /healthz %d", code)
	}
	if err := live.Open(dir); err != nil {
		t.Fatal(err)
	}
	if code, _ := status(t, live, "/readyz"); code != http.StatusOK {
		t.Errorf("open: /readyz %d", code)
	}
	var during, alive int
	var why string
	endpoint.BeforeSwap(live, func() {
		during, why = status(t, live, "/readyz")
		alive, _ = status(t, live, "/healthz")
	})
	if err := live.Open(dir); err != nil {
		t.Fatal(err)
	}
	if during != http.StatusServiceUnavailable || !strings.Contains(why, "swapped") || alive != http.StatusOK {
		t.Errorf("during a swap: /readyz %d %q, /healthz %d", during, why, alive)
	}
	if code, _ := status(t, live, "/readyz"); code != http.StatusOK {
		t.Errorf("after the swap: /readyz %d", code)
	}
}
