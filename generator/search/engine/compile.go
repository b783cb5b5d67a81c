package engine

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/collector"
	"github.com/plenary-archive/plenary/generator/search/expand"
	"github.com/plenary-archive/plenary/generator/search/query"
)

const (
	titleBoost = 2.0 // a word in the title says more about a report than one in its text
	// variantBoost weighs the other forms of what was typed (a synonym,
	// another name of a state, a similar word for one no report has), so
	// that the form typed ranks above them.
	variantBoost = 0.5
	maxLeaves    = 96 // term and phrase queries after synonym expansion
)

// compiled is a request as bleve queries.
type compiled struct {
	query bquery.Query
	// words is the query's words without its filters: what the hits of a
	// page are searched again with, for their match locations.
	words bquery.Query
	// text says whether words of the query match text, so hits have
	// match locations to highlight.
	text bool
	// similar are the words of the query no report holds, searched as
	// the words most like them instead.
	similar []string
}

// compile turns a validated request into a bleve query: the words and
// phrases score, the filters only filter.
func (ix *Index) compile(r *Request) (*compiled, error) {
	b := &builder{ix: ix}
	var mustQ, shouldQ, notQ []bquery.Query
	add := func(o query.Occur, q bquery.Query) {
		if q == nil {
			return
		}
		switch o {
		case query.Must:
			mustQ = append(mustQ, q)
		case query.MustNot:
			notQ = append(notQ, q)
		default:
			shouldQ = append(shouldQ, q)
		}
	}
	cs := r.Clauses
	for i := 0; i < len(cs); {
		c := cs[i]
		if isRunWord(c) {
			j := i
			for j < len(cs) && isRunWord(cs[j]) {
				j++
			}
			for _, q := range b.run(cs[i:j]) {
				add(query.Should, q)
			}
			i = j
			continue
		}
		add(c.Occur, b.clause(c))
		i++
	}
	if b.err != nil {
		return nil, b.err
	}
	if b.leaves > maxLeaves {
		return nil, query.Errorf("the query expands to %d terms with its synonyms and prefixes; the limit is %d: use fewer words", b.leaves, maxLeaves)
	}
	if len(mustQ)+len(shouldQ)+len(notQ) == 0 && !r.Filtered() {
		return nil, query.Errorf("the query has only words too common to be indexed (such as \"the\" or \"of\"): add a more specific word or a filter")
	}
	var filters []bquery.Query
	for _, name := range Filters {
		if keys := r.Filters[name]; len(keys) > 0 {
			filters = append(filters, filter(filterFields[name], keys...))
		}
	}
	for _, f := range r.And {
		filters = append(filters, filter(filterFields[f.Field], f.Key))
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(r.From, r.To, &incl, &excl)
		dq.SetField(index.FieldDate)
		filters = append(filters, collector.Unscored(dq))
	}
	for _, name := range append(Filters[:len(Filters):len(Filters)], "kind") {
		for _, v := range r.Not[name] {
			notQ = append(notQ, term(filterFields[name], v))
		}
	}
	// The words, required or not, make one query; the filters join it in
	// a conjunction, which skips from one filtered document to the next
	// instead of testing every document the words match. Filters score
	// nothing, so a filtered search ranks as the same search unfiltered.
	var q bquery.Query
	if len(mustQ)+len(shouldQ) > 0 {
		q = bquery.NewBooleanQuery(mustQ, shouldQ, nil)
	}
	words := q
	if len(filters) > 0 {
		if q != nil {
			filters = append([]bquery.Query{q}, filters...)
		}
		q = bquery.NewConjunctionQuery(filters)
	}
	if len(notQ) > 0 {
		q = bquery.NewBooleanQuery(nonNil(q), nil, notQ)
	}
	return &compiled{query: q, words: words, text: words != nil, similar: b.similar}, nil
}

// nonNil is q as a must list, or none: a query of only exclusions then
// starts from every document.
func nonNil(q bquery.Query) []bquery.Query {
	if q == nil {
		return nil
	}
	return []bquery.Query{q}
}

// isRunWord says whether c is a plain word, which may form a synonym or a
// state's name with the plain words around it.
func isRunWord(c query.Clause) bool {
	return c.Occur == query.Should && c.Field == "" && !c.Phrase && !c.Prefix && c.Fuzzy == 0
}

type builder struct {
	ix     *Index
	leaves int
	// similar are the words searched as similar words (word), err the
	// first failure to look them up.
	similar []string
	err     error
}

// run compiles a sequence of plain words: each longest sequence of them
// that names a state or is a form of a synonym becomes all its forms, as
// phrases; every other word is searched alone.
func (b *builder) run(words []query.Clause) []bquery.Query {
	var out []bquery.Query
	texts := make([]string, len(words))
	for i, c := range words {
		texts[i] = c.Text
	}
	for w := 0; w < len(words); {
		n := len(words) - w
		for ; n > 0; n-- {
			if q, ok := b.named(texts[w : w+n]); ok {
				out = append(out, q)
				break
			}
		}
		if n == 0 {
			out = append(out, b.word(texts[w], true))
			n = 1
		}
		w += n
	}
	return out
}

// named compiles words that name a state or are a form of a synonym, as
// all their forms; ok is false when they are neither.
func (b *builder) named(words []string) (bquery.Query, bool) {
	if len(words) > b.ix.vocab.MaxWords() {
		return nil, false
	}
	if st := b.ix.vocab.State(words); st != nil {
		return b.state(st, strings.Join(words, " ")), true
	}
	terms := b.ix.vocab.Terms(strings.Join(words, " "))
	if forms := b.ix.vocab.Synonyms(terms); forms != nil {
		return b.forms(forms, terms), true
	}
	return nil, false
}

// clause compiles a clause that is not part of a run of plain words.
func (b *builder) clause(c query.Clause) bquery.Query {
	switch {
	case c.Field == "title":
		if len(b.ix.vocab.Terms(c.Text)) == 0 {
			return nil
		}
		return b.phrase(index.FieldTitle, c.Text, 1)
	case c.Prefix:
		return b.prefix(c.Text)
	case c.Fuzzy > 0:
		return b.fuzzy(c.Text, c.Fuzzy)
	}
	if q, ok := b.named(strings.Fields(c.Text)); ok {
		return q
	}
	if c.Phrase {
		return b.text(c.Text, 1)
	}
	// A word that must be there may be searched as similar words; one
	// that must not, only as itself.
	return b.word(c.Text, c.Occur == query.Must)
}

// forms matches any of the equivalent forms, those with the terms typed
// above the others.
func (b *builder) forms(forms []string, typed []string) bquery.Query {
	qs := make([]bquery.Query, len(forms))
	for i, f := range forms {
		boost := variantBoost
		if strings.Join(b.ix.vocab.Terms(f), " ") == strings.Join(typed, " ") {
			boost = 1
		}
		qs[i] = b.text(f, boost)
	}
	return disjunction(qs)
}

// state matches the reports naming a state, by any of its names, where
// the state was found: its names as phrases in reports whose states hold
// it, so that "Republic of Korea" inside "Democratic People's Republic of
// Korea" is not South Korea. The name typed ranks above its others.
func (b *builder) state(st *expand.State, typed string) bquery.Query {
	terms := b.ix.vocab.Terms(typed)
	var qs []bquery.Query
	exact := false
	for i, f := range st.Terms {
		boost := variantBoost
		if slices.Equal(f, terms) {
			boost, exact = 1, true
		}
		qs = append(qs, b.text(st.Forms[i], boost))
	}
	if !exact && st.Holds(terms) {
		// A longer name than the one searched that it holds ("Kingdom
		// of the Netherlands"): as typed, above the others.
		qs = append(qs, b.text(typed, 1))
	}
	return bquery.NewConjunctionQuery([]bquery.Query{disjunction(qs), filter(index.FieldStates, st.Code)})
}

// word matches a word in the title or the text. A word no report holds
// is searched as the words most like it (similar.go), when loose allows.
func (b *builder) word(s string, loose bool) bquery.Query {
	terms := b.ix.vocab.Terms(s)
	if len(terms) != 1 || !loose {
		return b.text(s, 1)
	}
	q, err := b.similarTo(s, terms[0])
	if err != nil {
		b.err = err
	}
	if q != nil {
		return q
	}
	return b.text(s, 1)
}

// text matches words or a phrase in the title or the text.
func (b *builder) text(s string, boost float64) bquery.Query {
	if len(b.ix.vocab.Terms(s)) == 0 {
		return nil
	}
	return disjunction([]bquery.Query{b.phrase(index.FieldTitle, s, titleBoost*boost), b.phrase(index.FieldText, s, boost)})
}

// phrase matches the analysed words of s in order; a single word is a
// term query, which costs a fraction of a phrase search.
func (b *builder) phrase(field, s string, boost float64) bquery.Query {
	b.leaves++
	if terms := b.ix.vocab.Terms(s); len(terms) == 1 {
		q := bleve.NewTermQuery(terms[0])
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := bleve.NewMatchPhraseQuery(s)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// prefix matches terms starting with the word. The index holds stems,
// which may be shorter than the word ("negotiation" is held as
// "negoti"), so the prefix is cut to the stem where they part.
func (b *builder) prefix(word string) bquery.Query {
	p := strings.ToLower(word)
	if terms := b.ix.vocab.Terms(word); len(terms) == 1 {
		p = commonPrefix(p, terms[0])
	}
	if len([]rune(p)) < query.MinPrefix {
		p = strings.ToLower(word)
	}
	var qs []bquery.Query
	for _, f := range []string{index.FieldTitle, index.FieldText} {
		b.leaves++
		q := bleve.NewPrefixQuery(p)
		q.SetField(f)
		qs = append(qs, q)
	}
	return disjunction(qs)
}

// fuzzy matches terms within n edits of the word's stem.
func (b *builder) fuzzy(word string, n int) bquery.Query {
	terms := b.ix.vocab.Terms(word)
	if len(terms) != 1 {
		return b.text(word, 1)
	}
	var qs []bquery.Query
	for _, f := range []string{index.FieldTitle, index.FieldText} {
		b.leaves++
		q := bleve.NewFuzzyQuery(terms[0])
		q.SetFuzziness(n)
		q.SetPrefix(1) // typos rarely touch the first letter, and it bounds the terms visited
		q.SetField(f)
		qs = append(qs, q)
	}
	return disjunction(qs)
}

func term(field, v string) bquery.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func disjunction(qs []bquery.Query) bquery.Query {
	var keep []bquery.Query
	for _, q := range qs {
		if q != nil {
			keep = append(keep, q)
		}
	}
	switch len(keep) {
	case 0:
		return nil
	case 1:
		return keep[0]
	}
	return bquery.NewDisjunctionQuery(keep)
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}
