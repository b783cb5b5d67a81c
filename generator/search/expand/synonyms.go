package expand

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// synonyms expand a word or a sequence of words into every form that
// means the same: "Programme of Action", "Program of Action" and "PoA".
// Bleve's own synonym support maps single terms; the archive's synonyms
// are phrases and acronyms, so the expansion happens here, on analysed
// terms, into phrase queries the index answers as usual.
type synonyms struct {
	// alts maps a form's analysed terms, joined by spaces, to the forms
	// of every group it belongs to: each a representative text per
	// distinct sequence of terms.
	alts   map[string][]string
	maxLen int // the most terms in a form
}

func newSynonyms(groups [][]string, an analysis.Analyzer) *synonyms {
	s := &synonyms{alts: map[string][]string{}}
	for _, g := range groups {
		var keys, texts []string
		seen := map[string]bool{}
		for _, form := range g {
			terms := analyse(an, form)
			if len(terms) == 0 {
				continue
			}
			k := strings.Join(terms, " ")
			if seen[k] {
				continue
			}
			seen[k] = true
			keys, texts = append(keys, k), append(texts, form)
			s.maxLen = max(s.maxLen, len(terms))
		}
		if len(keys) < 2 {
			continue
		}
		for _, k := range keys {
			for _, t := range texts {
				s.alts[k] = appendForm(s.alts[k], t, an)
			}
		}
	}
	return s
}

// appendForm adds form unless a form with the same terms is there.
func appendForm(forms []string, form string, an analysis.Analyzer) []string {
	k := strings.Join(analyse(an, form), " ")
	for _, f := range forms {
		if strings.Join(analyse(an, f), " ") == k {
			return forms
		}
	}
	return append(forms, form)
}

// lookup returns the forms equivalent to terms, or nil.
func (s *synonyms) lookup(terms []string) []string {
	if len(terms) == 0 || len(terms) > s.maxLen {
		return nil
	}
	return s.alts[strings.Join(terms, " ")]
}
