package collector

import (
	"context"
	"fmt"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Join serves the collectors of several shards as one: documents are
// numbered shard by shard, equal scores are ordered as in one index, by
// date and ID, and matches are scored with the whole
// archive's statistics rather than each shard's, which would score the
// same report differently in each layout. names name the shards in
// errors; a report in two shards is an error.
func Join(parts []*Collector, names []string) (*Collector, error) {
	t := &table{}
	codes, topics, sessions, speakers := map[string]uint16{}, map[string]uint16{}, map[string]uint16{}, map[string]uint16{}
	owner := map[string]string{}
	j := &Collector{t: t}
	for k, p := range parts {
		if p.one == nil {
			return nil, fmt.Errorf("%s is itself a set of shards", names[k])
		}
		pt := p.t
		j.shards = append(j.shards, p.one)
		j.bases = append(j.bases, uint64(len(t.ids)))
		j.docs += p.docs
		for n := range pt.ids {
			if d, ok := owner[pt.ids[n]]; ok {
				return nil, fmt.Errorf("report %s is in two shards, %s and %s: each report must be in one shard only", pt.ids[n], d, names[k])
			}
			owner[pt.ids[n]] = names[k]
			var st, sp, tp []uint16
			for _, i := range pt.states[n] {
				st = append(st, intern(codes, &t.codes, pt.codes[i]))
			}
			for _, i := range pt.speakers[n] {
				sp = append(sp, intern(speakers, &t.speakerKeys, pt.speakerKeys[i]))
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
			t.speakers = append(t.speakers, sp)
			t.topics = append(t.topics, tp)
			t.session = append(t.session, s)
			t.date = append(t.date, pt.date[n])
		}
		if len(t.ids) > 1<<26 {
			return nil, fmt.Errorf("too many documents in the shards")
		}
	}
	if err := t.checkSizes(); err != nil {
		return nil, err
	}
	t.facetSets()
	t.orderIDs()
	return j, nil
}

// walkShards is Collect's pass over the matches of every shard, with the
// archive's statistics when matches are scored.
func (c *Collector) walkShards(ctx context.Context, q query.Query, opts bsearch.SearcherOptions, res *Result, h *rankHeap) error {
	readers := make([]bindex.IndexReader, 0, len(c.shards))
	defer func() {
		for _, r := range readers {
			_ = r.Close()
		}
	}()
	for _, b := range c.shards {
		adv, err := b.Advanced()
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
	for i, b := range c.shards {
		var r bindex.IndexReader = readers[i]
		if opts.Score != "none" {
			r = &statsReader{IndexReader: r, docs: c.docs, all: readers, freq: freq}
		}
		s, err := q.Searcher(ctx, r, b.Mapping(), opts)
		if err != nil {
			return err
		}
		err = c.walk(ctx, s, res, h, c.bases[i])
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
