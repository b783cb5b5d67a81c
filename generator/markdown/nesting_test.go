package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// bombs are lines of deeply nested containers, each of which took goldmark
// time in the square of its length.
var bombs = map[string]string{
	"list":     strings.Repeat("- ", 40000) + "x\n",
	"ordered":  strings.Repeat("1. ", 40000) + "x\n",
	"quote":    strings.Repeat("> ", 40000) + "x\n",
	"footnote": "See[^a].\n\n" + strings.Repeat("[^a]: ", 40000) + "x\n",
	"mixed":    strings.Repeat("> - ", 20000) + "x\n",
}

// depth is how deep doc's tree goes.
func depth(n ast.Node) int {
	d := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d = max(d, depth(c))
	}
	return d + 1
}

// TestNestingBounded checks that 40,000 nested markers make a tree no
// deeper than MaxNesting (with the inlines of its last paragraph), whose
// markers beyond it are the paragraph's text, and that the document still
// renders and analyses.
func TestNestingBounded(t *testing.T) {
	r := New("/")
	for name, src := range bombs {
		t.Run(name, func(t *testing.T) {
			doc := r.md.Parser().Parse(text.NewReader([]byte(src)))
			if d := depth(doc); d > MaxNesting+3 {
				t.Errorf("the tree is %d deep, want at most %d", d, MaxNesting+3)
			}
			var html bytes.Buffer
			d, err := r.AnalyseHTML([]byte(src), &html)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(html.String(), "x") || len(d.Blocks) == 0 || len(d.Blocks) > MaxNesting {
				t.Errorf("%d blocks, %d bytes of HTML", len(d.Blocks), html.Len())
			}
			for _, b := range d.Blocks {
				if b.Line != 1 {
					t.Errorf("block %d on line %d, want 1", b.N, b.Line)
				}
			}
		})
	}
}

// TestNestingKept checks that nesting a report could have is kept: lists
// and quotes a few levels deep, their blocks on their own lines, and the
// headings the bounded parsers still make, with their ids.
func TestNestingKept(t *testing.T) {
	src := "# Title\n\n- a\n  - b\n    - c\n      > d\n\n1. e\n   1. f\n\n> > g\n"
	r := New("/")
	var html bytes.Buffer
	d, err := r.AnalyseHTML([]byte(src), &html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h1 id="title">Title</h1>`, "<li id=\"p-3\">c", "<blockquote>\n<p>d</p>", "<ol>\n<li id=\"p-5\">f", "<blockquote>\n<blockquote>\n<p id=\"p-6\">g"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %q:\n%s", want, html.String())
		}
	}
	wantLines := []int{3, 4, 5, 8, 9, 11}
	if len(d.Blocks) != len(wantLines) {
		t.Fatalf("%d blocks, want %d", len(d.Blocks), len(wantLines))
	}
	for i, b := range d.Blocks {
		if b.Line != wantLines[i] {
			t.Errorf("block %d (%q) on line %d, want %d", b.N, b.Text, b.Line, wantLines[i])
		}
	}
}

// TestNUL checks that NUL bytes become U+FFFD in a document's HTML and
// texts, as CommonMark says, never reaching a page raw.
func TestNUL(t *testing.T) {
	src := []byte("France\x00 spoke.\n\n- a\x00b\n")
	r := New("/")
	var analysed, html bytes.Buffer
	d, err := r.AnalyseHTML(src, &analysed)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.HTML(&html, src); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{analysed.String(), html.String(), d.Blocks[0].Text, d.Blocks[1].Text} {
		if strings.IndexByte(out, 0) >= 0 || !strings.Contains(out, "\uFFFD") {
			t.Errorf("%q: NUL not replaced by U+FFFD", out)
		}
	}
	if !bytes.Contains(src, []byte{0}) {
		t.Error("the caller's source was changed")
	}
}

// BenchmarkNestedMarkers analyses a line of 40,000 nested list markers,
// the 80 KB report that took a build 79 s.
func BenchmarkNestedMarkers(b *testing.B) {
	src := []byte(bombs["list"])
	r := New("/")
	var html bytes.Buffer
	for b.Loop() {
		html.Reset()
		if _, err := r.AnalyseHTML(src, &html); err != nil {
			b.Fatal(err)
		}
	}
}
