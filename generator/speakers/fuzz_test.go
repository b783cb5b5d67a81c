package speakers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReport checks what must hold for any text: no panic, every name
// once per paragraph, positions inside the text, names without one only
// as speakers handed over, "for" only on speakers, and the same result
// twice.
func FuzzReport(f *testing.F) {
	for _, s := range []string{
		"Egypt, on behalf of the Arab Group, stressed the need.",
		"The delegate of Switzerland put it this way:\n‘Norms matter.’",
		"Thailand: The PoA would help. Brazil recalled the proposal made by Mexico.",
		"‘We need action,’ said Kenya; the Chinese delegation disagreed",
		"Kenya, supported by Ghana, proposed:\n- a fund;\n- Nigeria: a portal",
		"It was stressed by the U.S. that (Russia's) “attacks” on Ukraine—",
		"Speaking on behalf of the African Group, Nigeria, represented by",
		"‘", "’s", "Egypt's’", "delegates from , and",
	} {
		f.Add(s)
	}
	a := testAnalyser(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		var paras []Paragraph
		for i, p := range strings.Split(text, "\n") {
			paras = append(paras, Paragraph{ID: "p-" + string(rune('a'+i%26)), Text: strings.TrimPrefix(p, "- "), Item: strings.HasPrefix(p, "- ")})
		}
		got := a.Report(paras)
		again := a.Report(paras)
		for i, ns := range got {
			seen := map[string]bool{}
			for j, n := range ns {
				if seen[n.Entity.Code] {
					t.Errorf("%q: %s twice", paras[i].Text, n.Entity.Code)
				}
				seen[n.Entity.Code] = true
				if n.Start >= 0 && (n.End > len(paras[i].Text) || n.Start >= n.End) {
					t.Errorf("%q: %s at %d:%d", paras[i].Text, n.Entity.Code, n.Start, n.End)
				}
				if n.Start < 0 && n.Role != Speaker {
					t.Errorf("%q: %s added without a position but not as a speaker", paras[i].Text, n.Entity.Code)
				}
				if n.For != nil && n.Role != Speaker {
					t.Errorf("%q: %s speaks for %s but is not a speaker", paras[i].Text, n.Entity.Code, n.For.Code)
				}
				if again[i][j] != n {
					t.Errorf("%q: a second analysis differs", paras[i].Text)
				}
			}
		}
	})
}
