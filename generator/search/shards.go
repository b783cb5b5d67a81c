package search

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/plenary-archive/plenary/generator/index"
)

// Shards: a very large archive's index may be several folders, each
// written by plenary build from a share of the reports (by session, say).
// OpenShards serves them as one index that answers exactly as a single
// index of all the reports would:
//
//   - ranking and facets walk every shard's matches in turn (collect), with
//     the archive's statistics in place of each shard's own: a term's
//     weight depends on how many documents hold it, and a shard's count
//     would score the same report differently in each layout;
//   - documents are numbered across shards, shard by shard, so equal
//     scores keep the order one index built in the same order gives;
//   - the page's stored fields and match locations come from a bleve
//     index alias (bleve.NewIndexAlias) over the shards.
//
// Every shard must come from the same archive and the same version of
// plenary: their states, topics and sessions are merged, their synonyms,
// analyzer and results page must agree.

// OpenShards opens the index folders dirs read-only and serves them as one
// index. One folder is the same as Open.
func OpenShards(dirs ...string) (*Index, error) {
	switch len(dirs) {
	case 0:
		return nil, fmt.Errorf("no index folder given")
	case 1:
		return Open(dirs[0])
	}
	if len(dirs) > 1<<10 {
		return nil, fmt.Errorf("%d shards is too many: at most %d", len(dirs), 1<<10)
	}
	seen := map[string]bool{}
	parts := make([]*Index, 0, len(dirs))
	fail := func(err error) (*Index, error) {
		for _, p := range parts {
			_ = p.Close()
		}
		return nil, err
	}
	for _, d := range dirs {
		if seen[d] {
			return fail(fmt.Errorf("%s is given twice: each shard once", d))
		}
		seen[d] = true
		p, err := Open(d)
		if err != nil {
			return fail(err)
		}
		parts = append(parts, p)
	}
	first := parts[0]
	merged := *first.facts.Facts
	merged.States = slices.Clone(merged.States)
	merged.Topics = slices.Clone(merged.Topics)
	merged.Sessions = slices.Clone(merged.Sessions)
	merged.Fingerprint = ""
	var docs uint64
	bleves := make([]bleve.Index, 0, len(parts))
	for i, p := range parts {
		docs += p.docs
		bleves = append(bleves, p.bleve)
		if i == 0 {
			continue
		}
		f := p.facts.Facts
		if f.BaseURL != merged.BaseURL || f.Title != merged.Title {
			return fail(fmt.Errorf("%s and %s are indexes of different sites (%s, %s): shards must come from one archive", first.dir, p.dir, merged.BaseURL, f.BaseURL))
		}
		if fmt.Sprint(f.Synonyms) != fmt.Sprint(merged.Synonyms) || string(p.shell) != string(first.shell) {
			return fail(fmt.Errorf("%s and %s were built with different synonyms or search pages: rebuild every shard from the same archive", first.dir, p.dir))
		}
		merged.Reports += f.Reports
		merged.States = union(merged.States, f.States, func(s index.State) string { return s.Code })
		merged.Topics = union(merged.Topics, f.Topics, func(t index.Topic) string { return t.Key })
		merged.Sessions = union(merged.Sessions, f.Sessions, func(s index.Session) string { return s.Key })
	}
	ix := &Index{
		dir:      strings.Join(dirs, ","),
		bleve:    bleve.NewIndexAlias(bleves...),
		facts:    newFacts(&merged),
		shell:    first.shell,
		analyzer: first.analyzer,
		synonyms: first.synonyms,
		docs:     docs,
		shards:   parts,
	}
	t, err := mergeTables(parts)
	if err != nil {
		return fail(err)
	}
	ix.table = t
	return ix, nil
}

// union appends to a the items of b whose keys a does not hold.
func union[T any](a, b []T, key func(T) string) []T {
	have := make(map[string]bool, len(a))
	for _, x := range a {
		have[key(x)] = true
	}
	for _, x := range b {
		if !have[key(x)] {
			have[key(x)] = true
			a = append(a, x)
		}
	}
	return a
}

// mergeTables numbers the documents of every shard after those of the
// shards before it, and the states, topics and sessions in one list each.
func mergeTables(parts []*Index) (*table, error) {
	t := &table{}
	codes, topics, sessions := map[string]uint16{}, map[string]uint16{}, map[string]uint16{}
	intern := func(m map[string]uint16, list *[]string, v string) uint16 {
		if i, ok := m[v]; ok {
			return i
		}
		i := uint16(len(*list))
		m[v] = i
		*list = append(*list, v)
		return i
	}
	owner := map[string]string{}
	for _, p := range parts {
		pt := p.table
		p.base = uint64(len(t.ids))
		for n := range pt.ids {
			if d, ok := owner[pt.ids[n]]; ok {
				return nil, fmt.Errorf("report %s is in two shards, %s and %s: each report must be in one shard only", pt.ids[n], d, p.dir)
			}
			owner[pt.ids[n]] = p.dir
			var st, tp []uint16
			for _, i := range pt.states[n] {
				st = append(st, intern(codes, &t.codes, pt.codes[i]))
			}
			for _, i := range pt.topics[n] {
				tp = append(tp, intern(topics, &t.topicKeys, pt.topicKeys[i]))
			}
			s := int32(-1)
			if i := pt.session[n]; i >= 0 {
				s = int32(intern(sessions, &t.sessionKeys, pt.sessionKeys[i]))
			}
			t.ids = append(t.ids, pt.ids[n])
			t.states = append(t.states, st)
			t.topics = append(t.topics, tp)
			t.session = append(t.session, s)
			t.date = append(t.date, pt.date[n])
		}
		if len(t.ids) > 1<<26 {
			return nil, fmt.Errorf("too many documents in the shards")
		}
	}
	if len(t.codes) > 1<<16-1 || len(t.topicKeys) > 1<<16-1 || len(t.sessionKeys) > 1<<15 {
		return nil, fmt.Errorf("too many distinct states, topics or sessions")
	}
	t.facetSets()
	return t, nil
}

// walkShards is collect's pass over the matches of every shard, with the
// archive's statistics when matches are scored.
func (ix *Index) walkShards(ctx context.Context, q query.Query, opts bsearch.SearcherOptions, c *collected, h *rankHeap) error {
	readers := make([]bindex.IndexReader, 0, len(ix.shards))
	defer func() {
		for _, r := range readers {
			_ = r.Close()
		}
	}()
	for _, p := range ix.shards {
		adv, err := p.bleve.Advanced()
		if err != nil {
			return err
		}
		r, err := adv.Reader()
		if err != nil {
			return err
		}
		readers = append(readers, r)
	}
	freq := map[string]uint64{} // field and term → documents in all shards
	for i, p := range ix.shards {
		var r bindex.IndexReader = readers[i]
		if opts.Score != "none" {
			r = &statsReader{IndexReader: r, docs: ix.docs, all: readers, freq: freq}
		}
		s, err := q.Searcher(ctx, r, p.bleve.Mapping(), opts)
		if err != nil {
			return err
		}
		err = ix.walk(ctx, s, c, h, p.base)
		_ = s.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// statsReader is a shard's reader that reports the whole archive's
// document count, and each term's document frequency over every shard,
// which is what tf-idf scoring reads.
type statsReader struct {
	bindex.IndexReader
	docs uint64
	all  []bindex.IndexReader
	freq map[string]uint64 // shared by the shards' readers of one search
}

func (r *statsReader) DocCount() (uint64, error) { return r.docs, nil }

func (r *statsReader) TermFieldReader(ctx context.Context, term []byte, field string, includeFreq, includeNorm, includeTermVectors bool) (bindex.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, includeFreq, includeNorm, includeTermVectors)
	if err != nil {
		return nil, err
	}
	key := field + "\x00" + string(term)
	n, ok := r.freq[key]
	if !ok {
		for _, o := range r.all {
			if o == r.IndexReader {
				n += tfr.Count()
				continue
			}
			c, err := o.TermFieldReader(ctx, term, field, false, false, false)
			if err != nil {
				_ = tfr.Close()
				return nil, err
			}
			n += c.Count()
			_ = c.Close()
		}
		r.freq[key] = n
	}
	return &countedReader{TermFieldReader: tfr, n: n}, nil
}

// The dictionary look-ups of prefix, fuzzy and regular-expression queries
// go to the shard itself.

func (r *statsReader) FieldDictFuzzy(field, term string, fuzziness int, prefix string) (bindex.FieldDict, error) {
	return r.IndexReader.(bindex.IndexReaderFuzzy).FieldDictFuzzy(field, term, fuzziness, prefix)
}

func (r *statsReader) FieldDictFuzzyAutomaton(field, term string, fuzziness int, prefix string) (bindex.FieldDict, bindex.FuzzyAutomaton, error) {
	return r.IndexReader.(bindex.IndexReaderFuzzy).FieldDictFuzzyAutomaton(field, term, fuzziness, prefix)
}

func (r *statsReader) FieldDictRegexp(field, regex string) (bindex.FieldDict, error) {
	return r.IndexReader.(bindex.IndexReaderRegexp).FieldDictRegexp(field, regex)
}

func (r *statsReader) FieldDictRegexpAutomaton(field, regex string) (bindex.FieldDict, bindex.RegexAutomaton, error) {
	return r.IndexReader.(bindex.IndexReaderRegexp).FieldDictRegexpAutomaton(field, regex)
}

func (r *statsReader) FieldDictContains(field string) (bindex.FieldDictContains, error) {
	return r.IndexReader.(bindex.IndexReaderContains).FieldDictContains(field)
}

// countedReader is a term's postings in one shard with its document
// frequency in all of them.
type countedReader struct {
	bindex.TermFieldReader
	n uint64
}

func (c *countedReader) Count() uint64 { return c.n }
