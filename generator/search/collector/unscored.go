package collector

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Unscored matches what q matches and scores nothing: a filter that
// narrows the matches of a query's words without changing their order.
// Bleve scores a term of a keyword field, which keeps no frequencies or
// norms, as NaN, and a sum with NaN ranks nothing (an arbitrary order
// that differs from one build to the next); scoring a filter is wasted
// work besides.
func Unscored(q query.Query) query.Query { return unscored{q} }

type unscored struct{ q query.Query }

func (u unscored) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	opts.Score = "none"
	opts.Explain = false
	opts.IncludeTermVectors = false
	s, err := u.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return weightless{s}, nil
}

// weightless is a searcher that counts for nothing in the query norm of
// the query it is part of (the inverse square root of its parts'
// weights), so that a filtered search scores exactly as unfiltered.
type weightless struct{ bsearch.Searcher }

func (weightless) Weight() float64        { return 0 }
func (weightless) SetQueryNorm(_ float64) {}
