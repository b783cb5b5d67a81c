package engine

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
	byKey    map[string]*stateName
	maxWords int // the most words in a name
}

// stateName is what a name found in a query stands for.
type stateName struct {
	code string
	// exact is the name as written when only that form names the state:
	// an acronym that is also an English word ("US", not "us").
	exact string
	// forms are the texts searched for the state: each distinct name
	// once (by its terms), without those that hold a shorter one
	// ("Kingdom of the Netherlands" holds "Netherlands"), which could not
	// find more, and without acronyms that are also words.
	forms [][]string // each form's analysed terms; forms[i] is searched as texts[i]
	texts []string
}

// commonWords are acronyms of states that are also English words, which
// name the state only when written in capitals.
var commonWords = map[string]bool{"us": true}

func newStateNames(states []index.State, an analysis.Analyzer) *stateNames {
	n := &stateNames{byKey: map[string]*stateName{}}
	for _, st := range states {
		names := append([]string{st.Name}, st.Names...)
		sn := &stateName{code: st.Code}
		for _, name := range names {
			if ambiguous(name) {
				continue
			}
			terms := analyse(an, name)
			if len(terms) == 0 || slices.ContainsFunc(sn.forms, func(f []string) bool { return slices.Equal(f, terms) }) {
				continue
			}
			sn.forms, sn.texts = append(sn.forms, terms), append(sn.texts, name)
		}
		sn.forms, sn.texts = shortest(sn.forms, sn.texts)
		for _, name := range names {
			entry := sn
			if ambiguous(name) {
				e := *sn
				e.exact = name
				entry = &e
			}
			for _, key := range nameKeys(name) {
				if _, taken := n.byKey[key]; !taken {
					n.byKey[key] = entry
				}
			}
			n.maxWords = max(n.maxWords, len(strings.Fields(name)))
		}
	}
	return n
}

// ambiguous says whether a name is an acronym that is also a word.
func ambiguous(name string) bool {
	return commonWords[strings.ToLower(name)] && strings.ToUpper(name) == name
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

// nameKeys are the keys a name is found by: its slug, with apostrophes
// dropped ("d'Ivoire" is "divoire") or, as people also type them,
// taken for spaces ("Cote d Ivoire").
func nameKeys(name string) []string {
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
func (n *stateNames) lookup(words []string) *stateName {
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
