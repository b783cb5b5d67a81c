package collector

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// DocFreq is how many times a document holds term in one of fields (a
// document with it in two fields counts twice), over every shard: the
// engine asks it of a query's words, to search the ones that match
// nothing for similar words instead.
func (c *Collector) DocFreq(fields []string, term string) (uint64, error) {
	var n uint64
	err := c.eachReader(func(r bindex.IndexReader) error {
		for _, f := range fields {
			tfr, err := r.TermFieldReader(context.Background(), []byte(term), f, false, false, false)
			if err != nil {
				return err
			}
			n += tfr.Count()
			if err := tfr.Close(); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// Similar are the terms of field within fuzziness edits of term that
// begin with its first letter (typos rarely touch it, and it bounds the
// look-up), with how many documents hold each, over every shard.
func (c *Collector) Similar(field, term string, fuzziness int) (map[string]uint64, error) {
	out := map[string]uint64{}
	prefix := ""
	if term != "" {
		prefix = term[:1]
	}
	err := c.eachReader(func(r bindex.IndexReader) error {
		fr, ok := r.(bindex.IndexReaderFuzzy)
		if !ok {
			return fmt.Errorf("the index cannot look up similar terms")
		}
		d, err := fr.FieldDictFuzzy(field, term, fuzziness, prefix)
		if err != nil {
			return err
		}
		for {
			e, err := d.Next()
			if err != nil {
				_ = d.Close()
				return err
			}
			if e == nil {
				break
			}
			out[e.Term] += e.Count
		}
		return d.Close()
	})
	return out, err
}

// eachReader calls fn with a reader of the index, or of each shard.
func (c *Collector) eachReader(fn func(r bindex.IndexReader) error) error {
	indexes := c.shards
	if c.one != nil {
		indexes = []bleve.Index{c.one}
	}
	for _, b := range indexes {
		adv, err := b.Advanced()
		if err != nil {
			return err
		}
		r, err := adv.Reader()
		if err != nil {
			return err
		}
		err = fn(r)
		if cerr := r.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
