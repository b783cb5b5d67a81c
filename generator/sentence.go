package generator

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Said is the part of a paragraph's text a state's statement shows: the
// sentence that names it, in the context the paragraph gives.
type Said struct {
	// Start and End bound the shown part of the text; Mark and MarkEnd
	// the sentence that names the state, within it.
	Start, End    int
	Mark, MarkEnd int
}

// shortParagraph is the length up to which a statement shows its whole
// paragraph, and longSentence the length beyond which a sentence is cut
// around the name.
const (
	shortParagraph = 320
	longSentence   = 320
)

// NamedAt is where the first of forms (a state's name, official name,
// aliases) occurs in text, and its length; -1 when none does.
func NamedAt(text string, forms []string) (at, n int) {
	at = -1
	for _, f := range forms {
		if f == "" {
			continue
		}
		if i := strings.Index(text, f); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(f)
		}
	}
	return at, n
}

// SaidIn is what a statement shows of text, a paragraph naming a state at
// [at, at+n) (at < 0 when the name is not in the text): a short paragraph
// whole, else the sentence naming the state, cut around the name when it
// is long; the sentence is marked.
func SaidIn(text string, at, n int) Said {
	if at < 0 {
		at, n = 0, 0
	}
	start, end := sentenceAt(text, at, at+n)
	if len(text) <= shortParagraph {
		return Said{Start: 0, End: len(text), Mark: start, MarkEnd: end}
	}
	if end-start <= longSentence {
		return Said{Start: start, End: end, Mark: start, MarkEnd: end}
	}
	// A long sentence: about ExcerptLen bytes around the name.
	_, ex, _ := ExcerptParts(text[start:end], text[at:at+n], ExcerptLen)
	i := strings.Index(text[start:end], ex)
	if i < 0 || ex == "" {
		return Said{Start: start, End: end, Mark: start, MarkEnd: end}
	}
	s := start + i
	return Said{Start: s, End: s + len(ex), Mark: s, MarkEnd: s + len(ex)}
}

// Text is the part of text s shows, without marks: the statement in
// plain words, for data files.
func (s Said) Text(text string) string { return text[s.Start:s.End] }

// sentenceAt bounds the sentence of text that holds [from, to): it starts
// after the end of the sentence before (".", "!" or "?", closing quotes,
// then space and a capital, digit or opening quote) and ends with its own.
func sentenceAt(text string, from, to int) (start, end int) {
	for i := from - 1; i > 0; i-- {
		if isSpace(text[i]) && sentenceEndsBefore(text, i) && startsSentence(text, i+1) {
			start = i + 1
			break
		}
	}
	end = len(text)
	for i := max(to, start); i < len(text); i++ {
		if isSpace(text[i]) && sentenceEndsBefore(text, i) && startsSentence(text, i+1) {
			end = i
			break
		}
	}
	if k := strings.IndexFunc(text[start:end], func(r rune) bool { return !unicode.IsSpace(r) }); k >= 0 {
		start += k
	} else {
		start = end
	}
	return start, max(start, trimRight(text, end))
}

// sentenceEndsBefore tells whether the text before the space at i ends a
// sentence: a terminator, perhaps followed by closing quotes or brackets.
func sentenceEndsBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		switch r {
		case '"', '\'', '’', '”', ')', ']', '»':
			j -= size
			continue
		case '.', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}

// startsSentence tells whether the text from i (after spaces) begins a
// sentence: a capital letter, a digit or an opening quote.
func startsSentence(text string, i int) bool {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'‘“«(", r)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func trimRight(text string, end int) int {
	for end > 0 && isSpace(text[end-1]) {
		end--
	}
	return end
}
