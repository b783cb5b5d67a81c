package relevance

import (
	"math"
	"path/filepath"
	"strings"
	"testing"
)

func TestJudge(t *testing.T) {
	q := Query{Q: "x", Want: []string{"a", "b"}, Also: []string{"c"}, Never: []string{"z"}}
	// The ideal ranking: a, b (graded 2), then c (graded 1).
	ideal := 2 + 2/math.Log2(3) + 1/math.Log2(4)
	for _, tc := range []struct {
		name    string
		hits    []string
		success bool
		ndcg    float64
	}{
		{"ideal", []string{"a", "b", "c"}, true, 1},
		{"wanted third", []string{"x", "y", "b"}, true, (2 / math.Log2(4)) / ideal},
		{"wanted fourth", []string{"x", "y", "w", "a"}, false, (2 / math.Log2(5)) / ideal},
		{"only relevant", []string{"c"}, false, 1 / ideal},
		{"a forbidden hit far down", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "z"}, false, 1},
		{"nothing", nil, false, 0},
		{"past ten", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a"}, false, 0},
	} {
		o := Judge(q, tc.hits)
		if o.Success != tc.success || math.Abs(o.NDCG-tc.ndcg) > 1e-9 {
			t.Errorf("%s: success %v nDCG %.4f, want %v %.4f", tc.name, o.Success, o.NDCG, tc.success, tc.ndcg)
		}
	}
}

func TestSummarise(t *testing.T) {
	s := Summarise([]Outcome{{Success: true, NDCG: 1}, {NDCG: 0.5}, {Success: true, NDCG: 0}, {Success: true, NDCG: 0.5}})
	if s.Queries != 4 || s.Successes != 3 || s.SuccessAt3 != 0.75 || s.NDCG10 != 0.5 {
		t.Errorf("%+v", s)
	}
	if !strings.Contains(s.String(), "success@3 0.750 (3 of 4 queries), nDCG@10 0.500") {
		t.Errorf("%s", s)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct{ name, toml, want string }{
		{"unknown field", "[[query]]\nq = \"x\"\nwant = [\"a\"]\nwnat = [\"b\"]\n", "wnat"},
		{"no words, no filter", "[[query]]\nwant = [\"a\"]\n", "no words"},
		{"nothing wanted", "[[query]]\nq = \"x\"\n", "wants no report"},
		{"wanted and never", "[[query]]\nq = \"x\"\nwant = [\"a\"]\nnever = [\"a\"]\n", "both"},
	} {
		if _, err := Parse([]byte(tc.toml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestJudgedSet loads the repository's judged set: it parses, names only
// reports of its archive, and holds the queries the project promises.
func TestJudgedSet(t *testing.T) {
	fsys, qs, err := Load(filepath.Join("..", "..", "testdata", "relevance"))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 60 {
		t.Errorf("%d judged queries; the set needs at least 60", len(qs))
	}
	if _, ok := fsys["config.toml"]; !ok {
		t.Error("the judged archive has no config.toml")
	}
}

// TestHeldOutSet loads the held-out set: its reports come on top of the
// judged archive without replacing any, and it holds enough queries to
// say something.
func TestHeldOutSet(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "relevance")
	dev, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys, qs, err := LoadSet(dir, HeldOut)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 25 {
		t.Errorf("%d held-out queries; the set needs at least 25", len(qs))
	}
	if len(fsys) <= len(dev) {
		t.Errorf("the held-out archive has %d files, the development one %d: heldout.txtar added none", len(fsys), len(dev))
	}
}
