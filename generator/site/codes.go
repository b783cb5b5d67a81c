package site

import "github.com/plenary-archive/plenary/generator"

// codeTable finds a State and its rank by ISO 3166-1 alpha-3 code without
// hashing: a build looks up every state named in every paragraph of the
// archive, and map lookups were a fifth of making reports from the
// detections cache.
type codeTable struct {
	entries [26 * 26 * 26]codeEntry
	other   map[string]codeEntry // codes that are not three capitals
}

type codeEntry struct {
	state *generator.State
	rank  int
}

func newCodeTable(states map[string]*generator.State, rank map[*generator.State]int) *codeTable {
	t := &codeTable{other: map[string]codeEntry{}}
	for code, st := range states {
		e := codeEntry{st, rank[st]}
		if i := codeIndex(code); i >= 0 {
			t.entries[i] = e
		} else {
			t.other[code] = e
		}
	}
	return t
}

func codeIndex(code string) int {
	if len(code) != 3 {
		return -1
	}
	i := 0
	for j := 0; j < 3; j++ {
		c := code[j]
		if c < 'A' || c > 'Z' {
			return -1
		}
		i = i*26 + int(c-'A')
	}
	return i
}

func (t *codeTable) entry(code string) codeEntry {
	if i := codeIndex(code); i >= 0 {
		return t.entries[i]
	}
	return t.other[code]
}

// state is the State of code, nil for a code the gazetteer does not have.
func (t *codeTable) state(code string) *generator.State { return t.entry(code).state }

// byRank orders states A to Z as the gazetteer does.
func (t *codeTable) byRank(a, b *generator.State) int {
	return t.rank(a) - t.rank(b)
}

func (t *codeTable) rank(st *generator.State) int {
	if st == nil {
		return 0
	}
	return t.entry(st.Code).rank
}
