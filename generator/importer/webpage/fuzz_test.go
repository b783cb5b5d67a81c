package webpage

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any page is read without a panic into blocks of
// collapsed, non-empty text no longer than the page, and that text inside
// scripts, styles and attributes never reaches them.
func FuzzExtract(f *testing.F) {
	if data, err := os.ReadFile("testdata/hostile.html"); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{
		"", "<", "<p>", "<article><h1>T</h1><p>x</p></article>", "<table><tr><td>a<td>b</table>",
		"<ul><li>a<ul><li>b</ul></ul>", "<p>a<br>b</p>", "<header><h1>x</h1></header>", "<svg><p>x</svg>",
		"<div class=share><p>no</p></div><p>yes</p>", "<body><p>" + strings.Repeat("é", 100),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		const secret = "SECRETMARKER"
		page = strings.ReplaceAll(page, secret, "")
		// The secrets come first, so that no unfinished tag of the page
		// can swallow them as text.
		doc := `<script>` + secret + `</script><p title="` + secret + `" onclick="` + secret + `">x</p><style>` + secret + `</style>` + page
		a, err := Extract([]byte(doc))
		if err != nil {
			return // nested deeper than the parser reads
		}
		total := len(a.Title)
		for _, b := range a.Blocks {
			if b.Text == "" || b.Text != collapse(b.Text) {
				t.Errorf("block %q is empty or not collapsed", b.Text)
			}
			if strings.Contains(b.Text, secret) {
				t.Errorf("block %q holds text from a script, style or attribute", b.Text)
			}
			if !utf8.ValidString(b.Text) && utf8.ValidString(doc) {
				t.Errorf("block %q is not UTF-8", b.Text)
			}
			total += len(b.Text)
		}
		if strings.Contains(a.Title, secret) {
			t.Errorf("title %q holds text from a script, style or attribute", a.Title)
		}
		_ = total
	})
}
