package endpoint_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/engine"
)

// FuzzSearch sends arbitrary queries and parameters: no input may give a
// 500, every answer is JSON, and excerpts hold no markup but <mark>.
//
//	go test -run '^$' -fuzz FuzzSearch -fuzztime 20s ./generator/search/endpoint
func FuzzSearch(f *testing.F) {
	for _, seed := range [][2]string{
		{"Programme of Action", ""},
		{`"points of contact" +Brazil -Chile`, "state=Kenya&sort=date"},
		{"state:France topic:international-law title:dialogue", "page=2&size=1"},
		{"negotiat* Brasil~2 NOT poa", "from=2022&to=2024-12-31"},
		{"title:(", ""},
		{"/.*/", ""},
		{"<script>alert(1)</script>", "format=html"},
		{"\xff\xfe", "state=%ff"},
		{"a:b:c \"\" + - ~ * ?", "page=0&size=-1"},
		{"consensos Cote d Ivoire US \"United Kingdom\" -Russia", "state=Turkey&state=south-korea"},
		{"Côte d’Ivoire +Brasl Democratic People's Republic of Korea", "session=oewg-2021-2025-s4&topic=Programme+of+Action"},
	} {
		f.Add(seed[0], seed[1])
	}
	h := testHandler(f)
	f.Fuzz(func(t *testing.T, q, params string) {
		target := "/search?q=" + url.QueryEscape(q)
		if params != "" {
			target += "&" + strings.Map(func(r rune) rune {
				if r <= ' ' || r == '#' || r >= 0x7f {
					return -1
				}
				return r
			}, params)
		}
		req, err := http.NewRequest(http.MethodGet, target, nil)
		if err != nil {
			return
		}
		req.Header.Set("Accept", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 && w.Code != http.StatusServiceUnavailable {
			t.Fatalf("%q: status %d: %s", target, w.Code, w.Body)
		}
		if strings.Contains(target, "format=html") {
			return
		}
		if w.Code != http.StatusOK {
			var e struct{ Error string }
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%q: status %d without a JSON error: %s", target, w.Code, w.Body)
			}
			return
		}
		var res engine.Response
		if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
			t.Fatalf("%q: %v", target, err)
		}
		for _, hit := range res.Hits {
			if rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(hit.Excerpt); strings.ContainsAny(rest, "<>") {
				t.Fatalf("%q: excerpt %q has markup", target, hit.Excerpt)
			}
		}
	})
}
