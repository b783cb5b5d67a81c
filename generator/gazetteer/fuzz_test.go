package gazetteer

import (
	"testing"
	"unicode/utf8"
)

// FuzzDetect asserts the properties every caller of Detect relies on when
// it slices, highlights or links the original text, whatever the input.
func FuzzDetect(f *testing.F) {
	for _, name := range []string{"regular-institutional-dialogue.txt", "informal-consultation.txt"} {
		f.Add(readSeed(f, name))
	}
	for _, s := range []string{
		"Guinea-Bissau, Papua New Guinea, Equatorial Guinea, Guinea",
		"the Democratic People’s Republic of Korea and the Republic of Korea",
		"the Democratic Republic of the Congo",
		"South\u00a0Africa", "South \u2028\u3000Africa", "Côte d’Ivoire", "Côte d\u02bcIvoire",
		"Let’s Talk Cyber", "the UK", "The EU", "US-led", "Timor\u2011Leste", "Timor\u2010",
		"Columbia", "France's", "Franceʼs", "Cafe\u0301 France\u0301",
		"\xe2\x80", "South\xc2", "Chad\xff", "\xc3Chad", "Niger\x80",
	} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		boundary := make(map[int]bool)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true

		prevEnd := 0
		for _, m := range g.Detect(text) {
			if m.Entity == nil {
				t.Fatalf("mention %+v without entity", m)
			}
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention [%d:%d] out of order, empty or out of range (previous end %d, len %d)", m.Start, m.End, prevEnd, len(text))
			}
			if !boundary[m.Start] || !boundary[m.End] {
				t.Fatalf("mention [%d:%d] %q splits a rune", m.Start, m.End, m.Form)
			}
			if text[m.Start:m.End] != m.Form {
				t.Fatalf("Form %q != text[%d:%d] %q", m.Form, m.Start, m.End, text[m.Start:m.End])
			}
			// A name found in context is found on its own: the match
			// cannot depend on what follows beyond the boundary.
			alone := g.Detect(m.Form)
			if len(alone) != 1 || alone[0].Entity != m.Entity || alone[0].End != len(m.Form) || alone[0].Misspelt != m.Misspelt {
				t.Fatalf("Detect(%q) alone = %v, want one whole %s", m.Form, codes(alone), m.Entity.Code)
			}
			prevEnd = m.End
		}

		// Lookup, Suggest and Slugify take editor input: they must not
		// panic either, and slugs stay valid UTF-8 without stray hyphens.
		g.Lookup(text)
		if len(text) < 200 {
			g.Suggest(text)
		}
		s := Slugify(text)
		if !utf8.ValidString(s) || len(s) > 0 && (s[0] == '-' || s[len(s)-1] == '-') {
			t.Fatalf("Slugify(%q) = %q", text, s)
		}
	})
}
