package engine

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// maxSimilar is how many similar words stand for a word no report holds,
// and maxGuesses how many words of one query are guessed at: each guess
// walks the archive's dictionary four times.
const (
	maxSimilar = 4
	maxGuesses = 4
)

// similarTo searches a word no report holds ("ransomeware") as the words
// of the archive most like it: those within one edit of its stem or of
// the word itself (two edits from eight letters on) that begin with the
// same letter, nearest first, then the most frequent, at most maxSimilar
// of them, each weighed as a variant. It is nil when a report holds the
// word, when the word is too short to guess at, when nothing is like it,
// or when the query has guessed at maxGuesses words already. A word
// guessed at is listed in b.similar, so that the answer can say so.
func (b *builder) similarTo(word, stem string) (bquery.Query, error) {
	if utf8.RuneCountInString(stem) < query.MinFuzzy || len(b.similar) >= maxGuesses {
		return nil, nil
	}
	fields := []string{index.FieldTitle, index.FieldText}
	if n, err := b.ix.col.DocFreq(fields, stem); err != nil || n > 0 {
		return nil, err
	}
	keys := []string{stem}
	if w := strings.ReplaceAll(gazetteer.FoldAccents(strings.TrimSpace(word)), "'", ""); w != stem && utf8.RuneCountInString(w) >= query.MinFuzzy {
		keys = append(keys, w)
	}
	count := map[string]uint64{}
	for _, k := range keys {
		edits := 1
		if utf8.RuneCountInString(k) >= 8 {
			edits = 2
		}
		for _, f := range fields {
			found, err := b.ix.col.Similar(f, k, edits)
			if err != nil {
				return nil, err
			}
			for t, n := range found {
				count[t] += n
			}
		}
	}
	if len(count) == 0 {
		return nil, nil
	}
	dist := make(map[string]int, len(count))
	for t := range count {
		dist[t] = min(editDistance(stem, t), editDistance(keys[len(keys)-1], t))
	}
	terms := slices.SortedFunc(maps.Keys(count), func(a, c string) int {
		switch {
		case dist[a] != dist[c]:
			return dist[a] - dist[c]
		case count[a] != count[c]:
			if count[a] > count[c] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, c)
	})
	var qs []bquery.Query
	for _, t := range terms[:min(maxSimilar, len(terms))] {
		for _, f := range []struct {
			field string
			boost float64
		}{{index.FieldTitle, titleBoost * variantBoost}, {index.FieldText, variantBoost}} {
			b.leaves++
			q := bquery.NewTermQuery(t)
			q.SetField(f.field)
			q.SetBoost(f.boost)
			qs = append(qs, q)
		}
	}
	b.similar = append(b.similar, word)
	return disjunction(qs), nil
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
