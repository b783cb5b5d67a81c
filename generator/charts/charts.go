// Package charts draws the site's figures as inline SVG at build time, so
// they need no JavaScript, print, and scale with the page. It knows nothing
// of the archive: callers hand it labelled numbers.
//
// Every chart is an image with a text alternative: role="img" labelled by
// its <title> and <desc>, and each mark carries a <title> tooltip with its
// figure. Colours come from CSS classes (the theme's variables, so light
// and dark mode both work) over currentColor fallbacks, for readers that
// show the SVG without the stylesheet. Text from content is escaped; the
// output is well-formed XML as well as HTML.
package charts

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"time"
)

// Bar is one figure of a chart.
type Bar struct {
	Label string // short, on the axis: "Mar 2022", "France"
	Title string // in full, in the tooltip; Label when empty
	Value int
}

// Chart is what every kind of chart needs besides its figures.
type Chart struct {
	// ID prefixes the ids of the title and description; it must be unique
	// on the page.
	ID    string
	Title string
	Desc  string
	// Unit names what the figures count ("statements"), for tooltips.
	Unit string
}

// Width is the width of every chart's view box; charts scale to their
// container, so this sets proportions and type size, not pixels.
const Width = 640

const (
	fontSize = 14
	// labelRunes is how many characters of a label fit left of a
	// horizontal chart's bars at fontSize; longer ones are shortened.
	labelRunes = 24
)

// Horizontal draws one bar per row, label on the left and figure on the
// right: for ranked lists such as the states most engaged on a topic.
func Horizontal(c Chart, bars []Bar) string {
	const rowH, barH, top, labelW, valueW = 26.0, 16.0, 6.0, 200.0, 52.0
	plotW := Width - labelW - valueW
	height := top*2 + rowH*float64(len(bars))
	peak := maxValue(bars)
	var b strings.Builder
	begin(&b, c, height)
	for i, bar := range bars {
		y := top + rowH*float64(i)
		mid := y + rowH/2
		w := scale(bar.Value, peak, plotW)
		fmt.Fprintf(&b, `<g class="mark"><title>%s</title>`, esc(tooltip(c, bar)))
		fmt.Fprintf(&b, `<text class="label" x="%s" y="%s" dy="0.35em" text-anchor="end">%s</text>`,
			num(labelW-8), num(mid), esc(fit(bar.Label, labelRunes)))
		fmt.Fprintf(&b, `<rect class="bar" fill="currentColor" x="%s" y="%s" width="%s" height="%s" rx="2"/>`,
			num(labelW), num(mid-barH/2), num(w), num(barH))
		fmt.Fprintf(&b, `<text class="value" x="%s" y="%s" dy="0.35em">%d</text>`, num(labelW+w+6), num(mid), bar.Value)
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Columns draws one column per bar in order, for a figure over a sequence
// such as sessions; labels are thinned out when there are many columns.
func Columns(c Chart, bars []Bar) string {
	const height, top, bottom, left, right = 260.0, 18.0, 72.0, 40.0, 8.0
	plotW, plotH := Width-left-right, height-top-bottom
	n := max(len(bars), 1)
	slot := plotW / float64(n)
	barW := math.Min(slot*0.7, 48)
	peak := niceMax(maxValue(bars))
	var b strings.Builder
	begin(&b, c, height)
	axis(&b, left, Width-right, top, plotH, peak)
	every := (len(bars) + 23) / 24 // at most 24 labels fit under the axis
	for i, bar := range bars {
		x := left + slot*float64(i) + (slot-barW)/2
		h := scale(bar.Value, peak, plotH)
		fmt.Fprintf(&b, `<g class="mark"><title>%s</title>`, esc(tooltip(c, bar)))
		fmt.Fprintf(&b, `<rect class="bar" fill="currentColor" x="%s" y="%s" width="%s" height="%s" rx="2"/>`,
			num(x), num(top+plotH-h), num(barW), num(h))
		cx := x + barW/2
		if len(bars) <= 24 && bar.Value > 0 {
			fmt.Fprintf(&b, `<text class="value" x="%s" y="%s" text-anchor="middle">%d</text>`, num(cx), num(top+plotH-h-4), bar.Value)
		}
		if i%every == 0 {
			ly := top + plotH + 14
			fmt.Fprintf(&b, `<text class="label" x="%s" y="%s" text-anchor="end" transform="rotate(-40 %s %s)">%s</text>`,
				num(cx), num(ly), num(cx), num(ly), esc(fit(bar.Label, 12)))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Span is one event placed on a time line.
type Span struct {
	Bar
	Start, End time.Time // End may be zero or equal to Start
}

// Timeline draws events at their dates on a time axis with a tick per
// year, each as a column as high as its figure: sessions and their reports.
func Timeline(c Chart, spans []Span) string {
	const height, top, bottom, left, right = 180.0, 16.0, 30.0, 40.0, 12.0
	plotW, plotH := Width-left-right, height-top-bottom
	var b strings.Builder
	begin(&b, c, height)
	if len(spans) == 0 {
		b.WriteString(`</svg>`)
		return b.String()
	}
	first, last := spans[0].Start, spans[0].Start
	peakV := 0
	for _, s := range spans {
		if s.Start.Before(first) {
			first = s.Start
		}
		end := s.End
		if end.IsZero() || end.Before(s.Start) {
			end = s.Start
		}
		if end.After(last) {
			last = end
		}
		peakV = max(peakV, s.Value)
	}
	// The axis runs over whole years so that year ticks frame the events.
	from := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	total := to.Sub(from).Hours()
	x := func(t time.Time) float64 { return left + plotW*t.Sub(from).Hours()/total }
	peak := niceMax(peakV)
	axis(&b, left, Width-right, top, plotH, peak)
	for y := from.Year(); y <= to.Year(); y++ {
		tx := x(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		fmt.Fprintf(&b, `<line class="tick" stroke="currentColor" x1="%s" x2="%s" y1="%s" y2="%s"/>`, num(tx), num(tx), num(top+plotH), num(top+plotH+5))
		if y < to.Year() {
			// A year's label sits in the middle of its year.
			mx := x(time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC))
			fmt.Fprintf(&b, `<text class="label" x="%s" y="%s" text-anchor="middle">%d</text>`, num(mx), num(top+plotH+18), y)
		}
	}
	for _, s := range spans {
		x0 := x(s.Start)
		end := s.End
		if end.IsZero() || end.Before(s.Start) {
			end = s.Start
		}
		// A session is a few days on an axis of years: give it a visible
		// minimum width, centred on its dates.
		w := math.Max(x(end.AddDate(0, 0, 1))-x0, 4)
		h := scale(s.Value, peak, plotH)
		if s.Value == 0 {
			h = 1.5
		}
		fmt.Fprintf(&b, `<g class="mark"><title>%s</title>`, esc(tooltip(c, s.Bar)))
		fmt.Fprintf(&b, `<rect class="bar" fill="currentColor" x="%s" y="%s" width="%s" height="%s"/>`,
			num(x0), num(top+plotH-h), num(w), num(h))
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// begin writes the svg element with its accessible name and description.
// No width or height: the stylesheet sizes it, the view box keeps its shape.
func begin(b *strings.Builder, c Chart, height float64) {
	id := esc(c.ID)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 %d %s" role="img" aria-labelledby="%s-t %s-d" font-size="%d">`,
		Width, num(height), id, id, fontSize)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(c.Title), id, esc(c.Desc))
}

// axis draws the horizontal grid lines and their figures at 0, half the
// peak and the peak.
func axis(b *strings.Builder, x0, x1, top, plotH float64, peak int) {
	ticks := []int{0, peak}
	if peak%2 == 0 && peak >= 2 {
		ticks = []int{0, peak / 2, peak}
	}
	for _, v := range ticks {
		y := top + plotH - scale(v, peak, plotH)
		fmt.Fprintf(b, `<line class="grid" stroke="currentColor" stroke-opacity="0.25" x1="%s" x2="%s" y1="%s" y2="%s"/>`, num(x0), num(x1), num(y), num(y))
		fmt.Fprintf(b, `<text class="axis" x="%s" y="%s" dy="0.35em" text-anchor="end">%d</text>`, num(x0-6), num(y), v)
	}
}

func tooltip(c Chart, bar Bar) string {
	name := bar.Title
	if name == "" {
		name = bar.Label
	}
	if c.Unit == "" {
		return name + ": " + strconv.Itoa(bar.Value)
	}
	return name + ": " + strconv.Itoa(bar.Value) + " " + c.Unit
}

func maxValue(bars []Bar) int {
	m := 0
	for _, b := range bars {
		m = max(m, b.Value)
	}
	return m
}

// niceMax rounds a peak up to 1, 2 or 5 times a power of ten, so that the
// axis' figures are round.
func niceMax(v int) int {
	if v <= 1 {
		return 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= v {
				return m * p
			}
		}
	}
}

// scale maps v of peak onto length; a non-zero figure is always visible.
func scale(v, peak int, length float64) float64 {
	if peak <= 0 || v <= 0 {
		return 0
	}
	return math.Max(length*float64(v)/float64(peak), 1)
}

// num formats a coordinate with at most one decimal: enough precision at
// this size, and the same text on every machine.
func num(f float64) string {
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// fit shortens a label to n characters; the tooltip and the table carry it
// in full.
func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func esc(s string) string { return html.EscapeString(s) }
