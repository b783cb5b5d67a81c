package engine_test

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/corpus"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// rankingQueries are searches with filters of every kind, on a generated
// archive where many reports match each.
var rankingQueries = []struct{ words, filters string }{
	{"capacity building", "state=Kenya"},
	{"capacity building", "topic=capacity-building"},
	{"ransomware hospitals", "state=Brazil"},
	{"consensus", "state=France&state=China"},
	{"capacity building", "session=oewg-2021-2025-s4"},
	{"norms", "state=United+States&topic=international-law"},
	{"Russia", "from=2023"},
	{`"points of contact"`, "state=Singapore"},
}

// generatedIndex builds the index of a generated archive of n reports
// into dir.
func generatedIndex(t *testing.T, n int, dir string) *engine.Index {
	t.Helper()
	s, _, err := searchfixture.Load(corpus.FS(n, 7))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := index.Build(s, dir, index.Options{}); err != nil {
		t.Fatal(err)
	}
	ix, err := engine.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// ranking is every match of a search, best first, with its score.
func ranking(t *testing.T, ix *engine.Index, raw string) ([]string, []float64) {
	t.Helper()
	r, err := request(ix, raw)
	if err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	ids, scores, err := engine.Scores(ix, r)
	if err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return ids, scores
}

// TestFilteredRanksAsUnfiltered: a filter only narrows. The filtered
// matches come in the order the same words give them unfiltered, with
// the same scores, none of them NaN.
func TestFilteredRanksAsUnfiltered(t *testing.T) {
	ix := generatedIndex(t, 300, filepath.Join(t.TempDir(), "search.bleve"))
	for _, q := range rankingQueries {
		t.Run(q.words+"&"+q.filters, func(t *testing.T) {
			words := "q=" + urlWords(q.words)
			filtered, fscores := ranking(t, ix, words+"&"+q.filters)
			all, scores := ranking(t, ix, words)
			allowed, _ := ranking(t, ix, q.filters+"&sort=date")
			if len(filtered) < 3 {
				t.Fatalf("%d matches: too few to compare orders", len(filtered))
			}
			var want []string
			var wantScores []float64
			for i, id := range all {
				if slices.Contains(allowed, id) {
					want, wantScores = append(want, id), append(wantScores, scores[i])
				}
			}
			if !slices.Equal(filtered, want) {
				t.Errorf("filtered order %v\nunfiltered, narrowed: %v", head(filtered), head(want))
			}
			for i, s := range fscores {
				if math.IsNaN(s) || (i < len(wantScores) && math.Abs(s-wantScores[i]) > 1e-9*math.Abs(s)) {
					t.Fatalf("hit %d (%s) scores %v filtered, %v unfiltered", i, filtered[i], s, wantScores[min(i, len(wantScores)-1)])
				}
			}
		})
	}
}

// TestBuildsRankAlike: two clean builds of the same sources rank every
// search alike, to the same scores and the same order of equal scores.
func TestBuildsRankAlike(t *testing.T) {
	a := generatedIndex(t, 300, filepath.Join(t.TempDir(), "a.bleve"))
	b := generatedIndex(t, 300, filepath.Join(t.TempDir(), "b.bleve"))
	for _, q := range rankingQueries {
		for _, raw := range []string{"q=" + urlWords(q.words), "q=" + urlWords(q.words) + "&" + q.filters, q.filters} {
			ia, sa := ranking(t, a, raw)
			ib, sb := ranking(t, b, raw)
			if !slices.Equal(ia, ib) || fmt.Sprint(sa) != fmt.Sprint(sb) {
				t.Errorf("%s: one build ranks %v, the other %v", raw, head(ia), head(ib))
			}
		}
	}
}

func urlWords(s string) string {
	out := []byte{}
	for _, c := range []byte(s) {
		switch c {
		case ' ':
			out = append(out, '+')
		case '"':
			out = append(out, "%22"...)
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func head(ids []string) []string { return ids[:min(8, len(ids))] }
