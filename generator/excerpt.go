package generator

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ExcerptLen is about how long an excerpt is, in bytes: each end may run
// on to the end of a character.
const ExcerptLen = 240

// Excerpt shortens text to about n bytes around the first occurrence of
// name, cutting at word boundaries and marking cuts with "…".
func Excerpt(text, name string, n int) string {
	cutStart, out, cutEnd := ExcerptParts(text, name, n)
	if cutStart {
		out = "… " + out
	}
	if cutEnd {
		out += " …"
	}
	return out
}

// ExcerptParts is the excerpt Excerpt makes, in parts: whether text is
// cut before it, the excerpt itself (a slice of text), and whether text is
// cut after it. A state's pages write thousands of excerpts, and need not
// make a string of each.
func ExcerptParts(text, name string, n int) (cutStart bool, out string, cutEnd bool) {
	if len(text) <= n {
		return false, text, false
	}
	start := 0
	if i := strings.Index(text, name); i > n/3 {
		start = i - n/3
	}
	end := start + n
	if end > len(text) {
		end = len(text)
		start = max(0, end-n)
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	if start > 0 {
		if i := strings.IndexFunc(text[start:end], unicode.IsSpace); i >= 0 {
			start += i + 1
		}
	}
	if end < len(text) {
		if i := strings.LastIndexFunc(text[start:end], unicode.IsSpace); i > 0 {
			end = start + i
		}
	}
	return start > 0, strings.TrimSpace(text[start:end]), end < len(text)
}
