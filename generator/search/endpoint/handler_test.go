package endpoint_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/endpoint"
)

const (
	dialogue    = "OEWG 2021-2025 – Regular institutional dialogue"
	stakeholder = "Informal consultations of the OEWG Chair with stakeholders"
	cbm         = "Fourth session – Confidence-building measures"
	escaping    = "Eighth session – Submissions"
	final       = "Tenth session – Towards the final report"
)

func TestRanking(t *testing.T) {
	// The dialogue report says "Program of Action" and "PoA" throughout;
	// the stakeholders' report says "Programme of Action" once.
	res := results(t, "q=Programme+of+Action")
	if len(res.Hits) < 2 || res.Hits[0].Title != dialogue {
		t.Fatalf("hits %q, want %q first", titles(res), dialogue)
	}
	if !slices.Contains(titles(res), stakeholder) {
		t.Errorf("hits %q lack %q", titles(res), stakeholder)
	}
	if h := res.Hits[0]; !strings.Contains(h.URL, "/reports/2022-04-01-oewg-2021-2025-regular-institutional-dialogue/#p-") ||
		!strings.HasPrefix(h.URL, "https://archive.example.org/oewg/") {
		t.Errorf("url %q: want the report's permalink with a paragraph anchor", h.URL)
	}
}

func TestSynonyms(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"PoA", []string{dialogue, stakeholder, escaping}},                          // topic keywords: PoA = Programme of Action
		{"CBMs", []string{stakeholder, cbm}},                                        // = confidence-building measures
		{"GGE", []string{dialogue, cbm}},                                            // config: = Group of Governmental Experts
		{`"program of action"`, []string{dialogue, stakeholder, escaping}},          // a phrase finds the other forms too
		{"programme", []string{dialogue, stakeholder, escaping}},                    // config: programme = program
		{"points of contact", []string{cbm, final}},                                 // CBM keyword, as words
		{"+Brazil +directory", []string{cbm, final}},                                // no synonym, required words
		{"consensus -Kenya", []string{dialogue, final}},                             // excluded word
		{"title:session +Brazil", []string{cbm, escaping, final}},                   // title field
		{"Brasil~1", []string{dialogue, cbm, escaping, final}},                      // typo
		{"direct*", []string{cbm, final}},                                           // prefix
		{`consensus state:"South Africa"`, []string{dialogue}},                      // field term with a phrase value
		{"state:thailand topic:regular-institutional-dialogue", []string{dialogue}}, // field terms AND-ed
	} {
		t.Run(tc.q, func(t *testing.T) {
			got := titles(results(t, "q="+url.QueryEscape(tc.q)))
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q found %q, not %q", tc.q, got, w)
				}
			}
		})
	}
}

func TestPhrase(t *testing.T) {
	if got := titles(results(t, "q="+url.QueryEscape(`"review of the directory"`))); !slices.Equal(got, []string{cbm}) {
		t.Errorf("phrase found %q, want only %q", got, cbm)
	}
	if got := results(t, "q="+url.QueryEscape(`"directory of the review"`)); got.Total != 0 {
		t.Errorf("words in another order matched: %q", titles(got))
	}
	// A phrase must not match across paragraphs: "directory." ends one,
	// "Kenya" starts the next.
	if got := results(t, "q="+url.QueryEscape(`"directory Kenya"`)); got.Total != 0 {
		t.Errorf("a phrase matched across paragraphs: %q", titles(got))
	}
}

func TestFilters(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string // exactly, in any order
	}{
		{"q=consensus&state=Brazil", []string{dialogue, cbm, final}},
		{"q=consensus&state=Kenya", []string{cbm}},
		{"q=consensus&state=brazil", []string{dialogue, cbm, final}},
		{"q=consensus&state=BRA", []string{dialogue, cbm, final}},
		{"q=consensus&state=Thailand&state=Chile", []string{dialogue, cbm, final}}, // OR within one filter
		{"q=directory&topic=confidence-building-measures", []string{dialogue, cbm, final}},
		{"q=directory&topic=Confidence-building+measures", []string{dialogue, cbm, final}},
		{"q=directory&topic=confidence-building-measures&state=Kenya", []string{cbm}}, // AND across filters
		{"q=directory&session=oewg-2021-2025-s4", []string{cbm}},
		{"state=Egypt", []string{dialogue, escaping}}, // filters alone
		{"q=Brazil&from=2024-01-01", []string{escaping, final}},
		{"q=Brazil&from=2023&to=2024-07", []string{cbm, escaping}},
		{"q=Brazil&to=2023-03-07", []string{dialogue, cbm}}, // to is inclusive
	} {
		t.Run(tc.q, func(t *testing.T) {
			got := titles(results(t, tc.q))
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestStateFilterPointsAtParagraph(t *testing.T) {
	// "consensus" matches paragraph 2 of the CBM report (Chile); Brazil is
	// named in paragraph 3, which the hit must point at.
	res := results(t, "q=consensus&state=Brazil")
	for _, h := range res.Hits {
		if h.Title != cbm {
			continue
		}
		if !strings.HasSuffix(h.URL, "#p-3") || !slices.Contains(h.ParagraphStates, "Brazil") {
			t.Errorf("hit points at %s naming %q; want #p-3 naming Brazil", h.URL, h.ParagraphStates)
		}
		if !slices.Contains(h.States, "Chile") || !slices.Contains(h.States, "Kenya") {
			t.Errorf("report states %q lack Chile and Kenya", h.States)
		}
		return
	}
	t.Fatalf("no hit for %q in %q", cbm, titles(res))
}

func TestFacetCountsMatchSite(t *testing.T) {
	s, _ := fixture(t)
	res := results(t, "from=1900&size=1") // every report
	if int(res.Total) != len(s.Reports) {
		t.Fatalf("total %d, the site has %d reports", res.Total, len(s.Reports))
	}
	states := map[string]int{}
	for _, st := range s.States {
		states[st.Slug] = len(st.Reports)
	}
	if len(res.Facets.States) == 0 {
		t.Fatal("no state facets")
	}
	for _, f := range res.Facets.States {
		if f.Count != states[f.Value] {
			t.Errorf("state %s: facet %d, site %d", f.Value, f.Count, states[f.Value])
		}
	}
	for _, tp := range s.Topics {
		for _, f := range res.Facets.Topics {
			if f.Value == tp.Key && f.Count != len(tp.Reports) {
				t.Errorf("topic %s: facet %d, site %d", tp.Key, f.Count, len(tp.Reports))
			}
		}
	}
	for _, ss := range s.Sessions {
		for _, f := range res.Facets.Sessions {
			// A title two sessions share is labelled with the process.
			if f.Value == ss.Key && (f.Count != len(ss.Reports) || f.Label != ss.Title && f.Label != ss.Process+" – "+ss.Title) {
				t.Errorf("session %s: facet %d %q, site %d %q", ss.Key, f.Count, f.Label, len(ss.Reports), ss.Title)
			}
		}
	}
	// Facets count the query's matches and mark the filter in use.
	res = results(t, "q=directory&state=Kenya&size=50")
	names := map[string]int{}
	for _, h := range res.Hits {
		for _, st := range h.States {
			names[st]++
		}
	}
	if len(res.Facets.States) != len(names) {
		t.Errorf("%d state facets for %d states in the hits", len(res.Facets.States), len(names))
	}
	for _, f := range res.Facets.States {
		if f.Count != names[f.Label] || f.Selected != (f.Value == "kenya") {
			t.Errorf("facet %+v: %d hits name %s", f, names[f.Label], f.Label)
		}
	}
}

func TestPaging(t *testing.T) {
	all := results(t, "q=Brazil&size=50")
	if all.Total < 3 {
		t.Fatalf("want at least 3 hits, got %d", all.Total)
	}
	var paged []string
	for p := 1; p <= int(all.Total); p++ {
		res := results(t, "q=Brazil&size=1&page="+strconv.Itoa(p))
		if res.Pages != int(all.Total) || res.Page != p || len(res.Hits) != 1 {
			t.Fatalf("page %d: pages %d, %d hits", p, res.Pages, len(res.Hits))
		}
		paged = append(paged, res.Hits[0].Title)
	}
	if !slices.Equal(paged, titles(all)) {
		t.Errorf("pages give %q, one page gives %q", paged, titles(all))
	}
	if res := results(t, "q=Brazil&size=1&page=99"); len(res.Hits) != 0 {
		t.Errorf("a page past the end has %d hits", len(res.Hits))
	}
}

func TestSortByDate(t *testing.T) {
	res := results(t, "q=Brazil&sort=date")
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i-1].Date < res.Hits[i].Date {
			t.Errorf("%s before %s", res.Hits[i-1].Date, res.Hits[i].Date)
		}
	}
	if res.Sort != "date" {
		t.Errorf("sort %q", res.Sort)
	}
}

func TestHighlightEscapes(t *testing.T) {
	res := results(t, "q=alert")
	if len(res.Hits) != 1 {
		t.Fatalf("hits %q", titles(res))
	}
	ex := res.Hits[0].Excerpt
	if !strings.Contains(ex, "&lt;script&gt;<mark>alert</mark>(&#34;pwned&#34;)&lt;/script&gt;") || !strings.Contains(ex, "&amp; never") {
		t.Errorf("excerpt %q: want the script escaped and alert marked", ex)
	}
	if rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(ex); strings.ContainsAny(rest, "<>") {
		t.Errorf("excerpt %q has markup besides <mark>", ex)
	}
}

func TestExcerptFragments(t *testing.T) {
	res := results(t, "q=PoA")
	ex := res.Hits[0].Excerpt
	if n := strings.Count(ex, "<mark>"); n < 3 {
		t.Errorf("excerpt %q has %d marks, want several", ex, n)
	}
	if len(ex) > 600 {
		t.Errorf("excerpt is %d bytes long", len(ex))
	}
}

func TestHTMLView(t *testing.T) {
	for _, hd := range [][]string{
		{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
		nil,
	} {
		q := "q=" + url.QueryEscape(`consensus <b>x</b>`) + "&state=Kenya"
		if hd == nil {
			q += "&format=html"
		}
		w := get(t, q, hd...)
		body := w.Body.String()
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
		}
		for _, want := range []string{`<html`, `value="consensus &lt;b&gt;x&lt;/b&gt;"`, `class=search-hits`, `#p-4">` + cbm, `<mark>consensus</mark>`, `Kenya recalled`, `aria-current=true`} {
			if !strings.Contains(body, want) {
				t.Errorf("HTML lacks %q", want)
			}
		}
		if strings.Contains(body, "<b>x") {
			t.Error("the query is not escaped")
		}
		if !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("CSP %q", w.Header().Get("Content-Security-Policy"))
		}
	}
	w := get(t, "q=x&page=-1", "Accept", "text/html")
	if w.Code != 400 || !strings.Contains(w.Body.String(), `role=alert`) {
		t.Errorf("a bad request from a browser: %d %s", w.Code, w.Body)
	}
}

func TestBadInputs(t *testing.T) {
	for _, tc := range []struct {
		name, q, want string
	}{
		{"empty", "", "type something"},
		{"blank", "q=+++", "type something"},
		{"only common words", "q=the+of", "too common"},
		{"10 KB query", "q=" + strings.Repeat("a", 10000), "limit is 500"},
		{"huge query string", "q=a&x=" + strings.Repeat("b", 20000), "limit is 16384"},
		{"malformed field", "q=" + url.QueryEscape("title:("), "parentheses"},
		{"parentheses", "q=" + url.QueryEscape("(a OR b)"), "parentheses"},
		{"regular expression", "q=" + url.QueryEscape("/.*/"), "regular expressions"},
		{"leading wildcard", "q=" + url.QueryEscape("*ction"), "start of a word"},
		{"inner wildcard", "q=" + url.QueryEscape("ac?ion"), "only a * at the end"},
		{"short prefix", "q=" + url.QueryEscape("ab*"), "at least 3 letters"},
		{"huge fuzziness", "q=" + url.QueryEscape("action~5"), "above ~2"},
		{"boost", "q=" + url.QueryEscape("action^3"), "boosts"},
		{"unclosed quote", "q=" + url.QueryEscape(`"programme of`), "not closed"},
		{"unknown field", "q=" + url.QueryEscape("colour:red"), "unknown field"},
		{"empty field", "q=" + url.QueryEscape("state:"), "needs a value"},
		{"lone minus", "q=" + url.QueryEscape("a - b"), "directly before"},
		{"too many words", "q=" + strings.Repeat("w+", 40), "more than 32"},
		{"negative page", "q=x&page=-1", "page must be 1 or more"},
		{"zero page", "q=x&page=0", "page must be 1 or more"},
		{"huge page", "q=x&page=99999999999999999999", "whole number"},
		{"deep page", "q=x&page=200", "first 1000 results"},
		{"huge size", "q=x&size=100000", "size must be between"},
		{"zero size", "q=x&size=0", "size must be between"},
		{"unknown state", "q=x&state=Atlantis", "no state"},
		{"unknown state in query", "q=" + url.QueryEscape("state:Atlantis"), "Atlantis"},
		{"unknown topic", "q=x&topic=cooking", "cooking"},
		{"unknown session", "q=x&session=s99", "unknown session"},
		{"invalid date", "q=x&from=notadate", "YYYY-MM-DD"},
		{"invalid month", "q=x&to=2023-13-01", "YYYY-MM-DD"},
		{"year 0", "q=x&from=0000", "between 1900"},
		{"year 9999", "q=x&to=9999-12-31", "between 1900"},
		{"dates reversed", "q=x&from=2024&to=2023", "swap them"},
		{"invalid UTF-8", "q=%ff%fe", "UTF-8"},
		{"invalid UTF-8 in a filter", "q=x&state=%ff", "UTF-8"},
		{"control character", "q=a%00b", "control character"},
		{"q twice", "q=a&q=b", "give q once"},
		{"unknown sort", "q=x&sort=random", "sort must be"},
		{"unknown format", "q=x&format=xml", "format must be"},
		{"malformed query string", "q=%zz", "malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, tc.q, "Accept", "application/json")
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			if !strings.Contains(w.Body.String(), `"error":`) || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("body %s, want an error saying %q", w.Body, tc.want)
			}
		})
	}
}

func TestMethodsAndPaths(t *testing.T) {
	h := testHandler(t)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/search?q=x", 405},
		{"PUT", "/search?q=x", 405},
		{"DELETE", "/search", 405},
		{"OPTIONS", "/search?q=x", 405},
		{"GET", "/", 404},
		{"GET", "/search/", 404},
		{"GET", "/healthz", 200},
		{"HEAD", "/search?q=Brazil", 200},
		{"GET", "/oewg/search?q=Brazil", 200}, // mounted below a base path
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(tc.method, tc.path, nil))
		if w.Code != tc.status {
			t.Errorf("%s %s: %d, want %d: %s", tc.method, tc.path, w.Code, tc.status, w.Body)
		}
		if tc.status == 405 && w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", tc.method, w.Header().Get("Allow"))
		}
	}
}

func TestHeaders(t *testing.T) {
	w := get(t, "q=Brazil", "Origin", "https://archive.example.org")
	for k, v := range map[string]string{
		"X-Content-Type-Options":      "nosniff",
		"Access-Control-Allow-Origin": "https://archive.example.org",
		"Content-Type":                "application/json; charset=utf-8",
		"X-Frame-Options":             "DENY",
	} {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	w = get(t, "q=Brazil", "Origin", "https://evil.example")
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("an origin not named may call the API: %q", got)
	}
}

func TestCacheGivesSameAnswer(t *testing.T) {
	a := results(t, "q=consensus&state=Brazil&state=France")
	b := results(t, "state=France&q=++consensus+&state=Brazil")
	if !slices.Equal(titles(a), titles(b)) || a.Total != b.Total {
		t.Errorf("the same search gave %q and %q", titles(a), titles(b))
	}
}

func TestConcurrentRequests(t *testing.T) {
	queries := []string{"q=consensus&state=Brazil", "q=PoA", "q=directory&sort=date", "state=Egypt", "q=x&page=-1"}
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func(g int) {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 20; i++ {
				w := get(t, queries[(g+i)%len(queries)])
				if w.Code != 200 && w.Code != 400 {
					t.Errorf("status %d", w.Code)
				}
			}
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

func TestLive(t *testing.T) {
	_, dir := fixture(t)
	live := endpoint.NewLive(endpoint.Options{})
	defer live.Close()
	ask := func() int {
		w := httptest.NewRecorder()
		live.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/search?q=Brazil", nil))
		return w.Code
	}
	if code := ask(); code != http.StatusServiceUnavailable {
		t.Errorf("before an index: %d", code)
	}
	for i := 0; i < 2; i++ { // a rebuild opens the folder again
		if err := live.Open(dir); err != nil {
			t.Fatal(err)
		}
		if code := ask(); code != http.StatusOK {
			t.Errorf("open %d: %d", i, code)
		}
	}
	if err := live.Open(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing index opened")
	}
	if code := ask(); code != http.StatusOK {
		t.Errorf("a failed reopen stopped the search: %d", code)
	}
}

// TestSaidLinks checks that a search filtered by a state and a session
// links the site's page of what the state said at the session.
func TestSaidLinks(t *testing.T) {
	res := results(t, "q=consensus&state=Kenya")
	var key string
	for _, f := range res.Facets.Sessions {
		key = f.Value
		break
	}
	if key == "" {
		t.Fatal("no session among the facets")
	}
	body := get(t, "q=consensus&state=Kenya&session="+key+"&format=html").Body.String()
	if !strings.Contains(body, "What they said") || !strings.Contains(body, "/states/kenya/sessions/"+key+"/") {
		t.Errorf("the results page does not link what Kenya said at %s", key)
	}
	if strings.Contains(get(t, "q=consensus&state=Kenya&format=html").Body.String(), "What they said") {
		t.Error("a search filtered by a state alone links what it said at a session")
	}
}
