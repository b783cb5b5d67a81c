// Package escape writes plain text as Markdown that reads back as the same
// text, escaping only what Markdown would otherwise read as markup, so that
// imported sources stay readable and nothing but the text reaches a page:
// "states_parties", "[15]", "A < B" and "AT&T" are written as they are;
// "*all*", "[a](b)", "<b>", "&amp;" and a "1." that starts a line are
// escaped. A backslash before ASCII punctuation is valid CommonMark and
// renders as the character itself, so an escape is never wrong, only
// noisy; the rules follow goldmark's parser where it decides, and a fuzz
// target holds them to it.
package escape

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// entity matches what Markdown would decode as an HTML character
// reference; an "&" elsewhere ("AT&T") is left alone.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// Inline escapes the inline markup of one block's text: its lines
// joined by "\n", since emphasis, code spans and links may span lines.
func Inline(s string) string {
	esc := make([]bool, len(s)) // esc[i]: a backslash goes before byte i
	any := false
	mark := func(i int) { esc[i], any = true, true }
	ticks := strings.Count(s, "`") > 1 && (pairedBackticks(s) || fenced(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			// An escape, or a hard line break at the end of a line.
			if i+1 == len(s) || s[i+1] == '\n' || util.IsPunct(s[i+1]) {
				mark(i)
			}
		case '*', '_', '~':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if delimiter(s, i, j) {
				for k := i; k < j; k++ {
					mark(k)
				}
			}
			i = j - 1
		case '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			// A run opens or closes a code span only with another run of
			// the same length; and since a backslash does not escape
			// inside a code span, an escaped backtick could still close
			// one, so all are escaped when any must be.
			if ticks {
				for k := i; k < j; k++ {
					mark(k)
				}
			}
			i = j - 1
		case ']':
			// "[a](b)" is a link and "[a]: b" a definition; "[15]" alone
			// is text (the importer writes no definitions).
			if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == ':') {
				mark(i)
			}
		case '<':
			// Raw HTML and autolinks start "<a", "</", "<!" or "<?".
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				mark(i)
			}
		case '&':
			if entity.MatchString(s[i:]) {
				mark(i)
			}
		}
	}
	if !any {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		if esc[i] {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// delimiter tells whether the run s[i:j] of "*", "_" or "~" can open or
// close emphasis or strikethrough, as goldmark's parser.ScanDelimiter
// decides.
func delimiter(s string, i, j int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	bp, bs := util.IsPunctRune(before), util.IsSpaceRune(before)
	ap, as := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !as && (!ap || bs || bp)
	right := !bs && (!bp || as || ap)
	if s[i] == '_' {
		return (left && (!right || bp)) || (right && (!left || ap))
	}
	return left || right
}

// pairedBackticks tells whether two runs of backticks in s have the same
// length, which would make a code span.
func pairedBackticks(s string) bool {
	seen := map[int]bool{}
	for i := 0; i < len(s); i++ {
		if s[i] != '`' {
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if seen[j-i] {
			return true
		}
		seen[j-i] = true
		i = j - 1
	}
	return false
}

// fenced tells whether a line of s starts with a code fence of
// backticks, whose escaping would leave single backticks that could pair
// with another.
func fenced(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "```") {
			return true
		}
	}
	return false
}

// delimiterRow matches a line that could be a table's delimiter row,
// which makes a table of the line above it: escaping its start is what
// keeps the text a paragraph, so no "|" ever needs escaping.
var delimiterRow = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Lines that would start a block: a heading ("# x"), a list item ("- x",
// "1. x", "2) x"), a setext underline or thematic break ("===", "---",
// "* * *"), a code fence, a table's delimiter row (":-|-"), or the front
// matter's delimiter.
var (
	atxHeading    = regexp.MustCompile(`^#{1,6}(?:[ \t]|$)`)
	listMarker    = regexp.MustCompile(`^[-+*](?:[ \t]|$)`)
	orderedMarker = regexp.MustCompile(`^[0-9]{1,9}[.)](?:[ \t]|$)`)
	underline     = regexp.MustCompile(`^(?:=+|-+)[ \t]*$`)
	thematicBreak = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fence         = regexp.MustCompile("^(?:```|~~~)")
)

// escapeStart escapes what, at the start of line s (already escaped
// inline), would begin a block instead of continuing the text.
func escapeStart(s string) string {
	switch {
	case s == "":
		return s
	case s[0] == '>', atxHeading.MatchString(s), listMarker.MatchString(s), underline.MatchString(s),
		thematicBreak.MatchString(s), fence.MatchString(s), strings.HasPrefix(s, "+++"), delimiterRow.MatchString(s):
		// A run of delimiters is escaped whole: escaping its first
		// would leave a shorter run, which might pair with another.
		if strings.IndexByte("*_~`", s[0]) < 0 {
			return `\` + s
		}
		var b strings.Builder
		i := 0
		for ; i < len(s) && s[i] == s[0]; i++ {
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
		return b.String() + s[i:]
	}
	if m := orderedMarker.FindString(s); m != "" {
		k := strings.IndexAny(m, ".)")
		return m[:k] + `\` + s[k:]
	}
	return s
}

// Lines escapes the lines of one paragraph or list item: inline
// markup across them, and what would start a block at the start of each
// (of each but the first when the first follows a lead-in).
func Lines(lines []string, leadIn bool) []string {
	out := strings.Split(Inline(strings.Join(lines, "\n")), "\n")
	for i := range out {
		if i > 0 || !leadIn {
			out[i] = escapeStart(out[i])
		}
	}
	return out
}

// closingHashes matches the closing sequence of an ATX heading, which
// the heading's text must not end with.
var closingHashes = regexp.MustCompile(`(^|[ \t])(#+)[ \t]*$`)

// Heading escapes a heading's text: inline markup and a run of "#"
// at its end, which would be read as the closing sequence.
func Heading(s string) string {
	s = Inline(s)
	if m := closingHashes.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[4]] + `\` + s[m[4]:]
	}
	return s
}
