package rules

import (
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// show writes tokens as the rules see them: names in brackets with 's for
// possessives, quoted tokens in braces, | after a sentence's end.
func show(text string, toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		w := text[t.s:t.e]
		switch t.kind {
		case tName:
			w = "[" + w + "]"
			if t.flags&fPoss != 0 {
				w += "'s"
			}
		case tQuote:
			w = string(t.p)
		}
		if t.flags&fQuoted != 0 && t.kind != tQuote {
			w = "{" + w + "}"
		}
		if t.flags&fEnd != 0 {
			w += "|"
		}
		b.WriteString(w + " ")
	}
	return strings.TrimSpace(b.String())
}

func TestTokenize(t *testing.T) {
	g := gazetteer.Default()
	for _, tc := range []struct{ text, want string }{
		{"Egypt’s delegate said: ‘We agree.’ Brazil did not.",
			"[Egypt]'s delegate said : o {We} {agree} {.}| c [Brazil] did not .|"},
		{"Mr. Smith of the U.K. spoke. The co-sponsors' view, e.g. on CBMs, differs.",
			"Mr . Smith of the U.K . spoke .| The co-sponsors view , e.g . on CBMs , differs .|"},
		{"“It’s time,” said the Philippines’ envoy – finally.",
			"o {It’s} {time} {,} c said [the Philippines]'s envoy – finally .|"},
		{"The ‘ It is not’ experience’ shows", "The o {It} {is} {not} c experience shows"},
	} {
		toks := tokenize(nil, tc.text, g.Detect(tc.text))
		if got := show(tc.text, toks); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}
