package search

import (
	"context"
	"net/url"
)

// Scores are the IDs and scores of every match of the search rawQuery,
// in the order run ranks them, for tests that compare ranking across index layouts.
func Scores(ix *Index, rawQuery string) ([]string, []float64, error) {
	u, err := url.Parse("/search?" + rawQuery)
	if err != nil {
		return nil, nil, err
	}
	r, err := parseRequest(u, "application/json", ix)
	if err != nil {
		return nil, nil, err
	}
	c, err := ix.compile(r)
	if err != nil {
		return nil, nil, err
	}
	col, err := ix.collect(context.Background(), c.query, 0, int(ix.docs)+1, r.sortDate || !c.text)
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	var scores []float64
	for _, m := range col.top {
		ids = append(ids, ix.table.ids[m.num])
		scores = append(scores, m.score)
	}
	return ids, scores, nil
}
