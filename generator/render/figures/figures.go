// Package figures makes the site's figures from the Site: charts (an SVG
// drawn at build time, with the same figures as a table for screen
// readers) and the states × topics matrix.
package figures

import (
	"html/template"
	"math"
	"sort"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/charts"
	"github.com/plenary-archive/plenary/generator/render/format"
)

// Chart is a figure as a page shows it: the SVG drawn at build time and
// the same figures as a table, visually hidden, for screen readers and
// for readers who want the numbers.
type Chart struct {
	ID    string
	Title string
	Desc  string
	// LabelHeading and ValueHeading head the table's two columns.
	LabelHeading, ValueHeading string
	Rows                       []ChartRow
	SVG                        template.HTML
}

// ChartRow is one figure of a chart's table, named in full.
type ChartRow struct {
	Label string
	Value int
}

// topStates is how many states a topic's chart shows: the rest are in the
// list beside it, and a chart of 190 bars says nothing.
const topStates = 15

// newChart draws bars with draw and keeps the figures for the table.
func newChart(c charts.Chart, labelHead, valueHead string, bars []charts.Bar, draw func(charts.Chart, []charts.Bar) string) *Chart {
	out := &Chart{ID: c.ID, Title: c.Title, Desc: c.Desc, LabelHeading: labelHead, ValueHeading: valueHead}
	for _, b := range bars {
		label := b.Title
		if label == "" {
			label = b.Label
		}
		out.Rows = append(out.Rows, ChartRow{Label: label, Value: b.Value})
	}
	// The charts package escapes every text it writes and emits nothing
	// else from content, so its SVG is trusted as markup.
	out.SVG = template.HTML(draw(c, bars)) //nolint:gosec // see above
	return out
}

// sessionLabel is a session on a chart's axis: its month, short enough to
// fit under a column.
func sessionLabel(ss *generator.Session) string { return ss.Start.Format("Jan 2006") }

// State is a state's figures: its statements per session, oldest
// session first, and per topic. Only sessions it spoke at are shown, so
// the chart depends on the state alone, as its page's deps say.
func State(st *generator.State) []*Chart {
	return speaker(st.Name, len(st.Statements), st.BySession, st.Topics)
}

// Group is a group's or stakeholder's figures, as a state's.
func Group(g *generator.Group) []*Chart {
	return speaker(g.Name, len(g.Statements), g.BySession, g.Topics)
}

// speaker is the figures of one speaker's statements.
func speaker(name string, total int, bySession []*generator.SessionStatements, topics []generator.TopicCount) []*Chart {
	var out []*Chart
	if n := len(bySession); n > 0 {
		bars := make([]charts.Bar, 0, n)
		for i := n - 1; i >= 0; i-- {
			g := bySession[i]
			bars = append(bars, charts.Bar{Label: sessionLabel(g.Session), Title: g.Session.Title, Value: len(g.Statements)})
		}
		out = append(out, newChart(charts.Chart{
			ID: "chart-sessions", Title: "Statements by " + name + " per session",
			Desc: format.Plural(total, "statement", "statements") + " across " + format.Plural(n, "session", "sessions") +
				", oldest session first. The table below gives each figure.",
			Unit: "statements",
		}, "Session", "Statements", bars, charts.Columns))
	}
	if len(topics) > 0 {
		bars := make([]charts.Bar, 0, len(topics))
		for _, tc := range topics {
			bars = append(bars, charts.Bar{Label: tc.Topic.Title, Value: tc.Count})
		}
		out = append(out, newChart(charts.Chart{
			ID: "chart-topics", Title: "Topics " + name + " spoke on",
			Desc: "Statements by " + name + " per topic, most first. A statement may concern several topics.",
			Unit: "statements",
		}, "Topic", "Statements", bars, charts.Horizontal))
	}
	return out
}

// Topic is a topic's figures: the states most engaged, and its
// reports per session, oldest first.
func Topic(t *generator.Topic) []*Chart {
	var out []*Chart
	if len(t.States) > 0 {
		top := t.States[:min(topStates, len(t.States))]
		bars := make([]charts.Bar, 0, len(top))
		for _, sc := range top {
			bars = append(bars, charts.Bar{Label: sc.State.Name, Value: sc.Count})
		}
		desc := "Statements on " + t.Title + " per state, most first"
		if len(t.States) > len(top) {
			desc += ": the " + format.Plural(len(top), "state", "states") + " most engaged of " + format.Plural(len(t.States), "state", "states")
		}
		out = append(out, newChart(charts.Chart{ID: "chart-states", Title: "States most engaged on " + t.Title, Desc: desc + ".", Unit: "statements"},
			"State", "Statements", bars, charts.Horizontal))
	}
	if len(t.Reports) > 0 {
		count := map[*generator.Session]int{}
		var order []*generator.Session
		for _, r := range t.Reports {
			if r.Session == nil {
				continue
			}
			if count[r.Session] == 0 {
				order = append(order, r.Session)
			}
			count[r.Session]++
		}
		sort.Slice(order, func(i, j int) bool {
			a, b := order[i], order[j]
			if !a.Start.Equal(b.Start) {
				return a.Start.Before(b.Start)
			}
			return a.Key < b.Key
		})
		bars := make([]charts.Bar, 0, len(order))
		for _, ss := range order {
			bars = append(bars, charts.Bar{Label: sessionLabel(ss), Title: ss.Title, Value: count[ss]})
		}
		out = append(out, newChart(charts.Chart{
			ID: "chart-weight", Title: "Reports on " + t.Title + " per session",
			Desc: format.Plural(len(t.Reports), "report", "reports") + " on this topic across " + format.Plural(len(bars), "session", "sessions") + ", oldest session first.",
			Unit: "reports",
		}, "Session", "Reports", bars, charts.Columns))
	}
	return out
}

// Timeline is the home page's figure: every session at its dates,
// as high as its number of reports.
func Timeline(s *generator.Site) *Chart {
	spans := make([]charts.Span, 0, len(s.Sessions))
	bars := make([]charts.Bar, 0, len(s.Sessions))
	for _, ss := range s.Sessions {
		b := charts.Bar{Label: sessionLabel(ss), Title: ss.Title + " (" + format.Span(ss.Start, ss.End) + ")", Value: len(ss.Reports)}
		spans = append(spans, charts.Span{Bar: b, Start: ss.Start, End: ss.End})
		bars = append(bars, b)
	}
	c := charts.Chart{
		ID: "chart-timeline", Title: "Sessions over time",
		Desc: format.Plural(len(s.Sessions), "session", "sessions") + " on a time line, each as high as its number of reports (" +
			format.Plural(len(s.Reports), "report", "reports") + " in all).",
		Unit: "reports",
	}
	return newChart(c, "Session", "Reports", bars, func(c charts.Chart, _ []charts.Bar) string { return charts.Timeline(c, spans) })
}

// Matrix is the states × topics table: how many statements each state
// made on each topic, each non-empty cell linking to that topic's section
// of the state's page.
type Matrix struct {
	Topics []*generator.Topic
	Rows   []MatrixRow
	Max    int // the largest cell, which gets the darkest shade
}

// MatrixRow is one state's line of the matrix.
type MatrixRow struct {
	State *generator.State
	Total int
	Cells []MatrixCell
}

// MatrixCell is one state's statements on one topic.
type MatrixCell struct {
	Count int
	// Level is the cell's shade, 0 (none) to 5, on a logarithmic scale:
	// counts run from one to thousands, and a linear scale would leave all
	// but the busiest states blank.
	Level int
	URL   string // empty when Count is 0
	Label string // the cell in words, for screen readers and tooltips
}

// matrixLevels is the number of shades of a non-empty cell.
const matrixLevels = 5

// NewMatrix is the matrix of s, each non-empty cell linking to cellURL.
func NewMatrix(s *generator.Site, cellURL func(*generator.State, *generator.Topic) string) *Matrix {
	m := &Matrix{Topics: s.Topics}
	col := make(map[*generator.Topic]int, len(s.Topics))
	for i, t := range s.Topics {
		col[t] = i
	}
	for _, st := range s.States {
		row := MatrixRow{State: st, Total: len(st.Statements), Cells: make([]MatrixCell, len(s.Topics))}
		for _, tc := range st.Topics {
			row.Cells[col[tc.Topic]].Count = tc.Count
			m.Max = max(m.Max, tc.Count)
		}
		m.Rows = append(m.Rows, row)
	}
	for _, row := range m.Rows {
		for i := range row.Cells {
			c := &row.Cells[i]
			t := s.Topics[i]
			c.Level = level(c.Count, m.Max)
			c.Label = row.State.Name + ", " + t.Title + ": " + format.Plural(c.Count, "statement", "statements")
			if c.Count > 0 {
				c.URL = cellURL(row.State, t)
			}
		}
	}
	return m
}

func level(n, peak int) int {
	if n <= 0 || peak <= 0 {
		return 0
	}
	if peak == 1 {
		return matrixLevels
	}
	return 1 + int(math.Round(float64(matrixLevels-1)*math.Log(float64(n))/math.Log(float64(peak))))
}
