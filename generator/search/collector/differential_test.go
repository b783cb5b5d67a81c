package collector_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/collector"
	"github.com/plenary-archive/plenary/internal/corpus"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// The differential tests guard the bleve internals internals.go lists:
// for queries of every kind the engine compiles, the collector and
// bleve's own search, on the same index, must agree on the total, the
// documents in order, their scores, and the facet counts. A bleve upgrade
// that breaks an assumption fails here first.

func term(field, v string) bquery.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func boosted(q bquery.Query, b float64) bquery.Query {
	q.(bquery.BoostableQuery).SetBoost(b)
	return q
}

// differentialQueries are one of each kind of query the engine compiles.
func differentialQueries() map[string]bquery.Query {
	phrase := bleve.NewMatchPhraseQuery("capacity building")
	phrase.SetField(index.FieldText)
	prefix := bleve.NewPrefixQuery("negoti")
	prefix.SetField(index.FieldText)
	fuzzy := bleve.NewFuzzyQuery("secur")
	fuzzy.SetFuzziness(1)
	fuzzy.SetPrefix(1)
	fuzzy.SetField(index.FieldText)
	incl, excl := true, false
	dates := bleve.NewDateRangeInclusiveQuery(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), &incl, &excl)
	dates.SetField(index.FieldDate)
	words := bquery.NewDisjunctionQuery([]bquery.Query{boosted(term(index.FieldTitle, "secur"), 2), term(index.FieldText, "secur")})
	return map[string]bquery.Query{
		"term":        term(index.FieldText, "state"),
		"title boost": words,
		"phrase":      phrase,
		"prefix":      prefix,
		"fuzzy":       fuzzy,
		"boolean":     bquery.NewBooleanQuery([]bquery.Query{term(index.FieldText, "cyber")}, []bquery.Query{term(index.FieldText, "norm"), term(index.FieldText, "law")}, []bquery.Query{term(index.FieldText, "ransomwar")}),
		"filtered":    bquery.NewConjunctionQuery([]bquery.Query{words, collector.Unscored(term(index.FieldStates, "BRA")), collector.Unscored(dates)}),
		"state names": bquery.NewConjunctionQuery([]bquery.Query{
			bquery.NewDisjunctionQuery([]bquery.Query{phrase, boosted(term(index.FieldText, "brazil"), 0.5)}),
			collector.Unscored(term(index.FieldStates, "BRA")),
		}),
		"only filters": bquery.NewBooleanQuery(nil, nil, []bquery.Query{term(index.FieldTopics, "international-law")}),
		"all":          bleve.NewMatchAllQuery(),
	}
}

func TestCollectorAgreesWithBleve(t *testing.T) {
	fsys := corpus.FS(300, 7)
	s, _, err := searchfixture.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := index.Build(s, dir, index.Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	col, err := collector.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	n := int(col.Docs())
	codes, topics, sessions := col.Keys()
	nonEmpty := 0
	for name, q := range differentialQueries() {
		for _, byDate := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/date=%v", name, byDate), func(t *testing.T) {
				ours, err := col.Collect(context.Background(), q, 0, n, byDate)
				if err != nil {
					t.Fatal(err)
				}
				req := bleve.NewSearchRequestOptions(q, n, 0, false)
				req.SortBy([]string{"-_score", "-" + index.FieldDate, "_id"})
				if byDate {
					req.SortBy([]string{"-" + index.FieldDate, "_id"})
					req.Score = "none"
				}
				for _, f := range []string{index.FieldStates, index.FieldTopics, index.FieldSession} {
					req.AddFacet(f, bleve.NewFacetRequest(f, 10000))
				}
				theirs, err := b.Search(req)
				if err != nil {
					t.Fatal(err)
				}
				if ours.Total != theirs.Total {
					t.Fatalf("total %d, bleve %d", ours.Total, theirs.Total)
				}
				if ours.Total > 0 {
					nonEmpty++
				}
				for i, h := range theirs.Hits {
					m := ours.Top[i]
					if col.ID(m.Num) != h.ID || (!byDate && !sameScore(m.Score, h.Score)) {
						t.Fatalf("hit %d: %s %v, bleve %s %v", i, col.ID(m.Num), m.Score, h.ID, h.Score)
					}
				}
				for _, f := range []struct {
					field  string
					keys   []string
					counts []int32
				}{{index.FieldStates, codes, ours.States}, {index.FieldTopics, topics, ours.Topics}, {index.FieldSession, sessions, ours.Sessions}} {
					got, want := map[string]int{}, map[string]int{}
					for i, c := range f.counts {
						if c > 0 {
							got[f.keys[i]] = int(c)
						}
					}
					for _, tf := range theirs.Facets[f.field].Terms.Terms() {
						want[tf.Term] = tf.Count
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%s facets %v, bleve %v", f.field, got, want)
					}
				}
			})
		}
	}
	if nonEmpty < len(differentialQueries()) {
		t.Errorf("only %d of %d searches matched anything: the corpus no longer exercises the collector", nonEmpty, 2*len(differentialQueries()))
	}
}

// sameScore says whether two scores are the same; neither may be NaN,
// which ranks nothing.
func sameScore(a, b float64) bool { return a == b && !math.IsNaN(a) }

// TestPagesAgreeWithBleve takes pages from the middle of the ranking, as
// Collect's from and size do, against bleve's own paging in the same
// order.
func TestPagesAgreeWithBleve(t *testing.T) {
	fsys, err := searchfixture.Archive()
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := searchfixture.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := index.Build(s, dir, index.Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	col, err := collector.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	q := bquery.NewDisjunctionQuery([]bquery.Query{term(index.FieldText, "state"), term(index.FieldText, "brazil"), term(index.FieldText, "consensus")})
	for from := 0; from < int(col.Docs()); from++ {
		ours, err := col.Collect(context.Background(), q, from, 2, false)
		if err != nil {
			t.Fatal(err)
		}
		req := bleve.NewSearchRequestOptions(q, 2, from, false)
		req.SortBy([]string{"-_score", "-" + index.FieldDate, "_id"})
		theirs, err := b.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		var a, w []string
		for _, m := range ours.Top {
			a = append(a, col.ID(m.Num))
		}
		for _, h := range theirs.Hits {
			w = append(w, h.ID)
		}
		if !slices.Equal(a, w) {
			t.Errorf("from %d: %v, bleve %v", from, a, w)
		}
	}
	_ = os.Remove(dir)
}
