package render

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/charts"
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

// stateCharts are a state's figures: its statements per session, oldest
// session first, and per topic. Only sessions it spoke at are shown, so
// the chart depends on the state alone, as its page's deps say.
func stateCharts(st *generator.State) []*Chart {
	var out []*Chart
	if n := len(st.BySession); n > 0 {
		bars := make([]charts.Bar, 0, n)
		for i := n - 1; i >= 0; i-- {
			g := st.BySession[i]
			bars = append(bars, charts.Bar{Label: sessionLabel(g.Session), Title: g.Session.Title, Value: len(g.Statements)})
		}
		out = append(out, newChart(charts.Chart{
			ID: "chart-sessions", Title: "Statements by " + st.Name + " per session",
			Desc: plural(len(st.Statements), "statement", "statements") + " across " + plural(n, "session", "sessions") +
				", oldest session first. The table below gives each figure.",
			Unit: "statements",
		}, "Session", "Statements", bars, charts.Columns))
	}
	if len(st.Topics) > 0 {
		bars := make([]charts.Bar, 0, len(st.Topics))
		for _, tc := range st.Topics {
			bars = append(bars, charts.Bar{Label: tc.Topic.Title, Value: tc.Count})
		}
		out = append(out, newChart(charts.Chart{
			ID: "chart-topics", Title: "Topics " + st.Name + " spoke on",
			Desc: "Statements by " + st.Name + " per topic, most first. A statement may concern several topics.",
			Unit: "statements",
		}, "Topic", "Statements", bars, charts.Horizontal))
	}
	return out
}

// topicCharts are a topic's figures: the states most engaged, and its
// reports per session, oldest first.
func topicCharts(t *generator.Topic) []*Chart {
	var out []*Chart
	if len(t.States) > 0 {
		top := t.States[:min(topStates, len(t.States))]
		bars := make([]charts.Bar, 0, len(top))
		for _, sc := range top {
			bars = append(bars, charts.Bar{Label: sc.State.Name, Value: sc.Count})
		}
		desc := "Statements on " + t.Title + " per state, most first"
		if len(t.States) > len(top) {
			desc += ": the " + plural(len(top), "state", "states") + " most engaged of " + plural(len(t.States), "state", "states")
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
			Desc: plural(len(t.Reports), "report", "reports") + " on this topic across " + plural(len(bars), "session", "sessions") + ", oldest session first.",
			Unit: "reports",
		}, "Session", "Reports", bars, charts.Columns))
	}
	return out
}

// timelineChart is the home page's figure: every session at its dates,
// as high as its number of reports.
func timelineChart(s *generator.Site) *Chart {
	spans := make([]charts.Span, 0, len(s.Sessions))
	bars := make([]charts.Bar, 0, len(s.Sessions))
	for _, ss := range s.Sessions {
		b := charts.Bar{Label: sessionLabel(ss), Title: ss.Title + " (" + span(ss.Start, ss.End) + ")", Value: len(ss.Reports)}
		spans = append(spans, charts.Span{Bar: b, Start: ss.Start, End: ss.End})
		bars = append(bars, b)
	}
	c := charts.Chart{
		ID: "chart-timeline", Title: "Sessions over time",
		Desc: plural(len(s.Sessions), "session", "sessions") + " on a time line, each as high as its number of reports (" +
			plural(len(s.Reports), "report", "reports") + " in all).",
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

func matrix(s *generator.Site) *Matrix {
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
			c.Label = row.State.Name + ", " + t.Title + ": " + plural(c.Count, "statement", "statements")
			if c.Count > 0 {
				c.URL = row.State.URL + stateTopicsDir + "#" + topicAnchor(t)
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

// topicAnchor is the id of a topic's section on a state's page by topic,
// which the matrix links to.
func topicAnchor(t *generator.Topic) string { return "topic-" + t.Key }

// StateTopic is a topic's section on a state's page by topic: how often the state
// spoke on it, its latest statements on it, and where to find the rest.
type StateTopic struct {
	Topic  *generator.Topic
	ID     string // the anchor the matrix links to
	Count  int
	Latest []*generator.Statement
	// List is Latest's markup, written in Go as a state's page lists are
	// (see StateSession.List): on a 1,000-report archive these pages took
	// 0.27 s of the build's 3.5 s of CPU, most of it the template engine's.
	List template.HTML
	// More is a search for all of the state's statements on the topic,
	// when there are more than Latest shows and the site has a search.
	More string
}

// stateTopicLatest is how many statements a topic's section shows: enough
// to read what the state says on it, few enough that the page stays small
// for a state with thousands of statements.
const stateTopicLatest = 5

func stateTopics(s *generator.Site, texts *bodies.Store, st *generator.State) ([]StateTopic, error) {
	out := make([]StateTopic, len(st.Topics))
	at := make(map[*generator.Topic]int, len(st.Topics))
	for i, tc := range st.Topics {
		at[tc.Topic] = i
		out[i] = StateTopic{Topic: tc.Topic, ID: topicAnchor(tc.Topic), Count: tc.Count}
		if tc.Count > stateTopicLatest && s.SearchURL != "" {
			out[i].More = s.SearchURL + "?" + url.Values{"state": {st.Slug}, "topic": {tc.Topic.Key}}.Encode()
		}
	}
	full := 0
	for _, stmt := range st.Statements {
		for _, t := range stmt.Paragraph.Topics {
			i, ok := at[t]
			if !ok || len(out[i].Latest) >= stateTopicLatest {
				continue
			}
			out[i].Latest = append(out[i].Latest, stmt)
			if len(out[i].Latest) == stateTopicLatest {
				full++
			}
		}
		if full == len(out) {
			break
		}
	}
	for i := range out {
		var err error
		if out[i].List, err = topicStatements(texts, out[i].Latest); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// topicStatements is the markup of a topic's latest statements on a
// state's page by topic.
func topicStatements(texts *bodies.Store, stmts []*generator.Statement) (template.HTML, error) {
	var b strings.Builder
	for _, s := range stmts {
		text, err := texts.Text(s.Paragraph)
		if err != nil {
			return "", fmt.Errorf("%s: %w", s.Report.SourcePath, err)
		}
		b.WriteString(`<li><blockquote cite="`)
		writeStatementURL(&b, s)
		b.WriteString(`"><p>`)
		writeExcerpt(&b, s, text)
		b.WriteString(`</p></blockquote><p class=meta><a href="`)
		writeStatementURL(&b, s)
		b.WriteString(`">`)
		writeText(&b, s.Report.Title)
		b.WriteString(`, paragraph `)
		b.WriteString(strconv.Itoa(s.Paragraph.N))
		b.WriteString(`</a> · <time datetime="`)
		b.WriteString(s.Report.Date.Format(time.RFC3339))
		b.WriteString(`">`)
		b.WriteString(s.Report.Date.Format("2 January 2006"))
		b.WriteString("</time></p></li>")
	}
	return template.HTML(b.String()), nil //nolint:gosec // every value escaped above
}
