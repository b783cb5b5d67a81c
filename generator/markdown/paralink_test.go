package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestParaLinks checks that every anchored block ends in a link to itself,
// inside the block and before a list item's nested list, and that the
// blocks' plain text does not gain the link's "¶".
func TestParaLinks(t *testing.T) {
	src := "First paragraph.\n\n- Item one\n  - Nested item\n- Item two\n\n> Quoted paragraph.\n\n1. \n"
	r := New("/")
	var b, analysed bytes.Buffer
	if err := r.HTML(&b, []byte(src)); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	// Rendered from the parse that analyses it, the document is the same.
	if _, err := r.AnalyseHTML([]byte(src), &analysed); err != nil || analysed.String() != html {
		t.Errorf("AnalyseHTML rendered %q, %v; HTML rendered %q", analysed.String(), err, html)
	}
	for _, want := range []string{
		`<p id="p-1">First paragraph. <a href="#p-1" class="anchor" aria-label="Link to paragraph 1">¶</a></p>`,
		`<li id="p-2">Item one <a href="#p-2" class="anchor" aria-label="Link to paragraph 2">¶</a>` + "\n<ul>",
		`<li id="p-3">Nested item <a href="#p-3" class="anchor" aria-label="Link to paragraph 3">¶</a></li>`,
		`<li id="p-4">Item two <a href="#p-4" class="anchor" aria-label="Link to paragraph 4">¶</a></li>`,
		`<p id="p-5">Quoted paragraph. <a href="#p-5" class="anchor" aria-label="Link to paragraph 5">¶</a></p>`,
		// An empty list item still gets its link.
		`<li id="p-6">` + "\n" + ` <a href="#p-6" class="anchor" aria-label="Link to paragraph 6">¶</a></li>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	ids := regexp.MustCompile(`id="p-\d+"`).FindAllString(html, -1)
	links := regexp.MustCompile(`class="anchor"`).FindAllString(html, -1)
	if len(ids) != len(links) || len(ids) != 6 {
		t.Errorf("%d anchors and %d links, want 6 of each", len(ids), len(links))
	}

	doc := r.Analyse([]byte(src))
	if len(doc.Blocks) != 6 {
		t.Fatalf("%d blocks, want 6", len(doc.Blocks))
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "¶") {
			t.Errorf("block %d's text %q holds the link", b.N, b.Text)
		}
	}
	if got := doc.Blocks[1].Text; got != "Item one" {
		t.Errorf("block 2's text is %q, want %q", got, "Item one")
	}
	for _, l := range doc.Links {
		if strings.HasPrefix(l.Dest, "#p-") {
			t.Errorf("the paragraph links are reported as the content's links: %v", l)
		}
	}
}
