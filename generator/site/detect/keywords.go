package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
)

// keywordMatcher tags text with topics by their keywords and titles.
// Acronyms and other mixed-case keywords ("PoA", "CBMs", "AI") match case
// for case, so "ai" in running text is not artificial intelligence; all
// other keywords ("capacity building") ignore case, as they may open a
// sentence or be written in lower case.
type keywordMatcher struct {
	exact  []keyword // compared against the text as written
	folded []keyword // compared against the lower-cased text
}

type keyword struct {
	phrase string
	topic  int // index into topics
}

func newKeywordMatcher(topics []*generator.Topic) *keywordMatcher {
	m := &keywordMatcher{}
	for i, t := range topics {
		seen := map[string]bool{}
		for _, k := range append([]string{t.Title}, t.Keywords...) {
			k = strings.Join(strings.Fields(k), " ")
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if caseSensitive(k) {
				m.exact = append(m.exact, keyword{k, i})
			} else {
				m.folded = append(m.folded, keyword{strings.ToLower(k), i})
			}
		}
	}
	return m
}

// caseSensitive reports whether k is a single word with an upper-case
// letter after its first rune: "PoA", "CBMs", "ICT" are; "Capacity
// building" and "Programme of Action" (also written "programme of action")
// are not.
func caseSensitive(k string) bool {
	if strings.ContainsRune(k, ' ') {
		return false
	}
	_, size := utf8.DecodeRuneInString(k)
	for _, r := range k[size:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// match returns, for each topic index, whether it is named in text; set is
// reused across calls to save allocations.
func (m *keywordMatcher) match(text string, set []bool) {
	if len(m.exact)+len(m.folded) == 0 || text == "" {
		return
	}
	norm := normalizer.Replace(text)
	for _, k := range m.exact {
		if !set[k.topic] && containsWord(norm, k.phrase) {
			set[k.topic] = true
		}
	}
	if len(m.folded) > 0 {
		lower := strings.ToLower(norm)
		for _, k := range m.folded {
			if !set[k.topic] && containsWord(lower, k.phrase) {
				set[k.topic] = true
			}
		}
	}
}

// normalizer makes spacing and apostrophes uniform before matching; built
// once, as building a Replacer costs more than using it.
var normalizer = strings.NewReplacer("\u00a0", " ", "\n", " ", "’", "'")

// containsWord reports whether phrase occurs in s between word boundaries.
func containsWord(s, phrase string) bool {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		start := off + i
		end := start + len(phrase)
		if boundaryBefore(s, start) && boundaryAfter(s, end) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		off = start + size
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}
