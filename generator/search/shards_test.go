package search_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/build"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search"
)

// shardQueries cover words, phrases, prefixes, typos, filters, sorting,
// paging and the empty search, in JSON and in HTML.
var shardQueries = []string{
	"q=security",
	"q=states",
	"q=states+cyber",
	"q=Programme+of+Action",
	"q=%22international+law%22",
	"q=cyber+capacity",
	"q=ICT",
	"q=negot*",
	"q=secrity~1",
	"q=-security+norms",
	"q=state:Brazil",
	"q=&state=france",
	"q=security&topic=international-law",
	"q=security&sort=date",
	"q=",
	"q=&size=2&page=2",
	"q=the&size=1&page=3",
	"q=zzzzqqq",
}

// TestShardsAnswerAsOne splits the test archive's reports into two shards
// and checks that they, served together, give every query the same
// answer as one index of all the reports: totals, hits in order, excerpts,
// facets and the results page.
func TestShardsAnswerAsOne(t *testing.T) {
	s, one := fixture(t)
	if len(s.Reports) < 3 {
		t.Fatalf("the test archive has %d reports: too few to split", len(s.Reports))
	}
	dir := t.TempDir()
	// Reports are newest first, and indexed in that order: the first
	// shard holds the newer ones, as a split by session would.
	half := len(s.Reports) / 2
	syn := synonymsOf(t)
	var shards []string
	for i, part := range [][]*generator.Report{s.Reports[:half], s.Reports[half:]} {
		sub := *s
		sub.Reports = part
		d := filepath.Join(dir, "shard-"+string(rune('a'+i))+".bleve")
		if _, err := index.Build(&sub, d, index.Options{Synonyms: syn, Shell: []byte(testShell)}); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, d)
	}
	single, err := search.Open(one)
	if err != nil {
		t.Fatal(err)
	}
	defer single.Close()
	both, err := search.OpenShards(shards...)
	if err != nil {
		t.Fatal(err)
	}
	defer both.Close()
	if both.Documents() != single.Documents() {
		t.Fatalf("shards hold %d documents, the index %d", both.Documents(), single.Documents())
	}
	h1 := search.NewHandler(single, search.Options{CacheSize: -1})
	h2 := search.NewHandler(both, search.Options{CacheSize: -1})
	for _, q := range shardQueries {
		for _, accept := range []string{"application/json", "text/html"} {
			a, b := answer(t, h1, q, accept), answer(t, h2, q, accept)
			if a != b {
				t.Errorf("%s (%s):\none index: %s\ntwo shards: %s", q, accept, a, b)
			}
		}
	}
	// Scores, which the answers do not show, are the same to the last
	// bit: each shard scores with the whole archive's statistics.
	for _, q := range shardQueries {
		ids1, sc1, err1 := search.Scores(single, q)
		ids2, sc2, err2 := search.Scores(both, q)
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("%s: one index: %v, two shards: %v", q, err1, err2)
			continue
		}
		if fmt.Sprint(ids1, sc1) != fmt.Sprint(ids2, sc2) {
			t.Errorf("%s: scores differ:\none index: %v %v\ntwo shards: %v %v", q, ids1, sc1, ids2, sc2)
		}
	}
	// The comparison means something: the queries found reports, in
	// both shards, and some scored differently.
	var res search.Response
	if err := json.Unmarshal([]byte(answer(t, h2, "q=states", "application/json")), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total < 2 || len(res.Facets.States) == 0 {
		t.Fatalf("q=states: %d hits, %d state facets: the test archive no longer exercises shards", res.Total, len(res.Facets.States))
	}
}

// answer is the handler's answer to q without the time it took.
func answer(t *testing.T, h http.Handler, q, accept string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/search?"+q, nil)
	req.Header.Set("Accept", accept)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	body := w.Body.String()
	if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
		t.Fatalf("%s: status %d: %s", q, w.Code, body)
	}
	if accept == "application/json" && w.Code == http.StatusOK {
		var m map[string]any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		delete(m, "took")
		out, _ := json.Marshal(m)
		return string(out)
	}
	return body
}

// synonymsOf are the test archive's configured synonyms, as fixture
// builds its index with.
func synonymsOf(t *testing.T) [][]string {
	t.Helper()
	_, cfg, _, _, err := build.Load(build.Options{Root: archive(t)})
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Search.Synonyms
}

func TestOpenShardsRefusesMismatches(t *testing.T) {
	_, one := fixture(t)
	if _, err := search.OpenShards(); err == nil {
		t.Error("no folder: no error")
	}
	if _, err := search.OpenShards(one, one); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("the same folder twice: %v", err)
	}
	dup := filepath.Join(t.TempDir(), "copy.bleve")
	if err := os.CopyFS(dup, os.DirFS(one)); err != nil {
		t.Fatal(err)
	}
	if _, err := search.OpenShards(one, dup); err == nil || !strings.Contains(err.Error(), "in two shards") {
		t.Errorf("a report in two shards: %v", err)
	}
	if _, err := search.OpenShards(one, filepath.Join(t.TempDir(), "missing.bleve")); err == nil || !strings.Contains(err.Error(), "no search index") {
		t.Errorf("a missing shard: %v", err)
	}
}
