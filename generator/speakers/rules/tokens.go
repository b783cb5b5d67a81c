package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Kinds of tokens.
const (
	tWord  uint8 = iota
	tName        // a detected state, group or stakeholder
	tPunct       // p holds the normalised character
	tQuote       // p is 'o' for an opening mark, 'c' for a closing one
)

// Token flags.
const (
	fPoss   uint8 = 1 << iota // a name followed by 's
	fQuoted                   // inside quotation marks
	fEnd                      // ends a sentence
	fCap                      // a word starting with a capital
)

// token is a word, a name, a punctuation mark or a quotation mark of a
// paragraph, as byte offsets into its text.
type token struct {
	s, e  int32
	kind  uint8
	p     byte
	flags uint8
	cls   uint16
	m     int16 // the mention of a name
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Ms": true, "Mrs": true, "Dr": true, "Prof": true, "St": true, "No": true,
	"Nos": true, "Amb": true, "H.E": true, "Rev": true, "Gen": true, "Col": true, "Jr": true,
	"Sr": true, "Art": true, "para": true, "paras": true, "e.g": true, "i.e": true, "vs": true,
	"cf": true, "Vol": true, "approx": true,
}

// tokenize splits text into tokens, the mentions ms becoming one token
// each. It appends to dst.
func tokenize(dst []token, text string, ms []gazetteer.Mention) []token {
	toks := dst
	k := 0
	inQuote := byte(0) // the closing mark awaited, 0 outside quotes
	for i := 0; i < len(text); {
		for k < len(ms) && ms[k].Start < i {
			k++
		}
		var quoted uint8
		if inQuote != 0 {
			quoted = fQuoted
		}
		if k < len(ms) && ms[k].Start == i {
			m := ms[k]
			t := token{s: int32(i), e: int32(m.End), kind: tName, m: int16(k), flags: quoted}
			i = m.End
			if n := possessive(text, i); n > 0 {
				t.flags |= fPoss
				i += n
			}
			if text[m.End-1] == '.' && sentenceFollows(text, m.End) {
				t.flags |= fEnd
			}
			toks = append(toks, t)
			k++
			continue
		}
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				j := wordEnd(text, i)
				t := token{s: int32(i), e: int32(j), kind: tWord, flags: quoted, cls: classOf(text[i:j])}
				if 'A' <= c && c <= 'Z' {
					t.flags |= fCap
				}
				toks = append(toks, t)
				i = j
				continue
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := wordEnd(text, i)
			t := token{s: int32(i), e: int32(j), kind: tWord, flags: quoted, cls: classOf(text[i:j])}
			if isCapital(text[i:j]) {
				t.flags |= fCap
			}
			toks = append(toks, t)
			i = j
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
		case r == '‘' || r == '“' || r == '«' || r == '"' || r == '\'' || r == '’' || r == '”' || r == '»':
			if t, ok := quoteMark(text, i, r, &inQuote); ok {
				toks = append(toks, t)
			}
		default:
			p := punct(r, text, i, w)
			if p != 0 {
				t := token{s: int32(i), e: int32(i + w), kind: tPunct, p: p, flags: quoted}
				if (p == '.' || p == '!' || p == '?') && sentenceFollows(text, i+w) && !abbreviationBefore(toks, text) {
					t.flags |= fEnd
				}
				toks = append(toks, t)
			}
		}
		i += w
	}
	return toks
}

// quoteMark decides whether a quotation mark or apostrophe at i opens or
// closes a quote, and updates the awaited closing mark.
func quoteMark(text string, i int, r rune, inQuote *byte) (token, bool) {
	prevWord := i > 0 && isWordRune(lastRune(text[:i]))
	next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
	nextWord := isWordRune(next)
	t := token{s: int32(i), e: int32(i + utf8.RuneLen(r)), kind: tQuote}
	var open, close byte
	switch r {
	case '‘':
		open, close = 1, 2
	case '’':
		close = 2
	case '“':
		open, close = 3, 4
	case '”':
		close = 4
	case '«':
		open, close = 5, 6
	case '»':
		close = 6
	case '"':
		if *inQuote == 7 {
			close = 7
		} else {
			open, close = 7, 7
		}
	case '\'':
		if *inQuote == 8 {
			close = 8
		} else if !prevWord {
			open, close = 8, 8
		}
	}
	switch {
	case *inQuote == 0 && open != 0 && !prevWord && (nextWord || next == ' '):
		*inQuote = close
		t.p = 'o'
		return t, true
	case *inQuote != 0 && *inQuote == close && !nextWord:
		*inQuote = 0
		t.p = 'c'
		t.flags = fQuoted
		return t, true
	}
	return t, false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// punct normalises the punctuation that the rules read; others are 0.
func punct(r rune, text string, i, w int) byte {
	switch r {
	case ',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '&', '/':
		return byte(r)
	case '–', '—':
		return '-'
	case '-':
		// a hyphen between spaces is a dash
		if i > 0 && text[i-1] == ' ' && i+w < len(text) && text[i+w] == ' ' {
			return '-'
		}
	case '…':
		return '.'
	}
	return 0
}

// possessive returns the length of 's or ’s (or a bare apostrophe after
// an s) at i, or 0.
func possessive(text string, i int) int {
	for _, a := range []string{"'s", "’s", "ʼs"} {
		if len(text) >= i+len(a) && text[i:i+len(a)] == a && (i+len(a) == len(text) || !isWordRune(firstRune(text[i+len(a):]))) {
			return len(a)
		}
	}
	if i > 0 && text[i-1] == 's' {
		for _, a := range []string{"'", "’"} {
			if len(text) >= i+len(a) && text[i:i+len(a)] == a && (i+len(a) == len(text) || !isWordRune(firstRune(text[i+len(a):]))) {
				return len(a)
			}
		}
	}
	return 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// wordEnd returns the end of the word at i: letters, digits and marks,
// with apostrophes, hyphens and full stops inside it ("co-sponsors",
// "don't", "e.g").
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		if asciiWord[text[j]] {
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '‐' || r == '.' {
			if j+w < len(text) && isWordRune(firstRune(text[j+w:])) {
				if r == '.' && !isShortWord(text[i:j]) {
					break
				}
				j += w
				continue
			}
		}
		break
	}
	return j
}

// isShortWord allows a full stop inside abbreviations such as "e.g" and
// "U.N" but not between two sentences written without a space.
func isShortWord(w string) bool {
	n := 0
	for i := len(w) - 1; i >= 0 && w[i] != '.'; i-- {
		n++
	}
	return n <= 2
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// sentenceFollows reports whether a full stop ending at i is followed by
// a new sentence: space, then a capital, digit or quotation mark, or the
// end of the text.
func sentenceFollows(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) && r != '\u00a0' && r != '’' && r != '”' && r != '"' && r != ')' {
		return false
	}
	j := i + w
	for j < len(text) {
		r, w = utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += w
	}
	return j >= len(text) || unicode.IsUpper(r) || unicode.IsDigit(r) || r == '‘' || r == '“' || r == '"' || r == '(' || r == '*' || r == '-'
}

// abbreviationBefore reports whether the last token is an abbreviation
// whose full stop this is.
func abbreviationBefore(toks []token, text string) bool {
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	if t.kind != tWord {
		return false
	}
	w := text[t.s:t.e]
	if len(w) == 1 && isCapital(w) {
		return true // an initial: "J. Smith"
	}
	return abbreviations[w]
}
