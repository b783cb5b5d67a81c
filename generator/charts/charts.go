// Package charts draws the site's figures at build time, so they need no
// JavaScript, print, and read on a phone. It knows nothing of the
// archive: callers hand it labelled numbers.
//
// Bars are HTML: a list whose items are a label, its figure and a bar (a
// small SVG) as wide as the figure is large, so that labels wrap instead
// of being cut,
// text keeps the page's size at any width, each bar can link to what it
// counts, and the list is its own text alternative. A time line is an SVG
// of columns at their dates with the years below it in HTML, for the same
// reasons; its figures are also given as a table for screen readers.
// Text from content is escaped.
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
	Label string // what is counted: "Second substantive session", "France"
	Note  string // said after the label, smaller: dates, a process
	URL   string // where the bar leads, if anywhere
	Value int
}

// Chart is what every kind of chart needs besides its figures.
type Chart struct {
	// ID is unique on the page.
	ID    string
	Title string
	Desc  string
	// One and Many name what the figures count ("statement",
	// "statements"), for readers of the figures without their title.
	One, Many string
}

// unit is n with its unit: "1 statement", "12 statements".
func (c Chart) unit(n int) string {
	if n == 1 {
		return "1 " + c.One
	}
	return strconv.Itoa(n) + " " + c.Many
}

// Bars writes one bar per figure, in order, as a list: each item the
// label, the figure with its unit (the unit for screen readers only) and
// the bar, all linked to the bar's URL when it has one.
func Bars(c Chart, bars []Bar) string {
	peak := maxValue(bars)
	var b strings.Builder
	b.WriteString(`<ol class=bars>`)
	for _, bar := range bars {
		b.WriteString("<li>")
		if bar.URL != "" {
			fmt.Fprintf(&b, `<a href="%s">`, esc(bar.URL))
		} else {
			b.WriteString("<span class=bar-row>")
		}
		fmt.Fprintf(&b, `<span class=bar-label>%s`, esc(bar.Label))
		if bar.Note != "" {
			fmt.Fprintf(&b, ` <span class=bar-note>%s</span>`, esc(bar.Note))
		}
		unit := c.unit(bar.Value)
		fmt.Fprintf(&b, `</span> <span class=bar-value>%d<span class=visually-hidden>%s</span></span>`, bar.Value, esc(unit[len(strconv.Itoa(bar.Value)):]))
		fmt.Fprintf(&b, `<svg class=bar viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="%s" height="1"/></svg>`, num(100*scale(bar.Value, peak, 1)))
		if bar.URL != "" {
			b.WriteString("</a>")
		} else {
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol>")
	return b.String()
}

// Span is one event placed on a time line.
type Span struct {
	Bar
	Start, End time.Time // End may be zero or equal to Start
}

// Timeline draws events at their dates on a time axis of whole years,
// each as a column as high as its figure: sessions and their reports. The
// columns are an SVG hidden from screen readers, the years an HTML row
// below it; the figures are for the caller to give as text too.
func Timeline(c Chart, spans []Span) string {
	const width, height = 640.0, 120.0
	var b strings.Builder
	if len(spans) == 0 {
		return ""
	}
	first, last := spans[0].Start, spans[0].Start
	peak := 0
	for _, s := range spans {
		if s.Start.Before(first) {
			first = s.Start
		}
		if end := endOf(s); end.After(last) {
			last = end
		}
		peak = max(peak, s.Value)
	}
	from := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	total := to.Sub(from).Hours()
	x := func(t time.Time) float64 { return width * t.Sub(from).Hours() / total }
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class=timeline-svg viewBox="0 0 %s %s" preserveAspectRatio="none" aria-hidden="true" focusable="false">`, num(width), num(height))
	for y := from.Year() + 1; y < to.Year(); y++ {
		tx := x(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		fmt.Fprintf(&b, `<line class=tick x1="%s" x2="%s" y1="0" y2="%s"/>`, num(tx), num(tx), num(height))
	}
	for _, s := range spans {
		x0 := x(s.Start)
		// A session is a few days on an axis of years: give it a visible
		// minimum width.
		w := math.Max(x(endOf(s).AddDate(0, 0, 1))-x0, 4)
		h := scale(s.Value, peak, height)
		if s.Value == 0 {
			h = 1.5
		}
		fmt.Fprintf(&b, `<rect class=bar x="%s" y="%s" width="%s" height="%s"><title>%s</title></rect>`,
			num(x0), num(height-h), num(w), num(h), esc(s.Label+": "+c.unit(s.Value)))
	}
	b.WriteString(`</svg><ol class=timeline-years aria-hidden=true>`)
	for y := from.Year(); y < to.Year(); y++ {
		fmt.Fprintf(&b, "<li>%d</li>", y)
	}
	b.WriteString("</ol>")
	return b.String()
}

// endOf is the last day of a span.
func endOf(s Span) time.Time {
	if s.End.IsZero() || s.End.Before(s.Start) {
		return s.Start
	}
	return s.End
}

func maxValue(bars []Bar) int {
	m := 0
	for _, b := range bars {
		m = max(m, b.Value)
	}
	return m
}

// scale maps v of peak onto length; a non-zero figure is always visible.
func scale(v, peak int, length float64) float64 {
	if peak <= 0 || v <= 0 {
		return 0
	}
	return math.Max(length*float64(v)/float64(peak), length/100)
}

// num formats a number with at most one decimal: enough precision at
// this size, and the same text on every machine.
func num(f float64) string {
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

func esc(s string) string { return html.EscapeString(s) }
