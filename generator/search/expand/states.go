package expand

import (
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
)

// A state is one entity with many names ("Russia", "Russian Federation";
// "Türkiye", "Turkey", "Turkiye"). stateNames recognise any of them in a
// query, ignoring case, accents, apostrophe styles and spacing as
// gazetteer.Slugify does, so that the words of a name are searched as
// that state rather than as words: "United Kingdom" is not "United".
type stateNames struct {
	byKey    map[string]*State
	maxWords int // the most words in a name
}

// State is what a name found in a query stands for.
type State struct {
	Code string // ISO 3166-1 alpha-3, as the index holds it
	// Forms are the names to search for the state: each distinct name
	// once (by its terms), without those that hold a shorter one
	// ("Kingdom of the Netherlands" holds "Netherlands"), which could not
	// find more, and without acronyms that are also words. Terms are
	// each form's analysed terms.
	Forms []string
	Terms [][]string
	// exact is the name as written when only that form names the state:
	// an acronym that is also an English word ("US", not "us").
	exact string
}

// Holds says whether terms hold those of one of the forms, in a row: a
// longer name ("Kingdom of the Netherlands") than the form searched.
func (s *State) Holds(terms []string) bool {
	return slices.ContainsFunc(s.Terms, func(f []string) bool { return contains(terms, f) })
}

// commonWords are acronyms of states that are also English words, which
// name the state only when written in capitals.
var commonWords = map[string]bool{"us": true}

func newStateNames(states []index.State, an analysis.Analyzer) *stateNames {
	n := &stateNames{byKey: map[string]*State{}}
	for _, st := range states {
		names := append([]string{st.Name}, st.Names...)
		sn := &State{Code: st.Code}
		for _, name := range names {
			terms := analyse(an, name)
			if ambiguous(terms) || len(terms) == 0 || slices.ContainsFunc(sn.Terms, func(f []string) bool { return slices.Equal(f, terms) }) {
				continue
			}
			sn.Terms, sn.Forms = append(sn.Terms, terms), append(sn.Forms, name)
		}
		sn.Terms, sn.Forms = shortest(sn.Terms, sn.Forms)
		for _, name := range names {
			entry := sn
			if ambiguous(analyse(an, name)) {
				e := *sn
				e.exact = name
				entry = &e
			}
			for _, key := range Keys(name) {
				if _, taken := n.byKey[key]; !taken {
					n.byKey[key] = entry
				}
			}
			n.maxWords = max(n.maxWords, len(strings.Fields(name)))
		}
	}
	return n
}

// ambiguous says whether a name's terms are a word that is also an
// acronym of a state ("the US" is "us").
func ambiguous(terms []string) bool {
	return len(terms) == 1 && commonWords[terms[0]]
}

// shortest drops the forms whose terms hold another form's terms: any text
// that has them has the other's too.
func shortest(forms [][]string, texts []string) ([][]string, []string) {
	var fs [][]string
	var ts []string
	for i, f := range forms {
		held := false
		for j, g := range forms {
			if i != j && len(g) < len(f) && contains(f, g) {
				held = true
				break
			}
		}
		if !held {
			fs, ts = append(fs, f), append(ts, texts[i])
		}
	}
	return fs, ts
}

// contains says whether the terms of a hold those of b in a row.
func contains(a, b []string) bool {
	for i := 0; i+len(b) <= len(a); i++ {
		if slices.Equal(a[i:i+len(b)], b) {
			return true
		}
	}
	return false
}

// Keys are the keys a name is found by: its slug, with apostrophes
// dropped ("d'Ivoire" is "divoire") or, as people also type them, taken
// for spaces ("Cote d Ivoire"). Filters find states by them too.
func Keys(name string) []string {
	keys := []string{gazetteer.Slugify(name)}
	spaced := strings.Map(func(r rune) rune {
		if r == '\'' || r == '’' || r == '‘' || r == 'ʼ' {
			return ' '
		}
		return r
	}, name)
	if k := gazetteer.Slugify(spaced); k != keys[0] {
		keys = append(keys, k)
	}
	return keys
}

// lookup finds the state named by words, written as typed; nil when they
// name none.
func (n *stateNames) lookup(words []string) *State {
	if len(words) == 0 || len(words) > n.maxWords {
		return nil
	}
	text := strings.Join(words, " ")
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return nil
	}
	sn := n.byKey[gazetteer.Slugify(text)]
	if sn == nil || (sn.exact != "" && text != sn.exact) {
		return nil
	}
	return sn
}
