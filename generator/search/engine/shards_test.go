package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
)

// shardQueries cover words, phrases, prefixes, typos, filters, sorting,
// paging and the empty search.
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
	"q=&from=1900",
	"q=&from=1900&size=2&page=2",
	"q=the&size=1&page=3",
	"q=zzzzqqq",
}

// TestShardsAnswerAsOne splits the test archive's reports into two shards
// and checks that they, served together, give every query the same
// answer as one index of all the reports: totals, hits in order, excerpts,
// facets, and scores to the last bit.
func TestShardsAnswerAsOne(t *testing.T) {
	s, one := fixture(t)
	if len(s.Reports) < 3 {
		t.Fatalf("the test archive has %d reports: too few to split", len(s.Reports))
	}
	dir := t.TempDir()
	// Reports are newest first, and indexed in that order: the first
	// shard holds the newer ones, as a split by session would.
	half := len(s.Reports) / 2
	var shards []string
	for i, part := range [][]*generator.Report{s.Reports[:half], s.Reports[half:]} {
		sub := *s
		sub.Reports = part
		d := filepath.Join(dir, "shard-"+string(rune('a'+i))+".bleve")
		if _, err := index.Build(&sub, d, index.Options{Synonyms: fixtureSyn}); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, d)
	}
	single, err := engine.Open(one)
	if err != nil {
		t.Fatal(err)
	}
	defer single.Close()
	both, err := engine.OpenShards(shards...)
	if err != nil {
		t.Fatal(err)
	}
	defer both.Close()
	if both.Documents() != single.Documents() {
		t.Fatalf("shards hold %d documents, the index %d", both.Documents(), single.Documents())
	}
	found := 0
	for _, q := range shardQueries {
		a, b := answer(single, q), answer(both, q)
		if a != b {
			t.Errorf("%s:\none index: %s\ntwo shards: %s", q, a, b)
		}
		if strings.Contains(a, `"total":`) && !strings.Contains(a, `"total":0`) {
			found++
		}
		r1, err1 := request(single, q)
		r2, err2 := request(both, q)
		if err1 != nil || err2 != nil {
			continue
		}
		ids1, sc1, err1 := engine.Scores(single, r1)
		ids2, sc2, err2 := engine.Scores(both, r2)
		if fmt.Sprint(ids1, sc1, err1) != fmt.Sprint(ids2, sc2, err2) {
			t.Errorf("%s: scores differ:\none index: %v %v %v\ntwo shards: %v %v %v", q, ids1, sc1, err1, ids2, sc2, err2)
		}
	}
	// The comparison means something: most queries found reports.
	if found < len(shardQueries)/2 {
		t.Fatalf("only %d of %d queries found anything: the test archive no longer exercises shards", found, len(shardQueries))
	}
}

// answer is ix's answer to q as JSON without the time it took, or its
// error.
func answer(ix *engine.Index, q string) string {
	r, err := request(ix, q)
	if err != nil {
		return "error: " + err.Error()
	}
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		return "error: " + err.Error()
	}
	out, _ := json.Marshal(res)
	return string(out)
}

func TestOpenShardsRefusesMismatches(t *testing.T) {
	_, one := fixture(t)
	if _, err := engine.OpenShards(); err == nil {
		t.Error("no folder: no error")
	}
	if _, err := engine.OpenShards(one, one); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("the same folder twice: %v", err)
	}
	dup := filepath.Join(t.TempDir(), "copy.bleve")
	if err := os.CopyFS(dup, os.DirFS(one)); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.OpenShards(one, dup); err == nil || !strings.Contains(err.Error(), "in two shards") {
		t.Errorf("a report in two shards: %v", err)
	}
	if _, err := engine.OpenShards(one, filepath.Join(t.TempDir(), "missing.bleve")); err == nil || !strings.Contains(err.Error(), "no search index") {
		t.Errorf("a missing shard: %v", err)
	}
}
