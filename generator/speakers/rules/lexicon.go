package rules

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Word classes of the role rules (lexicon.txt). A word may be in several.
const (
	cSpeech     uint16 = 1 << iota // a verb that attributes a statement
	cAgent                         // a noun whose complement is the speaker
	cDelegation                    // a noun that turns a demonym into its state
	cDet                           // a determiner
	cTitle                         // a title before a person's name
	cLink                          // a preposition inside an agent phrase
	cAux                           // a word between a subject and its verb
	cCopula                        // a form of "be" or "have"
	cStance                        // after a copula, a stance ("of the view")
	cIntro                         // opens an adverbial phrase before the subject
	cClause                        // opens a clause of the main level
	cEmbed                         // opens a clause reported by another
)

//go:embed lexicon.txt
var lexiconTxt string

var sections = map[string]uint16{
	"speech": cSpeech, "agent": cAgent, "delegation": cDelegation, "det": cDet,
	"title": cTitle, "link": cLink, "aux": cAux, "copula": cCopula, "stance": cStance,
	"intro": cIntro, "clause": cClause, "embed": cEmbed,
}

// lexicon maps a lower-case word to its classes.
var lexicon = func() map[string]uint16 {
	m := make(map[string]uint16, 1024)
	var cls uint16
	for _, line := range strings.Split(lexiconTxt, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '[':
			c, ok := sections[strings.Trim(line, "[]")]
			if !ok {
				panic("speakers: unknown lexicon section " + line)
			}
			cls = c
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] |= cls
		}
	}
	return m
}()

// classOf returns the classes of a word, matched in lower case without
// allocating: words longer than the buffer are in no class.
func classOf(w string) uint16 {
	var buf [24]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon[string(buf[:len(w)])]
}

// isCapital reports whether a word starts with an upper-case letter.
func isCapital(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return r != utf8.RuneError && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}
