// Package expand owns what the words of a query stand for besides
// themselves: a state named by any of its names ("Russia", "Russian
// Federation"; "Türkiye", "Turkey", "Turkiye"), and every form of a
// declared synonym ("PoA", "Programme of Action"). A Vocabulary is made
// from an index's facts and its analyzer; the engine compiles what it
// finds into queries. Topic keywords are not synonyms: they only tag.
// Names resolve what filters are given as people write them (a state, a
// speaker, a topic, a session by any name) into the keys the index holds,
// and name those keys back on results pages.
package expand

import (
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/plenary-archive/plenary/generator/index"
)

// Vocabulary knows the names of an archive's states and its synonyms. It
// is never changed once made, so one serves every search.
type Vocabulary struct {
	an       analysis.Analyzer
	states   *stateNames
	synonyms *synonyms
}

// New is the vocabulary of the states and synonym groups of an index's
// facts, compared through its analyzer.
func New(an analysis.Analyzer, states []index.State, synonyms [][]string) *Vocabulary {
	return &Vocabulary{an: an, states: newStateNames(states, an), synonyms: newSynonyms(synonyms, an)}
}

// Terms are the terms the index holds for text.
func (v *Vocabulary) Terms(text string) []string { return analyse(v.an, text) }

// MaxWords is the most words a name or a synonym's form has: no longer
// run of words can be one.
func (v *Vocabulary) MaxWords() int { return max(v.states.maxWords, v.synonyms.maxLen) }

// State is the state words name, written as typed; nil when they name
// none.
func (v *Vocabulary) State(words []string) *State { return v.states.lookup(words) }

// Synonyms are the forms equivalent to a form's terms, or nil.
func (v *Vocabulary) Synonyms(terms []string) []string { return v.synonyms.lookup(terms) }

// analyse returns the terms the index holds for text.
func analyse(an analysis.Analyzer, text string) []string {
	tokens := an.Analyze([]byte(text))
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = string(t.Term)
	}
	return out
}
