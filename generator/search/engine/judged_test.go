package engine_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/relevance"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// Targets of the judged set (testdata/relevance): the share of queries
// whose wanted report is in the top three with no forbidden hit, and the
// mean nDCG@10 below which a change is a regression.
const (
	targetSuccessAt3 = 0.95
	floorNDCG10      = 0.90
)

// TestJudgedQueries runs every judged query through the engine on an
// index of the judged archive and fails below the targets. With -v it is
// the relevance benchmark: it prints success@3 and nDCG@10, and every
// query that failed with what it found.
//
//	go test -run TestJudgedQueries -v ./generator/search/engine
func TestJudgedQueries(t *testing.T) {
	ix, queries := judged(t)
	var outcomes []relevance.Outcome
	for _, q := range queries {
		hits, err := judgedSearch(ix, q)
		if err != nil {
			t.Errorf("%s: %v", q.Name(), err)
			outcomes = append(outcomes, relevance.Outcome{})
			continue
		}
		o := relevance.Judge(q, hits)
		outcomes = append(outcomes, o)
		if !o.Success {
			t.Logf("FAIL %-40s nDCG %.2f want %s; got %s", q.Name(), o.NDCG, strings.Join(q.Want, " "), top(hits, 3))
			if len(o.Forbidden) > 0 {
				t.Logf("     %-40s forbidden hits: %s", "", strings.Join(o.Forbidden, " "))
			}
		}
	}
	sum := relevance.Summarise(outcomes)
	t.Logf("judged set: %s", sum)
	if sum.SuccessAt3 < targetSuccessAt3 {
		t.Errorf("success@3 %.3f is below the target %.2f (run with -v for the failing queries)", sum.SuccessAt3, targetSuccessAt3)
	}
	if sum.NDCG10 < floorNDCG10 {
		t.Errorf("nDCG@10 %.3f is below %.2f", sum.NDCG10, floorNDCG10)
	}
}

var (
	judgedOnce    sync.Once
	judgedIx      *engine.Index
	judgedQueries []relevance.Query
	judgedErr     error
)

// judged is the index of the judged archive (testdata/relevance), built
// once for the package's tests, and its queries.
func judged(t *testing.T) (*engine.Index, []relevance.Query) {
	t.Helper()
	judgedOnce.Do(func() {
		var fsys fs.FS
		fsys, judgedQueries, judgedErr = relevance.Load(filepath.Join("..", "..", "..", "testdata", "relevance"))
		if judgedErr != nil {
			return
		}
		s, cfg, err := searchfixture.Load(fsys)
		if err != nil {
			judgedErr = err
			return
		}
		dir, err := os.MkdirTemp("", "plenary-judged-")
		if err != nil {
			judgedErr = err
			return
		}
		judgedDir = dir
		ixDir := filepath.Join(dir, "search.bleve")
		if _, judgedErr = index.Build(s, ixDir, index.Options{Synonyms: cfg.Search.Synonyms}); judgedErr != nil {
			return
		}
		judgedIx, judgedErr = engine.Open(ixDir)
	})
	if judgedErr != nil {
		t.Fatal(judgedErr)
	}
	return judgedIx, judgedQueries
}

// judgedSearch runs q as the endpoint would, and returns the slugs of
// every hit, best first.
func judgedSearch(ix *engine.Index, q relevance.Query) ([]string, error) {
	r, err := ix.ParseQuery(q.Q)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct{ name, val string }{{"state", q.State}, {"topic", q.Topic}, {"session", q.Session}} {
		if f.val == "" {
			continue
		}
		key, err := ix.Resolve(f.name, f.val)
		if err != nil {
			return nil, err
		}
		r.Add(f.name, key)
	}
	r.Size = 100
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, h := range res.Hits {
		u, _, _ := strings.Cut(h.URL, "#")
		out = append(out, path.Base(strings.TrimSuffix(u, "/")))
	}
	return out, nil
}

func top(hits []string, n int) string {
	if len(hits) == 0 {
		return "nothing"
	}
	return strings.Join(hits[:min(n, len(hits))], " ")
}
