package gazetteer

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// index is a byte-level trie over the normalised forms of every name,
// walked directly on the report text. Walking the text once, with no
// per-name regexp and no copy of the text, is what lets a build scan a
// hundred thousand reports in seconds.
//
// Normalisation (see unitAt) folds the variants that reports write for
// the same name: any run of whitespace (including no-break spaces and
// line breaks) is one space, typographic apostrophes are the ASCII
// apostrophe and Unicode hyphens are the ASCII hyphen. Everything else is compared byte for byte, which keeps
// names case-sensitive.
type index struct {
	// root is the dense first level: most bytes of a text are tested only
	// against it.
	root  [256]int32
	nodes []node
	edges []edge
}

type node struct {
	lo, hi   int32 // edges[lo:hi], sorted by byte
	entity   int32 // index into Gazetteer.entities; -1 if no name ends here
	misspelt bool
	demonym  bool
}

type edge struct {
	b  byte
	to int32
}

// trieEntry is what a normalised form stands for.
type trieEntry struct {
	entity   int32
	misspelt bool
	demonym  bool
}

// newIndex builds the trie; forms maps normalised forms to entities.
func newIndex(forms map[string]trieEntry) index {
	type tnode struct {
		next  map[byte]int32
		entry trieEntry
	}
	nodes := []tnode{{entry: trieEntry{entity: -1}}}
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys) // node numbering does not depend on map order
	for _, k := range keys {
		n := int32(0)
		for i := 0; i < len(k); i++ {
			c, ok := nodes[n].next[k[i]]
			if !ok {
				c = int32(len(nodes))
				nodes = append(nodes, tnode{entry: trieEntry{entity: -1}})
				if nodes[n].next == nil {
					nodes[n].next = make(map[byte]int32)
				}
				nodes[n].next[k[i]] = c
			}
			n = c
		}
		nodes[n].entry = forms[k]
	}

	var ix index
	ix.nodes = make([]node, len(nodes))
	for i, tn := range nodes {
		bs := make([]int, 0, len(tn.next))
		for b := range tn.next {
			bs = append(bs, int(b))
		}
		sort.Ints(bs)
		lo := int32(len(ix.edges))
		for _, b := range bs {
			ix.edges = append(ix.edges, edge{b: byte(b), to: tn.next[byte(b)]})
		}
		ix.nodes[i] = node{lo: lo, hi: int32(len(ix.edges)), entity: tn.entry.entity, misspelt: tn.entry.misspelt, demonym: tn.entry.demonym}
	}
	for b, c := range nodes[0].next {
		ix.root[b] = c
	}
	return ix
}

func (ix *index) child(n *node, b byte) int32 {
	edges := ix.edges[n.lo:n.hi]
	if len(edges) <= 8 {
		for _, e := range edges {
			if e.b == b {
				return e.to
			}
		}
		return 0
	}
	lo, hi := 0, len(edges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if edges[m].b < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(edges) && edges[lo].b == b {
		return edges[lo].to
	}
	return 0
}

// longest returns the end of the longest name that starts at i (whose
// first byte led to node n) and ends on a word boundary, or -1.
func (ix *index) longest(text string, i int, n int32) (end int, found *node) {
	end = -1
	j := i + 1
	for {
		nd := &ix.nodes[n]
		if nd.entity >= 0 && endsWord(text, j) {
			end, found = j, nd
		}
		if nd.lo == nd.hi || j >= len(text) {
			return
		}
		u, next := unitAt(text, j)
		if n = ix.child(nd, u); n == 0 {
			return
		}
		j = next
	}
}

// Detect returns every mention of a state or group in text, in order of
// Start, without overlaps. At each word start it takes the longest name
// that matches there and ends on a word boundary, then continues after it:
// that is what keeps "Guinea" out of "Papua New Guinea" and "Republic of
// Korea" out of "Democratic People's Republic of Korea".
func (g *Gazetteer) Detect(text string) []Mention {
	return g.DetectAppend(nil, text)
}

// DetectAppend is Detect appending to dst, so that a caller analysing
// many paragraphs can reuse one slice.
func (g *Gazetteer) DetectAppend(dst []Mention, text string) []Mention {
	out := dst
	ix := &g.index
	for i := 0; i < len(text); i++ {
		n := ix.root[text[i]]
		if n == 0 || !startsWord(text, i) {
			continue
		}
		end, nd := ix.longest(text, i, n)
		if end < 0 {
			continue
		}
		if out == nil {
			out = make([]Mention, 0, 16) // a report names a few dozen at most; grow rarely
		}
		out = append(out, Mention{
			Entity:   g.entities[nd.entity],
			Start:    i,
			End:      end,
			Form:     text[i:end],
			Misspelt: nd.misspelt,
			Demonym:  nd.demonym,
		})
		i = end - 1
	}
	return out
}

// normalize applies the text walk's normalisation to a name, so that the
// trie holds exactly the byte sequences that unitAt produces.
func normalize(s string) string {
	b := make([]byte, 0, len(s))
	for j := 0; j < len(s); {
		var u byte
		u, j = unitAt(s, j)
		b = append(b, u)
	}
	return string(b)
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace accepts.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// unitAt returns the normalised byte at s[j] and where the next one
// starts; j < len(s). A run of whitespace is a single ' '.
func unitAt(s string, j int) (byte, int) {
	c := s[j]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return ' ', skipSpace(s, j+1)
		}
		return c, j + 1
	}
	if u, w := special(s, j); w > 0 {
		if u == ' ' {
			return ' ', skipSpace(s, j+w)
		}
		return u, j + w
	}
	return c, j + 1
}

func skipSpace(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return j
			}
			j++
			continue
		}
		u, w := special(s, j)
		if w == 0 || u != ' ' {
			return j
		}
		j += w
	}
	return j
}

// special recognises the non-ASCII characters that normalise to ASCII:
// Unicode spaces, typographic apostrophes and hyphens. It returns the
// unit and the width of the character, or 0 if s[j] is none of them.
// Decoding by hand keeps this off the per-rune slow path.
func special(s string, j int) (byte, int) {
	switch s[j] {
	case 0xC2:
		if j+1 < len(s) && (s[j+1] == 0xA0 || s[j+1] == 0x85) { // U+00A0 no-break space, U+0085 NEL
			return ' ', 2
		}
	case 0xCA:
		if j+1 < len(s) && s[j+1] == 0xBC { // U+02BC modifier letter apostrophe
			return '\'', 2
		}
	case 0xE1:
		if j+2 < len(s) && s[j+1] == 0x9A && s[j+2] == 0x80 { // U+1680 ogham space
			return ' ', 3
		}
	case 0xE2:
		if j+2 >= len(s) {
			break
		}
		switch b := s[j+2]; s[j+1] {
		case 0x80:
			switch {
			case b >= 0x80 && b <= 0x8A, b == 0xA8, b == 0xA9, b == 0xAF: // U+2000–U+200A, U+2028, U+2029, U+202F
				return ' ', 3
			case b == 0x90 || b == 0x91: // U+2010 hyphen, U+2011 non-breaking hyphen
				return '-', 3
			case b == 0x98 || b == 0x99: // U+2018, U+2019 single quotation marks
				return '\'', 3
			}
		case 0x81:
			if b == 0x9F { // U+205F medium mathematical space
				return ' ', 3
			}
		}
	case 0xE3:
		if j+2 < len(s) && s[j+1] == 0x80 && s[j+2] == 0x80 { // U+3000 ideographic space
			return ' ', 3
		}
	}
	return 0, 0
}

// isWordRune reports whether r continues a word, so that a name cannot
// start or end next to it. Combining marks belong to the letter before
// them; the modifier apostrophe is a letter to Unicode but an apostrophe
// to writers ("Franceʼs").
func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) && r != '\u02bc') || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsWord reports whether a name may start at i: the rune before is
// not part of a word. A hyphen is a boundary ("anti-US", "Russia-Ukraine"
// name their states); hyphenated names such as "Guinea-Bissau" are kept
// whole by the longest match, not by this rule.
func startsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return !isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// endsWord reports whether a name may end at j: the rune after is not
// part of a word. An apostrophe ("France's") or a hyphen ("US-led") may
// follow.
func endsWord(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	if c := text[j]; c < utf8.RuneSelf {
		return !isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return !isWordRune(r)
}
