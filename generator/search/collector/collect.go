package collector

import (
	"container/heap"
	"context"
	"fmt"
	"runtime"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Collector answers queries over one index, or over shards (Join).
type Collector struct {
	t    *table
	docs uint64 // documents in the index, or in every shard

	// one is the index of a single-index collector; shards and bases
	// are a joined one's indexes and the number of each one's first
	// document among them.
	one    bleve.Index
	shards []bleve.Index
	bases  []uint64
}

// Open reads what ranking and facets need of every document of b, which
// must not change while the Collector is used.
func Open(b bleve.Index) (*Collector, error) {
	n, err := b.DocCount()
	if err != nil {
		return nil, err
	}
	t, err := readTable(b)
	if err != nil {
		return nil, err
	}
	return &Collector{t: t, docs: n, one: b}, nil
}

// Docs is the number of documents.
func (c *Collector) Docs() uint64 { return c.docs }

// ID is the external ID (the report's slug) of document num.
func (c *Collector) ID(num uint32) string { return c.t.ids[num] }

// Keys are the states' codes, the topics' keys and the sessions' keys
// that Result's counts are indexed by.
func (c *Collector) Keys() (states, topics, sessions []string) {
	return c.t.codes, c.t.topicKeys, c.t.sessionKeys
}

// SpeakerKeys are the speakers' keys (states' codes, groups' and
// stakeholders' registry keys) that Result.Speakers is indexed by.
func (c *Collector) SpeakerKeys() []string { return c.t.speakerKeys }

// Ranked is a match kept for a page.
type Ranked struct {
	Num   uint32 // the document's number, for ID
	Score float64
	Date  int64 // Unix nanoseconds

	order uint32 // table.order
}

// Result is what one pass over the matches gives.
type Result struct {
	Total uint64
	Top   []Ranked // the page, best first
	// States, Topics and Sessions count the matches holding each value,
	// by index into Keys; Speakers by index into SpeakerKeys.
	States, Topics, Sessions []int32
	Speakers                 []int32

	// matched holds every match; its members lie in the words lo to hi.
	matched docSet
	lo, hi  int
}

// Collect walks every match of q once: it counts the facets and keeps the
// matches from to from+size, best first: by score, or by date, newest
// first. Equal scores are ordered newest first, then equal dates by ID,
// so that every build of the same reports ranks them alike.
func (c *Collector) Collect(ctx context.Context, q query.Query, from, size int, byDate bool) (*Result, error) {
	opts := bsearch.SearcherOptions{}
	if byDate {
		opts.Score = "none"
	}
	t := c.t
	res := &Result{
		States: make([]int32, len(t.codes)), Speakers: make([]int32, len(t.speakerKeys)), Topics: make([]int32, len(t.topicKeys)), Sessions: make([]int32, len(t.sessionKeys)),
		matched: newDocSet(len(t.ids)), lo: len(t.ids),
	}
	h := &rankHeap{byDate: byDate, k: from + size}
	if c.one == nil {
		if err := c.walkShards(ctx, q, opts, res, h); err != nil {
			return nil, err
		}
	} else {
		adv, err := c.one.Advanced()
		if err != nil {
			return nil, err
		}
		r, err := adv.Reader()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		s, err := q.Searcher(ctx, r, c.one.Mapping(), opts)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		if err := c.walk(ctx, s, res, h, 0); err != nil {
			return nil, err
		}
	}
	res.countFacets(t)
	res.Top = slices.Clone(h.items)
	slices.SortFunc(res.Top, func(a, b Ranked) int {
		switch {
		case h.better(a, b):
			return -1
		case h.better(b, a):
			return 1
		}
		return 0
	})
	if from < len(res.Top) {
		res.Top = res.Top[from:]
	} else {
		res.Top = nil
	}
	return res, nil
}

// walk adds the matches of s to res and h; base is the number of the
// searcher's index's first document in the table.
func (c *Collector) walk(ctx context.Context, s bsearch.Searcher, res *Result, h *rankHeap, base uint64) error {
	t := c.t
	k := h.k
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for {
		if res.Total&255 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			// Searches hold every CPU (one slot each): without a
			// pause, the goroutines that read requests and write
			// answers wait for the scheduler's 10 ms preemption.
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
		res.Total++
		res.mark(n)
		if i := t.session[n]; i >= 0 {
			res.Sessions[i]++
		}
		m := Ranked{Num: uint32(n), Score: dm.Score, Date: t.date[n], order: t.order[n]}
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
func (res *Result) mark(n uint64) {
	res.matched.add(n)
	res.lo, res.hi = min(res.lo, int(n>>6)), max(res.hi, int(n>>6)+1)
}

// countFacets counts the matches holding each state, speaker and topic.
func (res *Result) countFacets(t *table) {
	if res.Total == 0 {
		return
	}
	for i, d := range t.stateDocs {
		res.States[i] = res.matched.countAnd(d, res.lo, res.hi)
	}
	for i, d := range t.speakerDocs {
		res.Speakers[i] = res.matched.countAnd(d, res.lo, res.hi)
	}
	for i, d := range t.topicDocs {
		res.Topics[i] = res.matched.countAnd(d, res.lo, res.hi)
	}
}

// rankHeap keeps the best matches with the worst on top, to be replaced.
type rankHeap struct {
	items  []Ranked
	byDate bool
	k      int // how many to keep
}

// better orders matches: higher score first, then later date, then IDs
// in order; or by date, then IDs. Nothing depends on document numbers,
// which differ from one build to another.
func (h *rankHeap) better(a, b Ranked) bool {
	if !h.byDate && a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Date != b.Date {
		return a.Date > b.Date
	}
	return a.order < b.order
}

func (h *rankHeap) Len() int           { return len(h.items) }
func (h *rankHeap) Less(i, j int) bool { return h.better(h.items[j], h.items[i]) }
func (h *rankHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *rankHeap) Push(x any)         { h.items = append(h.items, x.(Ranked)) }
func (h *rankHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
