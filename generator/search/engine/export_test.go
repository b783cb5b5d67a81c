package engine

import "context"

// Scores are the IDs and scores of every match of r, in the order Search
// ranks them, for tests that compare ranking across index layouts.
func Scores(ix *Index, r *Request) ([]string, []float64, error) {
	c, err := ix.compile(r)
	if err != nil {
		return nil, nil, err
	}
	col, err := ix.col.Collect(context.Background(), c.query, 0, int(ix.docs)+1, r.ByDate || !c.text)
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	var scores []float64
	for _, m := range col.Top {
		ids = append(ids, ix.col.ID(m.Num))
		scores = append(scores, m.Score)
	}
	return ids, scores, nil
}
