package search

import (
	"container/heap"
	"context"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/plenary-archive/plenary/generator/index"
)

// Ranking, paging and facet counting run here rather than in bleve's
// collector, which reads and decompresses doc values and counts terms in
// string-keyed maps for every match: three quarters of a broad query's
// time. The index never changes under the endpoint, so each document's
// states, topics, session and date are read once at start into arrays,
// and a query only walks its matches.

// table holds, by document number, what ranking and facets need.
type table struct {
	ids     []string   // external IDs: report slugs
	states  [][]uint16 // indexes into codes
	topics  [][]uint16 // indexes into topicKeys
	session []int32    // index into sessionKeys, -1 for none
	date    []int64    // Unix nanoseconds

	// stateDocs and topicDocs are the documents holding each state and
	// topic, by index into codes and topicKeys (see docset.go).
	stateDocs, topicDocs []docSet

	codes, topicKeys, sessionKeys []string
}

// docNum is a document's number: scorch's internal IDs are big-endian
// document numbers.
func docNum(id bindex.IndexInternalID) (uint64, error) {
	if len(id) != 8 {
		return 0, fmt.Errorf("unexpected internal document ID of %d bytes", len(id))
	}
	return binary.BigEndian.Uint64(id), nil
}

func buildTable(b bleve.Index) (*table, error) {
	adv, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dvr, err := r.DocValueReader([]string{index.FieldStates, index.FieldTopics, index.FieldSession, index.FieldDate})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	s, err := query.NewMatchAllQuery().Searcher(ctx, r, b.Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	t := &table{}
	intern := func(m map[string]uint16, list *[]string, term []byte) uint16 {
		if i, ok := m[string(term)]; ok {
			return i
		}
		i := uint16(len(*list))
		m[string(term)] = i
		*list = append(*list, string(term))
		return i
	}
	codes, topics, sessions := map[string]uint16{}, map[string]uint16{}, map[string]uint16{}
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		num, err := docNum(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		if num > 1<<26 {
			return nil, fmt.Errorf("document number %d is out of range", num)
		}
		for uint64(len(t.ids)) <= num {
			t.ids = append(t.ids, "")
			t.states = append(t.states, nil)
			t.topics = append(t.topics, nil)
			t.session = append(t.session, -1)
			t.date = append(t.date, 0)
		}
		if t.ids[num], err = r.ExternalID(dm.IndexInternalID); err != nil {
			return nil, err
		}
		err = dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			switch field {
			case index.FieldStates:
				t.states[num] = append(t.states[num], intern(codes, &t.codes, term))
			case index.FieldTopics:
				t.topics[num] = append(t.topics[num], intern(topics, &t.topicKeys, term))
			case index.FieldSession:
				t.session[num] = int32(intern(sessions, &t.sessionKeys, term))
			case index.FieldDate:
				// Dates are indexed at several precisions; the
				// full one has shift 0.
				pc := numeric.PrefixCoded(term)
				if shift, err := pc.Shift(); err == nil && shift == 0 {
					if v, err := pc.Int64(); err == nil {
						t.date[num] = v
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	if len(t.codes) > 1<<16-1 || len(t.topicKeys) > 1<<16-1 || len(t.sessionKeys) > 1<<15 {
		return nil, fmt.Errorf("too many distinct states, topics or sessions")
	}
	t.facetSets()
	return t, nil
}

// ranked is a match kept for a page.
type ranked struct {
	num   uint32
	score float64
	date  int64
}

// collected is what one pass over the matches gives.
type collected struct {
	total    uint64
	top      []ranked // the page, best first
	states   []int32  // match counts by index into table.codes
	topics   []int32
	sessions []int32

	// matched holds every match; its members lie in the words lo to hi.
	matched docSet
	lo, hi  int
}

// collect walks every match of q once: it counts the facets and keeps the
// best from+size matches by score, or by date.
func (ix *Index) collect(ctx context.Context, q query.Query, from, size int, byDate bool) (*collected, error) {
	opts := bsearch.SearcherOptions{}
	if byDate {
		opts.Score = "none"
	}
	t := ix.table
	c := &collected{
		states: make([]int32, len(t.codes)), topics: make([]int32, len(t.topicKeys)), sessions: make([]int32, len(t.sessionKeys)),
		matched: newDocSet(len(t.ids)), lo: len(t.ids),
	}
	h := &rankHeap{byDate: byDate, k: from + size}
	if ix.shards != nil {
		if err := ix.walkShards(ctx, q, opts, c, h); err != nil {
			return nil, err
		}
	} else {
		adv, err := ix.bleve.Advanced()
		if err != nil {
			return nil, err
		}
		r, err := adv.Reader()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		s, err := q.Searcher(ctx, r, ix.bleve.Mapping(), opts)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		if err := ix.walk(ctx, s, c, h, 0); err != nil {
			return nil, err
		}
	}
	c.countFacets(t)
	c.top = slices.Clone(h.items)
	slices.SortFunc(c.top, func(a, b ranked) int {
		switch {
		case h.better(a, b):
			return -1
		case h.better(b, a):
			return 1
		}
		return 0
	})
	if from < len(c.top) {
		c.top = c.top[from:]
	} else {
		c.top = nil
	}
	return c, nil
}

// walk adds the matches of s to c and h; base is the number of the
// searcher's index's first document in ix.table.
func (ix *Index) walk(ctx context.Context, s bsearch.Searcher, c *collected, h *rankHeap, base uint64) error {
	t := ix.table
	k := h.k
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for {
		if c.total&255 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			// Searches hold every CPU (one slot each): without a
			// pause, the goroutines that read requests and write
			// answers wait for the scheduler's 10 ms preemption, and
			// at 100,000 reports the p99 under 8 clients went from
			// 78 ms in the handler to 100 ms at the client.
			runtime.Gosched()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		n, err := docNum(dm.IndexInternalID)
		n += base
		if err != nil || n >= uint64(len(t.ids)) {
			return fmt.Errorf("match of an unknown document %d: %v", n, err)
		}
		c.total++
		c.mark(n)
		if i := t.session[n]; i >= 0 {
			c.sessions[i]++
		}
		m := ranked{num: uint32(n), score: dm.Score, date: t.date[n]}
		sctx.DocumentMatchPool.Put(dm)
		if h.Len() < k {
			heap.Push(h, m)
		} else if h.Len() > 0 && h.better(m, h.items[0]) {
			h.items[0] = m
			heap.Fix(h, 0)
		}
	}
}

// mark adds document n to the matches.
func (c *collected) mark(n uint64) {
	c.matched.add(n)
	c.lo, c.hi = min(c.lo, int(n>>6)), max(c.hi, int(n>>6)+1)
}

// countFacets counts the matches holding each state and topic.
func (c *collected) countFacets(t *table) {
	if c.total == 0 {
		return
	}
	for i, d := range t.stateDocs {
		c.states[i] = c.matched.countAnd(d, c.lo, c.hi)
	}
	for i, d := range t.topicDocs {
		c.topics[i] = c.matched.countAnd(d, c.lo, c.hi)
	}
}

// rankHeap keeps the best matches with the worst on top, to be replaced.
type rankHeap struct {
	items  []ranked
	byDate bool
	k      int // how many to keep
}

// better orders matches: higher score (or later date) first, then the
// index's order, so equal matches keep a stable order across pages.
func (h *rankHeap) better(a, b ranked) bool {
	if h.byDate {
		if a.date != b.date {
			return a.date > b.date
		}
	} else if a.score != b.score {
		return a.score > b.score
	}
	return a.num < b.num
}

func (h *rankHeap) Len() int           { return len(h.items) }
func (h *rankHeap) Less(i, j int) bool { return h.better(h.items[j], h.items[i]) }
func (h *rankHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *rankHeap) Push(x any)         { h.items = append(h.items, x.(ranked)) }
func (h *rankHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
