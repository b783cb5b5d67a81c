package charts

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// decode parses svg as strict XML and returns the text of its title and
// desc, the tooltips, and how many bars it draws.
func decode(t *testing.T, svg string) (title, desc string, tips []string, bars int) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	dec.Strict = true
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			if e.Name.Local == "rect" {
				for _, a := range e.Attr {
					if a.Name.Local == "class" && a.Value == "bar" {
						bars++
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			switch {
			case len(stack) == 2 && stack[1] == "title":
				title += string(e)
			case len(stack) == 2 && stack[1] == "desc":
				desc += string(e)
			case len(stack) == 3 && stack[2] == "title":
				tips = append(tips, string(e))
			}
		}
	}
	return title, desc, tips, bars
}

// TestEscaping draws every kind of chart with labels that are markup and
// checks that the result is well-formed and says the labels as text.
func TestEscaping(t *testing.T) {
	c := Chart{ID: `c"1`, Title: `A & <b>`, Desc: `"quoted" 'text' </svg>`, Unit: "statements"}
	bars := []Bar{
		{Label: `Côte d'Ivoire`, Value: 3},
		{Label: `<script>alert(1)</script>`, Title: `x & y`, Value: 0},
		{Label: strings.Repeat("long ", 20), Value: 12},
	}
	spans := []Span{
		{Bar: bars[0], Start: time.Date(2021, 12, 13, 0, 0, 0, 0, time.UTC), End: time.Date(2021, 12, 17, 0, 0, 0, 0, time.UTC)},
		{Bar: bars[1], Start: time.Date(2022, 3, 28, 0, 0, 0, 0, time.UTC)},
		{Bar: bars[2], Start: time.Date(2024, 7, 8, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 7, 12, 0, 0, 0, 0, time.UTC)},
	}
	for name, svg := range map[string]string{
		"horizontal": Horizontal(c, bars),
		"columns":    Columns(c, bars),
		"timeline":   Timeline(c, spans),
	} {
		title, desc, tips, n := decode(t, svg)
		if title != c.Title || desc != c.Desc {
			t.Errorf("%s: title %q, desc %q", name, title, desc)
		}
		if n != len(bars) {
			t.Errorf("%s: %d bars for %d figures", name, n, len(bars))
		}
		want := []string{"Côte d'Ivoire: 3 statements", "x & y: 0 statements", strings.Repeat("long ", 20) + ": 12 statements"}
		if strings.Join(tips, "|") != strings.Join(want, "|") {
			t.Errorf("%s: tooltips %q, want %q", name, tips, want)
		}
		if strings.Contains(svg, "<script") || strings.Contains(svg, "<b>") {
			t.Errorf("%s: markup from labels is in the SVG:\n%s", name, svg)
		}
		if !strings.Contains(svg, `role="img" aria-labelledby="c&#34;1-t c&#34;1-d"`) {
			t.Errorf("%s: the SVG is not labelled by its title and description:\n%s", name, svg)
		}
	}
}

// TestScale checks the figures' geometry: the longest bar is the largest
// figure, zero draws nothing, and a bar's length is proportional.
func TestScale(t *testing.T) {
	svg := Horizontal(Chart{ID: "h"}, []Bar{{Label: "a", Value: 10}, {Label: "b", Value: 5}, {Label: "c", Value: 0}})
	for _, want := range []string{
		`x="200" y="11" width="388" height="16"`, // 10 of 10: the whole plot
		`x="200" y="37" width="194" height="16"`, // 5 of 10: half
		`x="200" y="63" width="0" height="16"`,   // nothing
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %q:\n%s", want, svg)
		}
	}
	for v, want := range map[int]int{0: 1, 1: 1, 2: 2, 3: 5, 7: 10, 11: 20, 50: 50, 51: 100, 999: 1000} {
		if got := niceMax(v); got != want {
			t.Errorf("niceMax(%d) = %d, want %d", v, got, want)
		}
	}
	if got := fit("Bolivia (Plurinational State of)", 12); got != "Bolivia (Pl…" {
		t.Errorf("fit: %q", got)
	}
}

// TestEmptyTimeline checks that a site without sessions still gets a
// valid, labelled chart.
func TestEmptyTimeline(t *testing.T) {
	title, desc, _, n := decode(t, Timeline(Chart{ID: "t", Title: "None", Desc: "No sessions."}, nil))
	if title != "None" || desc != "No sessions." || n != 0 {
		t.Errorf("title %q, desc %q, %d bars", title, desc, n)
	}
}
