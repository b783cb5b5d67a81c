package webpage

import (
	"os"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name, page string
		title      string
		blocks     []string // "p: text", "h: text", "li: text"
	}{
		{"article with furniture",
			`<!doctype html><html><head><title>Exchange on threats | Some outlet</title><script>var x = "leak";</script><style>p{}</style></head>
<body><header><a href="/">Home</a></header><nav><a href="javascript:alert(1)">Share</a></nav>
<article><h1>Exchange on threats</h1><p class="date">29 Mar 2022 15:00h - 18:00h</p>
<div class="share-buttons"><a>Tweet</a></div>
<p>Estonia warned <img src=x onerror="alert(2)">about <b>attacks</b> on <a href="javascript:void(0)">health</a> services.</p>
<ul><li>protecting hospitals;</li><li>sharing <em>threat</em> information;</li></ul>
<aside>Related: other events</aside><p hidden>Hidden text</p><p style="display: none">Also hidden</p>
<h2>Next steps</h2><p>Colombia spoke.<br>Brazil<br>We agree.</p>
<table><tr><th>State</th><th>Position</th></tr><tr><td>Chile</td><td>For</td></tr></table>
</article><footer>Subscribe to our newsletter.</footer></body></html>`,
			"Exchange on threats",
			[]string{"p: 29 Mar 2022 15:00h - 18:00h", "p: Estonia warned about attacks on health services.", "li: protecting hospitals;", "li: sharing threat information;",
				"h: Next steps", "p: Colombia spoke.", "p: Brazil", "p: We agree.", "p: State – Position", "p: Chile – For"}},
		{"no article: the paragraphs' container",
			`<html><head><title>A title :: Site</title></head><body><div id="menu"><p>Menu item one</p></div>
<div class="content"><p>First paragraph of the text, long enough to count.</p><p>Second one.</p></div><div class="footer"><p>Copyright</p></div></body></html>`,
			"A title",
			[]string{"p: First paragraph of the text, long enough to count.", "p: Second one."}},
		{"main element", `<body><main><h1>T</h1><p>x</p></main><p>outside</p></body>`, "T", []string{"p: x"}},
		{"role main", `<body><div role="main"><p>in</p></div><div role="navigation"><p>nav</p></div></body>`, "", []string{"p: in"}},
		{"title from the first heading", `<body><h2>Heading as title</h2><p>Text.</p></body>`, "Heading as title", []string{"p: Text."}},
		{"entities and spaces", `<article><h1>A &amp; B</h1><p>  x&nbsp;&lt;script&gt;  y
z </p></article>`, "A & B", []string{"p: x <script> y z"}},
		{"svg and math", `<article><h1>T</h1><svg><text>no</text></svg><math><mi>no</mi></math><p>yes</p></article>`, "T", []string{"p: yes"}},
	}
	kinds := map[Kind]string{Paragraph: "p", Heading: "h", Item: "li"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, kinds[b.Kind]+": "+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.blocks, "\n") {
				t.Errorf("blocks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.blocks, "\n"))
			}
		})
	}
}

func TestExtractHostile(t *testing.T) {
	// Too large: refused, not cut.
	if _, err := Extract(make([]byte, MaxBytes+1)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a huge page: %v", err)
	}
	// Nested beyond what the parser accepts: a clear error.
	deep := strings.Repeat("<div>", 5000) + "x"
	if _, err := Extract([]byte(deep)); err == nil {
		t.Error("5,000 nested elements were read")
	}
	// Many paragraphs: bounded blocks, no error.
	many := "<article><h1>T</h1>" + strings.Repeat("<p>x</p>", maxBlocks+10) + "</article>"
	a, err := Extract([]byte(many))
	if err != nil || len(a.Blocks) != maxBlocks {
		t.Errorf("many paragraphs: %d blocks, %v", len(a.Blocks), err)
	}
	// The acceptance page's shape.
	if data, err := os.ReadFile("testdata/hostile.html"); err == nil {
		a, err := Extract(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range a.Blocks {
			for _, bad := range []string{"alert", "javascript", "onerror", "tracker", "<"} {
				if strings.Contains(b.Text, bad) {
					t.Errorf("block %q keeps %q", b.Text, bad)
				}
			}
		}
	}
}
