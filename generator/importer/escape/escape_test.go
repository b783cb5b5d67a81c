package escape

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/markdown"
)

// FuzzEscape holds the importer's escapes to what Markdown needs: the
// lines of a paragraph, escaped, read back as the same text, and a line
// without markup is written as it is.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"Brazil proposed that paragraph [15] be deleted, and said A < B for *all* states_parties & observers.",
		"1. not a list\n2) nor this", "# no heading\n> no quote\n- no item\n===", "[a](b) [c]: d ![e](f)",
		"`code` and ``more`` `", "&amp; &#35; AT&T", "a ~~b~~ ~c~ 5*3 _x_ __y__", "a | b\n--|--", "<b> <http://x> </i> <!-- x -->",
		`back\slash \* end\`, "* * *\n+++\n```\n~~~", "x\n  indented", "Cyber\u00a0security: ***bold*** _it_s_",
	} {
		f.Add(s)
	}
	md := markdown.New("/")
	f.Fuzz(func(t *testing.T, s string) {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 || !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
			return r < ' ' && r != '\n' || r == '\u00a0' || r == '\u2028' || r == '\u2029' || r == '\u0085'
		}) {
			return
		}
		esc := strings.Join(Lines(lines, false), "\n")
		blocks := md.Analyse([]byte(esc)).Blocks
		want := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
		if len(blocks) != 1 || strings.Join(strings.Fields(blocks[0].Text), " ") != want {
			t.Fatalf("%q escaped as %q reads back as %+v, want one block %q", s, esc, blocks, want)
		}
	})
}

// TestPlainTextAsItIs checks that text Markdown reads as text is written
// as it is: only what would be markup is escaped.
func TestPlainTextAsItIs(t *testing.T) {
	for in, want := range map[string]string{
		"paragraph [15] of the draft":           "paragraph [15] of the draft",
		"A < B, a > b, AT&T & co, 5 * 3, it`s":  "A < B, a > b, AT&T & co, 5 * 3, it`s",
		"states_parties and snake_case_words":   "states_parties and snake_case_words",
		"item #3, C# and 2021. Then -5 degrees": "item #3, C# and 2021. Then -5 degrees",
		"for *all* of them":                     `for \*all\* of them`,
		"see [a](b) and <b>bold</b> and &amp;":  `see [a\](b) and \<b>bold\</b> and \&amp;`,
		"1. not a list":                         `1\. not a list`,
		"# not a heading":                       `\# not a heading`,
		"line end\\":                            `line end\\`,
	} {
		if got := strings.Join(Lines([]string{in}, false), "\n"); got != want {
			t.Errorf("%q is written %q, want %q", in, got, want)
		}
	}
}
