package engine

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/query"
)

const (
	titleBoost  = 2.0 // a word in the title says more about a report than one in its text
	filterBoost = 1e-6
	maxLeaves   = 96 // term and phrase queries after synonym expansion
)

// compiled is a request as bleve queries.
type compiled struct {
	query bquery.Query
	// text says whether words of the query match text, so hits have
	// match locations to highlight.
	text bool
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
	if b.leaves > maxLeaves {
		return nil, query.Errorf("the query expands to %d terms with its synonyms and prefixes; the limit is %d: use fewer words", b.leaves, maxLeaves)
	}

	if len(mustQ)+len(shouldQ)+len(notQ) == 0 && !r.Filtered() {
		return nil, query.Errorf("the query has only words too common to be indexed (such as \"the\" or \"of\"): add a more specific word or a filter")
	}
	var filters []bquery.Query
	or := func(field string, vals []string) {
		if len(vals) == 0 {
			return
		}
		var qs []bquery.Query
		for _, v := range vals {
			qs = append(qs, term(field, v))
		}
		filters = append(filters, disjunction(qs))
	}
	or(index.FieldStates, r.States)
	or(index.FieldTopics, r.Topics)
	or(index.FieldSession, r.Sessions)
	for _, f := range r.And {
		filters = append(filters, term(fieldOf(f.Field), f.Key))
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(r.From, r.To, &incl, &excl)
		dq.SetField(index.FieldDate)
		filters = append(filters, dq)
	}
	for _, not := range []struct {
		field string
		vals  []string
	}{{index.FieldStates, r.NotStates}, {index.FieldTopics, r.NotTopics}, {index.FieldSession, r.NotSessions}, {index.FieldKind, r.NotKinds}} {
		for _, v := range not.vals {
			notQ = append(notQ, term(not.field, v))
		}
	}
	// The words, required or not, make one query; the filters join it in
	// a conjunction, which skips from one filtered document to the next
	// instead of testing every document the words match. Filters score
	// almost nothing, so they do not change the ranking.
	var q bquery.Query
	if len(mustQ)+len(shouldQ) > 0 {
		q = bquery.NewBooleanQuery(mustQ, shouldQ, nil)
	}
	if len(filters) > 0 {
		for _, f := range filters {
			if b, ok := f.(bquery.BoostableQuery); ok {
				b.SetBoost(filterBoost)
			}
		}
		if q != nil {
			filters = append([]bquery.Query{q}, filters...)
		}
		q = bquery.NewConjunctionQuery(filters)
	}
	if len(notQ) > 0 {
		q = bquery.NewBooleanQuery(nonNil(q), nil, notQ)
	}
	return &compiled{query: q, text: len(mustQ)+len(shouldQ) > 0}, nil
}

// nonNil is q as a must list, or none: a query of only exclusions then
// starts from every document.
func nonNil(q bquery.Query) []bquery.Query {
	if q == nil {
		return nil
	}
	return []bquery.Query{q}
}

// isRunWord says whether c is a plain word, which may form a synonym
// with the plain words around it.
func isRunWord(c query.Clause) bool {
	return c.Occur == query.Should && c.Field == "" && !c.Phrase && !c.Prefix && c.Fuzzy == 0
}

func fieldOf(name string) string {
	switch name {
	case "state":
		return index.FieldStates
	case "topic":
		return index.FieldTopics
	case "session":
		return index.FieldSession
	}
	return index.FieldKind
}

type builder struct {
	ix     *Index
	leaves int
}

// run compiles a sequence of plain words, replacing each longest
// sequence that is a synonym by all its forms.
func (b *builder) run(words []query.Clause) []bquery.Query {
	type tok struct {
		term        string
		word        int
		first, last bool // the word's first and last term
	}
	var toks []tok
	for w, c := range words {
		terms := analyse(b.ix.analyzer, c.Text)
		for k, t := range terms {
			toks = append(toks, tok{t, w, k == 0, k == len(terms)-1})
		}
	}
	var out []bquery.Query
	done := -1 // the last word already compiled
	for i := 0; i < len(toks); i++ {
		if toks[i].word <= done {
			continue
		}
		if toks[i].first {
			for n := min(b.ix.synonyms.maxLen, len(toks)-i); n > 0; n-- {
				if !toks[i+n-1].last {
					continue
				}
				terms := make([]string, n)
				for k := range terms {
					terms[k] = toks[i+k].term
				}
				if forms := b.ix.synonyms.lookup(terms); forms != nil {
					out = append(out, b.forms(forms))
					done = toks[i+n-1].word
					break
				}
			}
			if toks[i].word <= done {
				continue
			}
		}
		w := toks[i].word
		out = append(out, b.text(words[w].Text))
		done = w
	}
	return out
}

// clause compiles a clause that is not part of a run of plain words.
func (b *builder) clause(c query.Clause) bquery.Query {
	switch {
	case c.Field == "title":
		if len(analyse(b.ix.analyzer, c.Text)) == 0 {
			return nil
		}
		return b.phrase(index.FieldTitle, c.Text, 1)
	case c.Prefix:
		return b.prefix(c.Text)
	case c.Fuzzy > 0:
		return b.fuzzy(c.Text, c.Fuzzy)
	}
	terms := analyse(b.ix.analyzer, c.Text)
	if len(terms) == 0 {
		return nil
	}
	if forms := b.ix.synonyms.lookup(terms); forms != nil {
		return b.forms(forms)
	}
	return b.text(c.Text)
}

// forms matches any of the equivalent forms.
func (b *builder) forms(forms []string) bquery.Query {
	qs := make([]bquery.Query, len(forms))
	for i, f := range forms {
		qs[i] = b.text(f)
	}
	return disjunction(qs)
}

// text matches words or a phrase in the title or the text.
func (b *builder) text(s string) bquery.Query {
	if len(analyse(b.ix.analyzer, s)) == 0 {
		return nil
	}
	return disjunction([]bquery.Query{b.phrase(index.FieldTitle, s, titleBoost), b.phrase(index.FieldText, s, 1)})
}

// phrase matches the analysed words of s in order; a single word is a
// term query, which costs a fraction of a phrase search.
func (b *builder) phrase(field, s string, boost float64) bquery.Query {
	b.leaves++
	if terms := analyse(b.ix.analyzer, s); len(terms) == 1 {
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
	if terms := analyse(b.ix.analyzer, word); len(terms) == 1 {
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
	terms := analyse(b.ix.analyzer, word)
	if len(terms) != 1 {
		return b.text(word)
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
