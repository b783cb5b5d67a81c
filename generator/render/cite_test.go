package render

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

// TestMatrixLevel checks the shades: none for nothing, the darkest for
// the largest cell, and more never lighter than less.
func TestMatrixLevel(t *testing.T) {
	if level(0, 100) != 0 || level(1, 1) != matrixLevels || level(100, 100) != matrixLevels || level(1, 100) != 1 {
		t.Errorf("levels: %d %d %d %d", level(0, 100), level(1, 1), level(100, 100), level(1, 100))
	}
	prev := 0
	for n := 1; n <= 1000; n++ {
		l := level(n, 1000)
		if l < prev || l < 1 || l > matrixLevels {
			t.Fatalf("level(%d, 1000) = %d after %d", n, l, prev)
		}
		prev = l
	}
}
