package importer

import (
	"regexp"
	"strings"
	"unicode"
)

// bullet reports whether text (without leading spaces) is a list item and
// returns the item's text. "•" and "◦" cannot start a sentence, so they
// need no space after them; "-", "*" and "–" do, or "-5" and "*note*"
// would become items.
func bullet(text string) (item string, ok bool) {
	for _, b := range []string{"•", "◦"} {
		if rest, found := strings.CutPrefix(text, b); found {
			return strings.TrimLeft(rest, " \t"), true
		}
	}
	for _, b := range []string{"-", "*", "–"} {
		rest, found := strings.CutPrefix(text, b)
		if found && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t")) {
			return strings.TrimLeft(rest, " \t"), true
		}
	}
	return "", false
}

// inlineSpecial are the characters that start emphasis, links, raw HTML,
// code spans, strikethrough and table cells. Backslash-escaping any ASCII
// punctuation is valid CommonMark and renders as the character itself, so
// escaping one that would not have been interpreted costs nothing.
const inlineSpecial = "\\*_[]<>`~|"

// entity matches what Markdown would decode as an HTML character
// reference; an "&" elsewhere ("AT&T") is left alone to keep sources
// readable.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(inlineSpecial, r) || (r == '&' && entity.MatchString(s[i:])) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// orderedMarker matches the start of a line that Markdown would read as a
// numbered list item ("1." or "1)").
var orderedMarker = regexp.MustCompile(`^[0-9]+[.)]`)

// escapeLine escapes a line of a paragraph or list item: its inline
// specials and, at its start, what would begin a heading, quote, list,
// setext underline or numbered list.
func escapeLine(s string) string {
	s = escapeInline(s)
	if s != "" && strings.ContainsRune("#>+-=", rune(s[0])) {
		return `\` + s
	}
	if m := orderedMarker.FindString(s); m != "" {
		return m[:len(m)-1] + `\` + s[len(m)-1:]
	}
	return s
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
