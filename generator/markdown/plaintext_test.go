package markdown

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestPlainText checks that a block's plain text is what its page shows:
// escapes resolved, character references decoded, code spans as written.
func TestPlainText(t *testing.T) {
	r := New("/")
	for _, tc := range []struct{ src, want string }{
		{`paragraph \[15\] of the draft`, "paragraph [15] of the draft"},
		{`states\_parties and \*all\* of them`, "states_parties and *all* of them"},
		{`A \< B &amp; C &lt; D`, "A < B & C < D"},
		{`2\. The Chair`, "2. The Chair"},
		{`&#169; &#x41; &#0; &bogus; &amp AT&T`, "© A \uFFFD &bogus; &amp AT&T"},
		{`\\&amp; and \&amp;`, `\& and &amp;`},
		{"a `code \\* &amp;` span", `a code \* &amp; span`},
		{"*emphasis* and [a \\] link](/x)", "emphasis and a ] link"},
		{`back\slash`, `back\slash`},
	} {
		d := r.Analyse([]byte(tc.src))
		if len(d.Blocks) != 1 || d.Blocks[0].Text != tc.want {
			t.Errorf("plain text of %q = %+v, want %q", tc.src, d.Blocks, tc.want)
		}
	}
}

// FuzzPlainText holds a paragraph's plain text to the text of its HTML:
// what search, excerpts and data files say is what the page shows.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		`a \[15\] b`, `&amp; &#35; &#x23; &nbsp; &ThisIsNot;`, "`a \\*` *b* _c_ ~~d~~",
		`<b>raw</b> <http://x.org> [l](/u "t") ![i](/s)`, `\\\*x\*`, "line one\nline two\\\nthree",
	} {
		f.Add(s)
	}
	r := New("/")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || strings.ContainsAny(src, "\x00\r") {
			return
		}
		var out bytes.Buffer
		d, err := r.AnalyseHTML([]byte(src), &out)
		if err != nil {
			t.Fatal(err)
		}
		// Only a document of one paragraph compares simply.
		if len(d.Blocks) != 1 || !bytes.HasPrefix(out.Bytes(), []byte(`<p id="p-1">`)) || bytes.Count(out.Bytes(), []byte("<p")) != 1 ||
			bytes.Contains(out.Bytes(), []byte("<img")) {
			return
		}
		want := strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(textOf(t, out.String())), "¶")), " ")
		got := strings.Join(strings.Fields(d.Blocks[0].Text), " ")
		if got != want {
			t.Errorf("plain text %q, page shows %q (HTML %q)", got, want, out.String())
		}
	})
}

// textOf is the text an HTML fragment shows.
func textOf(t *testing.T, s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}
