package highlight

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/index"
)

// maxSentence is the most bytes of a state's sentence an excerpt shows,
// leaving room for a fragment where the words matched elsewhere.
const maxSentence = maxExcerpt - fragmentLen

// stateSentence is the fragment of paragraph p that a search for what a
// state says shows: the sentence that names the state (by any of names)
// with the most matches, marked, cut around the name when it is long.
// It is nil when the paragraph names none of names as written.
func stateSentence(st *index.Stored, m Matches, p int, names []string) *fragment {
	if p < 0 || p >= len(st.Paras) || len(names) == 0 {
		return nil
	}
	text := st.Paras[p].Text
	found := mentions(text, names)
	if len(found) == 0 {
		return nil
	}
	best, bestScore := span{}, -1
	var bestName span
	for _, s := range sentences(text) {
		i := slices.IndexFunc(found, func(n span) bool { return n.start >= s.start && n.end <= s.end })
		if i < 0 {
			continue
		}
		score := 0
		for _, x := range m.spans[p] {
			if x.start >= s.start && x.end <= s.end {
				score++
			}
		}
		if score > bestScore {
			best, bestScore, bestName = s, score, found[i]
		}
	}
	if bestScore < 0 {
		return nil
	}
	start, end := best.start, best.end
	if end-start > maxSentence {
		start = wordStart(text, max(start, bestName.start-maxSentence/3), bestName.start)
		end = wordEnd(text, min(end, start+maxSentence))
	}
	var marks []span
	for _, x := range m.spans[p] {
		if x.start >= start && x.end <= end {
			marks = append(marks, x)
		}
	}
	return &fragment{mark(text, start, end, marks), end - start}
}

// mentions are where text names one of names, as whole words, earliest
// first, the longest name where two start at one place.
func mentions(text string, names []string) []span {
	var out []span
	for _, n := range names {
		if n == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(n)
			if wordEdge(text, s, true) && wordEdge(text, e, false) {
				out = append(out, span{s, e})
			}
			i = s + 1
		}
	}
	slices.SortFunc(out, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	return out
}

// wordEdge says whether a name may start (or end) at i: no letter or
// digit touches it.
func wordEdge(text string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(text[:i])
	} else {
		if i >= len(text) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true, "vs": true,
	"e.g": true, "i.e": true, "etc": true, "cf": true, "art": true, "para": true, "paras": true, "op": true,
	"amb": true, "h.e": true, "u.s": true, "u.k": true, "u.n": true,
}

// sentences cuts text into sentences: after ".", "!" or "?" (and closing
// quotes or brackets) followed by a space and a capital, a digit or an
// opening quote, unless the full stop ends an abbreviation or an initial.
func sentences(text string) []span {
	var out []span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(text) && strings.ContainsRune(")]\"'", rune(text[end])) {
			end++
		}
		if end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if r == '”' || r == '’' {
				end += n
			}
		}
		if !sentenceFollows(text, end) || (c == '.' && abbreviation(text[start:i])) {
			continue
		}
		out = append(out, span{start, end})
		start = end
		for start < len(text) && (text[start] == ' ' || text[start] == '\t' || text[start] == '\n') {
			start++
		}
		i = start - 1
	}
	if start < len(text) {
		out = append(out, span{start, len(text)})
	}
	return out
}

// sentenceFollows says whether a new sentence starts after text[:i]:
// spaces, then a capital, a digit or an opening quote or bracket.
func sentenceFollows(text string, i int) bool {
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n') {
		j++
	}
	if j == i || j >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

// abbreviation says whether before (the sentence up to a full stop) ends
// with an abbreviation or a single capital (an initial, "U.S").
func abbreviation(before string) bool {
	k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := before[k+1:]
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}
