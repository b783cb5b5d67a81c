package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/collector"
	"github.com/plenary-archive/plenary/generator/search/highlight"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// ErrSlow and ErrGone are a search stopped by its context: its deadline
// passed, or it was cancelled (the client left).
var (
	ErrSlow = errors.New("the search took too long and was stopped: try fewer or more specific words")
	ErrGone = errors.New("the request was cancelled")
)

// Search answers r in two steps: one pass over every match ranks, pages
// and counts facets (the collector); then a search limited to the page's
// documents fetches their stored fields and, when words matched, the
// match locations to highlight. A request the person must change is a
// *query.Error; a search stopped by ctx is ErrSlow or ErrGone.
func (ix *Index) Search(ctx context.Context, r *Request) (*Response, error) {
	c, err := ix.compile(r)
	if err != nil {
		return nil, err
	}
	// Without words every match scores the same: newest first.
	byDate := r.ByDate || !c.text
	col, err := ix.col.Collect(ctx, c.query, (r.Page-1)*r.Size, r.Size, byDate)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	hits, err := ix.fetch(ctx, c, col.Top)
	if err != nil {
		return nil, err
	}
	sortName := "relevance"
	if byDate {
		sortName = "date"
	}
	out := &Response{
		Query: r.Query, Total: col.Total, Page: r.Page, Size: r.Size, Sort: sortName,
		Pages: int((col.Total + uint64(r.Size) - 1) / uint64(r.Size)),
		Hits:  make([]Hit, 0, len(hits)), Facets: ix.facets(col, r), Filters: ix.active(r),
		Similar: c.similar, Notice: notice(c.similar),
	}
	states, speakers := r.point("state"), r.point("speaker")
	for _, h := range hits {
		hit, err := ix.hit(h, states, speakers)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// fetch loads the stored fields of the page's documents and, for a query
// with words, where they matched, in the page's order.
func (ix *Index) fetch(ctx context.Context, c *compiled, top []collector.Ranked) ([]*bsearch.DocumentMatch, error) {
	if len(top) == 0 {
		return nil, nil
	}
	ids := make([]string, len(top))
	for i, m := range top {
		ids[i] = ix.col.ID(m.Num)
	}
	var q bquery.Query = bquery.NewDocIDQuery(ids)
	if c.text {
		// The page's documents matched the filters already: only the
		// words are searched again, for where they match.
		q = bquery.NewConjunctionQuery([]bquery.Query{c.words, q})
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

// hit makes a Hit of a document with its stored fields, pointed at a
// paragraph naming one of states or said by one of speakers when it has
// one.
func (ix *Index) hit(h *bsearch.DocumentMatch, states, speakers []string) (Hit, error) {
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
	m := highlight.ParagraphMatches(&st, h.Locations)
	p := highlight.PickFor(&st, m, states, speakers)
	hit := Hit{
		Title: st.Title, URL: highlight.Anchor(&st, p), Date: st.Date, Session: ix.facts.SessionLabel(st.Session),
		States: ix.facts.StateNames(st.States), Topics: ix.facts.TopicTitles(st.Topics),
		ParagraphStates: []string{}, ParagraphSpeakers: []string{},
		Excerpt: highlight.Excerpt(&st, m, p, append(ix.facts.AllNames(states), ix.facts.SpeakerNames(speakers)...)),
	}
	if p >= 0 {
		hit.ParagraphStates = ix.facts.StateNames(st.Paras[p].States)
		for _, k := range st.Paras[p].Speakers {
			hit.ParagraphSpeakers = append(hit.ParagraphSpeakers, ix.facts.SpeakerLabel(k))
		}
	}
	return hit, nil
}

// notice says which words were searched as the words most like them.
func notice(similar []string) string {
	if len(similar) == 0 {
		return ""
	}
	quoted := make([]string, len(similar))
	for i, w := range similar {
		quoted[i] = "“" + w + "”"
	}
	it := "it"
	if len(similar) > 1 {
		it = "them"
	}
	return "No report contains " + strings.Join(quoted, " or ") + ": showing reports with words like " + it + "."
}

// searchError tells the request's limits apart from failures.
func searchError(ctx context.Context, err error) error {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return ErrSlow
	case errors.Is(ctx.Err(), context.Canceled):
		return ErrGone
	case strings.Contains(err.Error(), "TooManyClauses"):
		return query.Errorf("a prefix or typo-tolerant word matches more than %d words: type more letters", maxExpansion)
	}
	return err
}
