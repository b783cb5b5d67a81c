package importer

import (
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

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
