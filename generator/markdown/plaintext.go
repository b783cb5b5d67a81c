package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/util"
)

// writeUnescaped writes the text of a Markdown text segment as a reader
// sees it: backslash escapes resolved ("\*" is "*") and character
// references decoded ("&amp;" is "&", "&#169;" is "©"), in one pass as
// goldmark's HTML writer makes them, so that a paragraph's plain text
// (excerpts, descriptions, feeds, data files, the search index) says what
// its page shows.
func writeUnescaped(b *strings.Builder, s []byte) {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && util.IsPunct(s[i+1]) {
				b.Write(s[n:i])
				n = i + 1
				i++ // the escaped character is text, whatever it is
			}
		case '&':
			if r, end, ok := reference(s, i); ok {
				b.Write(s[n:i])
				b.WriteString(r)
				n = end
				i = end - 1
			}
		}
	}
	b.Write(s[n:])
}

// reference decodes the character reference at s[i] ("&amp;", "&#35;",
// "&#x23;"), giving its text and where it ends; ok is false when s[i]
// starts none, as goldmark decides.
func reference(s []byte, i int) (text string, end int, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		base, start := 10, j
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			base, j, start = 16, j+1, j+1
		}
		for j < len(s) && (base == 10 && util.IsNumeric(s[j]) || base == 16 && util.IsHexDecimal(s[j])) {
			j++
		}
		digits := j - start
		if digits == 0 || j >= len(s) || s[j] != ';' || base == 10 && digits > 7 || base == 16 && digits > 6 {
			return "", 0, false
		}
		v, err := strconv.ParseUint(string(s[start:j]), base, 32)
		if err != nil {
			return "", 0, false
		}
		return string(util.ToValidRune(rune(v))), j + 1, true
	}
	for j < len(s) && util.IsAlphaNumeric(s[j]) {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ';' {
		return "", 0, false
	}
	e, found := util.LookUpHTML5EntityByName(string(s[i+1 : j]))
	if !found {
		return "", 0, false
	}
	return string(e.Characters), j + 1, true
}
