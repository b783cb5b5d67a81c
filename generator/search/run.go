package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
)

// errBusy and errSlow are the server's limits speaking, not the request's
// fault: they answer 503 so clients retry.
var (
	errBusy = &httpError{503, "the search service is busy: try again in a moment"}
	errSlow = &httpError{503, "the search took too long and was stopped: try fewer or more specific words"}
	// errGone is logged when the client left before its answer: 499, as
	// proxies log it.
	errGone = &httpError{499, "the request was cancelled"}
)

// run answers a request in two steps: one pass over every match ranks,
// pages and counts facets (see collect); then a search limited to the
// page's documents fetches their stored fields and, when words matched,
// the match locations to highlight.
func (ix *Index) run(ctx context.Context, r *request) (*Response, error) {
	c, err := ix.compile(r)
	if err != nil {
		return nil, err
	}
	// Without words every match scores the same: newest first.
	byDate := r.sortDate || !c.text
	col, err := ix.collect(ctx, c.query, (r.page-1)*r.size, r.size, byDate)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	hits, err := ix.fetch(ctx, c, col.top)
	if err != nil {
		return nil, err
	}
	sortName := "relevance"
	if byDate {
		sortName = "date"
	}
	out := &Response{
		Query: r.q, Total: col.total, Page: r.page, Size: r.size, Sort: sortName,
		Pages: int((col.total + uint64(r.size) - 1) / uint64(r.size)),
		Hits:  make([]Hit, 0, len(hits)), Facets: ix.facets(col, r),
	}
	point := r.pointStates()
	for _, h := range hits {
		hit, err := ix.hit(h, point)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// fetch loads the stored fields of the page's documents and, for a query
// with words, where they matched, in the page's order.
func (ix *Index) fetch(ctx context.Context, c *compiled, top []ranked) ([]*bsearch.DocumentMatch, error) {
	if len(top) == 0 {
		return nil, nil
	}
	ids := make([]string, len(top))
	for i, m := range top {
		ids[i] = ix.table.ids[m.num]
	}
	var q query.Query = query.NewDocIDQuery(ids)
	if c.text {
		q = query.NewConjunctionQuery([]query.Query{c.query, q})
	}
	sr := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	sr.IncludeLocations = c.text
	sr.Fields = []string{index.FieldStored}
	sr.Score = "none"
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	byID := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h
	}
	out := make([]*bsearch.DocumentMatch, 0, len(ids))
	for _, id := range ids {
		m := byID[id]
		if m == nil {
			return nil, fmt.Errorf("document %s matched, then did not", id)
		}
		out = append(out, m)
	}
	return out, nil
}

// hit makes a Hit of a document with its stored fields.
func (ix *Index) hit(h *bsearch.DocumentMatch, point []string) (Hit, error) {
	raw, _ := h.Fields[index.FieldStored].(string)
	if raw == "" {
		// A hit without stored fields comes from a search run without
		// them: a bug here, not damage.
		return Hit{}, fmt.Errorf("hit %s has no stored fields", h.ID)
	}
	var st index.Stored
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		return Hit{}, fmt.Errorf("hit %s: stored fields: %w", h.ID, err)
	}
	m := paragraphMatches(&st, h.Locations)
	p := pick(&st, m, point)
	hit := Hit{
		Title: st.Title, URL: anchor(&st, p), Date: st.Date, Session: ix.facts.sessionLabel(st.Session),
		States: ix.facts.stateNames(st.States), Topics: ix.facts.topicTitles(st.Topics),
		ParagraphStates: []string{}, Excerpt: excerpt(&st, m, p),
	}
	if p >= 0 {
		hit.ParagraphStates = ix.facts.stateNames(st.Paras[p].States)
	}
	return hit, nil
}

// pointStates are the states a hit should be pointed at: those the
// request filters by.
func (r *request) pointStates() []string {
	out := append([]string(nil), r.states...)
	for _, f := range r.and {
		if f[0] == "state" {
			out = appendNew(out, f[1])
		}
	}
	return out
}

// searchError tells the request's limits apart from failures.
func searchError(ctx context.Context, err error) error {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return errSlow
	case errors.Is(ctx.Err(), context.Canceled):
		return errGone
	case strings.Contains(err.Error(), "TooManyClauses"):
		return badRequest("a prefix or typo-tolerant word matches more than %d words: type more letters", maxExpansion)
	}
	return err
}
