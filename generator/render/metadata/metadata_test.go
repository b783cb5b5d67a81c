package metadata

import "testing"

// TestBibEscape checks every character TeX treats specially, and that
// line breaks cannot end a field.
func TestBibEscape(t *testing.T) {
	for in, want := range map[string]string{
		`Law & order`:      `Law \& order`,
		`{Charter}`:        `\{Charter\}`,
		`100% of $5 #1_a`:  `100\% of \$5 \#1\_a`,
		`a\b`:              `a\textbackslash{}b`,
		`x^2 ~ y`:          `x\textasciicircum{}2 \textasciitilde{} y`,
		"two\nlines\r\n ":  `two lines`,
		`Côte d'Ivoire`:    `Côte d'Ivoire`,
		`}{ unbalanced }}`: `\}\{ unbalanced \}\}`,
	} {
		if got := bibEscape(in); got != want {
			t.Errorf("bibEscape(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[[2]string]string{
		{"Plenary", "2022-04-01-oewg"}: "plenary:2022-04-01-oewg",
		{"Test archive", "a b,{c}%é"}:  "test-archive:a-b--c---",
		{"", "x"}:                      "report:x",
	} {
		if got := bibKey(in[0], in[1]); got != want {
			t.Errorf("bibKey(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
	if got := bibURL("https://x.org/a b/{c}\\"); got != "https://x.org/a%20b/%7Bc%7D%5C" {
		t.Errorf("bibURL: %q", got)
	}
}
