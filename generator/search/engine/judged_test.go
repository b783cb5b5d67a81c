package engine_test

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/engine"
	judgedsets "github.com/plenary-archive/plenary/internal/judged"
	"github.com/plenary-archive/plenary/internal/relevance"
)

// Targets of the judged sets (testdata/relevance): the share of queries
// whose wanted report is in the top three with no forbidden hit, and the
// mean nDCG@10 below which a change is a regression.
const (
	targetSuccessAt3 = 0.95
	floorNDCG10      = 0.90
)

// TestJudgedQueries runs every query of the development set through the
// engine on an index of the judged archive and fails below the targets.
// With -v it prints success@3 and nDCG@10, and every query that failed
// with what it found (go run ./internal/judged/measure prints the same).
//
//	go test -run 'TestJudgedQueries|TestHeldOutQueries' -v ./generator/search/engine
func TestJudgedQueries(t *testing.T) {
	judgedSet(t, relevance.Development)
}

// TestHeldOutQueries runs the held-out set, judged before the ranking
// rules ever met it, against the same targets.
func TestHeldOutQueries(t *testing.T) {
	judgedSet(t, relevance.HeldOut)
}

func judgedSet(t *testing.T, name string) {
	set := openJudged(t, name)
	res := set.Run()
	for _, f := range res.Failures {
		t.Log(f)
	}
	t.Logf("%s set: %s", name, res.Summary)
	if res.Summary.SuccessAt3 < targetSuccessAt3 {
		t.Errorf("success@3 %.3f is below the target %.2f (run with -v for the failing queries)", res.Summary.SuccessAt3, targetSuccessAt3)
	}
	if res.Summary.NDCG10 < floorNDCG10 {
		t.Errorf("nDCG@10 %.3f is below %.2f", res.Summary.NDCG10, floorNDCG10)
	}
}

var (
	judgedMu   sync.Mutex
	judgedSets = map[string]*judgedsets.Set{}
)

// openJudged is the judged set name with its index, built once for the
// package's tests (TestMain closes them).
func openJudged(t *testing.T, name string) *judgedsets.Set {
	t.Helper()
	judgedMu.Lock()
	defer judgedMu.Unlock()
	if s := judgedSets[name]; s != nil {
		return s
	}
	s, err := judgedsets.Open(filepath.Join("..", "..", "..", "testdata", "relevance"), name)
	if err != nil {
		t.Fatal(err)
	}
	judgedSets[name] = s
	return s
}

// judged is the index of the development set's archive and its queries.
func judged(t *testing.T) (*engine.Index, []relevance.Query) {
	t.Helper()
	s := openJudged(t, relevance.Development)
	return s.Index, s.Queries
}
