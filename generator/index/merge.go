package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	bdoc "github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/plenary-archive/plenary/generator/index/words"
)

// A report's text is a list of paragraphs, which bleve maps to one field
// per paragraph, all of one name; its segment builder then merges their
// term frequencies one field after another, growing every term's list of
// locations as it goes, which with bleve's own counting of each field's
// terms was a large share of the index's CPU and garbage. mergeText makes the one field the builder would have made, with the
// same terms, counts and locations in the same order, in two passes over
// the paragraphs' tokens and a few allocations.

// mergedField is the text fields of one name merged, as the segment
// builder would merge them.
type mergedField struct {
	bdoc.Field // the first of them: name, options, array positions
	length     int
	freqs      bindex.TokenFrequencies
	plain      uint64
}

func (f *mergedField) Analyze()                                          {}
func (f *mergedField) AnalyzedLength() int                               { return f.length }
func (f *mergedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }
func (f *mergedField) NumPlainTextBytes() uint64                         { return f.plain }

// mergeText analyses d's fields and merges the text fields named name
// that keep term vectors into one; other fields are analysed as they are.
func mergeText(d *bdoc.Document, name string) {
	var texts []*bdoc.TextField
	first := -1
	fields := d.Fields[:0]
	for _, f := range d.Fields {
		if t, ok := f.(*bdoc.TextField); ok && t.Name() == name && mergeable(t) {
			if first < 0 {
				first = len(fields)
				fields = append(fields, f)
			}
			texts = append(texts, t)
			continue
		}
		if f.Options().IsIndexed() {
			f.Analyze()
		}
		fields = append(fields, f)
	}
	d.Fields = fields
	if first >= 0 {
		d.Fields[first] = merged(texts)
	}
}

// mergeable says whether a field is one mergeText can merge: analysed,
// with term vectors and counts, and not stored (a stored value is kept per
// field).
func mergeable(t *bdoc.TextField) bool {
	o := t.Options()
	return t.Analyzer() != nil && o.IsIndexed() && o.IncludeTermVectors() && !o.SkipFreqNorm() && !o.IsStored()
}

func merged(texts []*bdoc.TextField) *mergedField {
	out := &mergedField{Field: texts[0]}
	arena := words.TakeArena()
	defer arena.Release()
	streams := make([]analysis.TokenStream, len(texts))
	n := 0
	for i, t := range texts {
		streams[i] = words.Analyze(t.Analyzer(), t.Value(), arena)
		n += len(streams[i])
		out.plain += t.NumPlainTextBytes()
	}
	out.length = n
	// Pass one: the terms, each counted, and which term each token is.
	freqs := make(bindex.TokenFrequencies, n/4+1)
	termOf := make([]*bindex.TokenFreq, n)
	var terms []*bindex.TokenFreq
	var slab []bindex.TokenFreq
	j := 0
	for _, tokens := range streams {
		for _, tok := range tokens {
			tf, ok := freqs[string(tok.Term)]
			if !ok {
				if len(slab) == 0 {
					slab = make([]bindex.TokenFreq, 64)
				}
				tf, slab = &slab[0], slab[1:]
				tf.Term = tok.Term
				freqs[string(tok.Term)] = tf
				terms = append(terms, tf)
			}
			tf.SetFrequency(tf.Frequency() + 1)
			termOf[j] = tf
			j++
		}
	}
	// Every term's locations at its exact size, in one slab.
	ptrs := make([]*bindex.TokenLocation, n)
	off := 0
	for _, tf := range terms {
		c := tf.Frequency()
		tf.Locations = ptrs[off : off : off+c]
		off += c
	}
	// Pass two: the locations, in the order the builder's merge leaves
	// them: field by field, and within a field, token by token. Like it,
	// they name their field from the second field on.
	locs := make([]bindex.TokenLocation, n)
	j = 0
	for i, tokens := range streams {
		field := ""
		if i > 0 {
			field = texts[i].Name()
		}
		ap := texts[i].ArrayPositions()
		for _, tok := range tokens {
			locs[j] = bindex.TokenLocation{Field: field, ArrayPositions: ap, Start: tok.Start, End: tok.End, Position: tok.Position}
			tf := termOf[j]
			tf.Locations = append(tf.Locations, &locs[j])
			j++
		}
	}
	out.freqs = freqs
	return out
}
