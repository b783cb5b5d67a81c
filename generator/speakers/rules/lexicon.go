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
	cTime                          // opens a clause of time ("after", "when")
)

//go:embed lexicon.txt
var lexiconTxt string

var sections = map[string]uint16{
	"speech": cSpeech, "agent": cAgent, "delegation": cDelegation, "det": cDet,
	"title": cTitle, "link": cLink, "aux": cAux, "copula": cCopula, "stance": cStance,
	"intro": cIntro, "clause": cClause, "embed": cEmbed, "time": cTime,
}

// lexicon maps a lower-case word to its classes: an open-addressing
// table probed with a hash computed while the word is lower-cased, which
// is several times cheaper than a map lookup for the words of every
// paragraph.
var lexicon = func() *wordTable {
	t := &wordTable{}
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
			t.add(w, cls)
		}
	}
	return t
}()

// capitalised maps every lexicon word written with a capital, as at the
// start of a sentence ("In"), to the word.
var capitalised = func() map[string]string {
	m := make(map[string]string)
	for _, w := range lexicon.words {
		if w != "" && 'a' <= w[0] && w[0] <= 'z' {
			m[string(w[0]-'a'+'A')+w[1:]] = w
		}
	}
	return m
}()

const (
	tableSize = 1 << 12 // a power of two, several times the lexicon's size
	maxWord   = 24
)

type wordTable struct {
	words [tableSize]string
	cls   [tableSize]uint16
	n     int
}

// hashWord hashes the length and the first eight bytes of a word folded
// to lower case: ORing 0x20 lowers ASCII capitals and leaves the digits,
// hyphens and apostrophes of lexicon words as they are. Longer words that
// share their start are told apart by the comparison after the probe.
func hashWord(w string) uint32 {
	var k uint64
	n := min(len(w), 8)
	for i := 0; i < n; i++ {
		k |= uint64(w[i]|0x20) << (8 * i)
	}
	k ^= uint64(len(w)) << 59
	return uint32((k * 0x9E3779B97F4A7C15) >> 40)
}

func (t *wordTable) add(w string, cls uint16) {
	if len(w) > maxWord {
		panic("speakers: lexicon word longer than maxWord: " + w)
	}
	for i := hashWord(w) & (tableSize - 1); ; i = (i + 1) & (tableSize - 1) {
		switch t.words[i] {
		case "":
			if t.n++; t.n > tableSize/2 {
				panic("speakers: lexicon table too small")
			}
			t.words[i], t.cls[i] = w, cls
			return
		case w:
			t.cls[i] |= cls
			return
		}
	}
}

// classOf returns the classes of a word, matched in lower case without
// allocating.
func classOf(w string) uint16 {
	if len(w) > maxWord {
		return 0
	}
	t := lexicon
	for i := hashWord(w) & (tableSize - 1); ; i = (i + 1) & (tableSize - 1) {
		x := t.words[i]
		if x == "" {
			return 0
		}
		if len(x) == len(w) && equalLower(x, w) {
			return t.cls[i]
		}
	}
}

// equalLower reports whether w lower-cased (ASCII) is lw.
func equalLower(lw, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lw[i] {
			return false
		}
	}
	return true
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

// Lexicon is the text of the word lists the rules read, so that a cache
// of their results can name the version it was made with.
func Lexicon() string { return lexiconTxt }
