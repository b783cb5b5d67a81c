// Package highlight owns what a hit shows of its report: the paragraph it
// points at and an escaped excerpt with the matched words in <mark>. It
// works on the stored paragraphs and the match locations bleve returns:
// each location's array position names the paragraph (the text field
// holds one element per paragraph), its byte offsets the words. Bleve's
// own highlighter gives one fragment per field, cut mid-word, and cannot
// say which paragraph matched.
package highlight

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/plenary-archive/plenary/generator/index"
)

const (
	maxFragments = 3
	fragmentLen  = 60  // bytes of text in a fragment, about ten words
	fragmentLead = 18  // bytes kept before the first match of a fragment
	wholeParaLen = 110 // a paragraph this short is shown whole
	maxExcerpt   = 220 // bytes of text in all fragments together
	plainLen     = 200 // an excerpt without matches
)

type span struct{ start, end int }

// Matches are the spans that matched in each paragraph of a report, and
// how many distinct terms of the query each paragraph matched.
type Matches struct {
	spans map[int][]span
	terms map[int]int
}

// score orders paragraphs: more distinct terms first, then more matches.
func (m Matches) score(p int) int { return m.terms[p]*1000 + len(m.spans[p]) }

// ParagraphMatches groups the text field's match locations by paragraph.
func ParagraphMatches(st *index.Stored, locs bsearch.FieldTermLocationMap) Matches {
	out := map[int][]span{}
	terms := map[int]map[string]bool{}
	for term, ls := range locs[index.FieldText] {
		for _, l := range ls {
			p := 0
			if len(l.ArrayPositions) > 0 {
				p = int(l.ArrayPositions[0])
			}
			if p >= len(st.Paras) {
				continue
			}
			text := st.Paras[p].Text
			s, e := int(l.Start), int(l.End)
			if s < 0 || e > len(text) || s >= e || !utf8.RuneStart(text[s]) || (e < len(text) && !utf8.RuneStart(text[e])) {
				continue
			}
			out[p] = append(out[p], span{s, e})
			if terms[p] == nil {
				terms[p] = map[string]bool{}
			}
			terms[p][term] = true
		}
	}
	m := Matches{spans: out, terms: map[int]int{}}
	for p, ss := range out {
		out[p] = merge(st.Paras[p].Text, ss)
		m.terms[p] = len(terms[p])
	}
	return m
}

// merge sorts spans and joins those that overlap or that only spaces and
// at most one short word part, so a phrase ("points of contact") is one
// mark.
func merge(text string, ss []span) []span {
	slices.SortFunc(ss, func(a, b span) int { return a.start - b.start })
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && (s.start <= out[n-1].end || smallGap(text[out[n-1].end:s.start])) {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// smallGap says whether gap is spaces around at most one word of up to
// three letters.
func smallGap(gap string) bool {
	if gap == "" || len(gap) > 5 || !unicode.IsSpace(rune(gap[0])) || !unicode.IsSpace(rune(gap[len(gap)-1])) {
		return false
	}
	return len(strings.Fields(gap)) <= 1 && !strings.ContainsAny(gap, ".,;:!?")
}

// Pick chooses the paragraph a hit points at: among those that matched,
// one naming a state the request filters by if there is one, else the one
// with the most matches; failing that, the first paragraph naming such a
// state. -1 means none (only the title matched, or nothing to point at).
func Pick(st *index.Stored, m Matches, states []string) int {
	return PickFor(st, m, states, nil)
}

// PickFor is Pick for a request that filters by states, by speakers, or
// both: the paragraphs it prefers name one of the states or are said by
// one of the speakers (states' codes, groups' and stakeholders' keys).
func PickFor(st *index.Stored, m Matches, states, speakers []string) int {
	names := func(p int) bool {
		for _, s := range st.Paras[p].States {
			if slices.Contains(states, s) {
				return true
			}
		}
		for _, s := range st.Paras[p].Speakers {
			if slices.Contains(speakers, s) {
				return true
			}
		}
		return false
	}
	filtered := len(states) > 0 || len(speakers) > 0
	best, bestNamed := -1, -1
	better := func(p, than int) bool {
		return than < 0 || m.score(p) > m.score(than) || (m.score(p) == m.score(than) && p < than)
	}
	for p := range m.spans {
		if better(p, best) {
			best = p
		}
		if filtered && names(p) && better(p, bestNamed) {
			bestNamed = p
		}
	}
	if bestNamed >= 0 {
		return bestNamed
	}
	if filtered {
		for p := range st.Paras {
			if names(p) {
				return p
			}
		}
	}
	return best
}

// Excerpt is the HTML excerpt of a hit: up to three fragments around
// matches, from the chosen paragraph first, then from the others with the
// most matches. When the search is for what states say, names are every
// name of those states, and the chosen paragraph's fragment is the
// sentence that names one of them.
func Excerpt(st *index.Stored, m Matches, chosen int, names []string) string {
	order := make([]int, 0, len(m.spans))
	for p := range m.spans {
		if p != chosen {
			order = append(order, p)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		if d := m.score(b) - m.score(a); d != 0 {
			return d
		}
		return a - b
	})
	if chosen >= 0 {
		order = append([]int{chosen}, order...)
	}
	var frags []string
	size := 0
	if f := stateSentence(st, m, chosen, names); f != nil {
		// The hit points at a paragraph naming a filtered state: show
		// the sentence that names it, then where the words matched.
		frags = append(frags, f.html)
		order = order[1:]
		size = f.text
	} else if chosen >= 0 && len(m.spans[chosen]) == 0 {
		// The hit points at a paragraph naming a filtered state, where
		// no word matched: show its start, then where the words did.
		frags = append(frags, plain(st.Paras[chosen].Text, fragmentLen+fragmentLead))
		order = order[1:]
		size = fragmentLen + fragmentLead
	}
	for _, p := range order {
		for _, f := range fragments(st.Paras[p].Text, m.spans[p], maxFragments-len(frags)) {
			if size > 0 && size+f.text > maxExcerpt {
				break
			}
			if slices.Contains(frags, f.html) {
				continue // reports repeat themselves; excerpts need not
			}
			frags = append(frags, f.html)
			size += f.text
		}
		if len(frags) >= maxFragments || size >= maxExcerpt {
			break
		}
	}
	if len(frags) == 0 {
		p := chosen
		if p < 0 {
			p = 0
		}
		if p >= len(st.Paras) {
			return ""
		}
		return plain(st.Paras[p].Text, plainLen)
	}
	// Fragments that end and start with an ellipsis share one.
	return strings.ReplaceAll(strings.Join(frags, " "), " … … ", " … ")
}

// fragment is a piece of a paragraph as HTML, and its length as text.
type fragment struct {
	html string
	text int
}

// fragments cuts up to n fragments of text around the spans, at word
// boundaries, with the matches marked.
func fragments(text string, spans []span, n int) []fragment {
	if n <= 0 || len(spans) == 0 {
		return nil
	}
	if len(text) <= wholeParaLen {
		return []fragment{{mark(text, 0, len(text), spans), len(text)}}
	}
	var out []fragment
	for i := 0; i < len(spans) && len(out) < n; {
		start := wordStart(text, max(0, spans[i].start-fragmentLead), spans[i].start)
		end := wordEnd(text, max(start+fragmentLen, spans[i].end))
		j := i
		for j < len(spans) && spans[j].end <= end {
			j++
		}
		if j == i { // a match longer than a fragment
			end, j = spans[i].end, i+1
		}
		out = append(out, fragment{mark(text, start, end, spans[i:j]), end - start})
		i = j
	}
	return out
}

// mark escapes text[start:end] and wraps the spans in <mark>, with an
// ellipsis where the fragment cuts the paragraph.
func mark(text string, start, end int, spans []span) string {
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	at := start
	for _, s := range spans {
		if s.start < at || s.end > end {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(html.EscapeString(text[at:end]))
	if end < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// plain is the escaped start of a paragraph, about n bytes of it, for
// hits without matches.
func plain(text string, n int) string {
	if len(text) <= n {
		return html.EscapeString(text)
	}
	end := wordEnd(text, n)
	return html.EscapeString(text[:end]) + " …"
}

// wordStart moves i forward to the start of a word, not past limit.
func wordStart(text string, i, limit int) int {
	if i == 0 {
		return 0
	}
	for j := i; j < limit; {
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		if unicode.IsSpace(r) {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return min(i, limit)
}

// wordEnd moves i forward to the end of a word.
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	if j := strings.IndexFunc(text[i:], unicode.IsSpace); j >= 0 && j < 40 {
		return i + j
	}
	return i
}

// Anchor is the report's URL pointed at paragraph p, or the report's own
// for p < 0.
func Anchor(st *index.Stored, p int) string {
	if p < 0 {
		return st.URL
	}
	return st.URL + "#p-" + strconv.Itoa(st.Paras[p].N)
}
