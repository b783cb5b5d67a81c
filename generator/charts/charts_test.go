package charts

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// text is what an HTML fragment says, and its links.
func text(t *testing.T, s string) (string, []string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var links []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String(), links
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken:
			for _, a := range z.Token().Attr {
				if a.Key == "href" {
					links = append(links, a.Val)
				}
			}
		}
	}
}

// TestBars checks that bars say their labels as text, escaped, with the
// figure and its unit in the singular or plural, and link where asked.
func TestBars(t *testing.T) {
	c := Chart{ID: "c", Title: "T", One: "statement", Many: "statements"}
	out := Bars(c, []Bar{
		{Label: `<script>alert(1)</script>`, Note: "28 March – 1 April 2022", URL: "/states/x/sessions/s1/?a=1&b=2", Value: 1},
		{Label: `Côte d'Ivoire & co`, Value: 12},
		{Label: "none", Value: 0},
	})
	got, links := text(t, out)
	for _, want := range []string{"<script>alert(1)</script> 28 March – 1 April 2022 1 statement", "Côte d'Ivoire & co 12 statements", "none 0 statements"} {
		if !strings.Contains(got, want) {
			t.Errorf("bars say %q, lacking %q", got, want)
		}
	}
	if strings.Contains(out, "<script>") || len(links) != 1 || links[0] != "/states/x/sessions/s1/?a=1&b=2" {
		t.Errorf("bars %s: links %v", out, links)
	}
	for _, w := range []string{`<rect width="8.3" height="1"/>`, `<rect width="100" height="1"/>`, `<rect width="0" height="1"/>`} {
		if !strings.Contains(out, w) {
			t.Errorf("bars lack %s: %s", w, out)
		}
	}
}

// TestTimeline checks that the time line's SVG is well-formed, draws a
// column per event with its figure in a tooltip, and lists every year.
func TestTimeline(t *testing.T) {
	c := Chart{ID: "t", One: "report", Many: "reports"}
	out := Timeline(c, []Span{
		{Bar: Bar{Label: "First & <b>", Value: 3}, Start: time.Date(2021, 12, 13, 0, 0, 0, 0, time.UTC), End: time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC)},
		{Bar: Bar{Label: "Second", Value: 1}, Start: time.Date(2023, 3, 28, 0, 0, 0, 0, time.UTC)},
	})
	svg := out[:strings.Index(out, "</svg>")+len("</svg>")]
	dec := xml.NewDecoder(strings.NewReader(strings.ReplaceAll(strings.ReplaceAll(svg, "class=timeline-svg", `class="timeline-svg"`), "class=bar ", `class="bar" `)))
	dec.Strict = false
	var tips []string
	inTitle := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inTitle = e.Name.Local == "title"
		case xml.CharData:
			if inTitle {
				tips = append(tips, string(e))
			}
		case xml.EndElement:
			inTitle = false
		}
	}
	if strings.Join(tips, "|") != "First & <b>: 3 reports|Second: 1 report" {
		t.Errorf("tooltips %q", tips)
	}
	if years, _ := text(t, out[len(svg):]); years != "202120222023" {
		t.Errorf("years %q", years)
	}
}
