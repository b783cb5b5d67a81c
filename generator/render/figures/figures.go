// Package figures makes the site's figures from the Site: charts (an SVG
// drawn at build time, with the same figures as a table for screen
// readers) and the states × topics matrix.
package figures

import (
	"fmt"
	"html/template"
	"sort"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/charts"
	"github.com/plenary-archive/plenary/generator/render/format"
)

// Chart is a figure as a page shows it: its title, what it counts, and
// its body (see charts). A time line's figures are also given as a table
// for screen readers (Rows); bars are their own text.
type Chart struct {
	ID    string
	Title string
	Desc  string
	// LabelHeading and ValueHeading head the table's two columns.
	LabelHeading, ValueHeading string
	Rows                       []ChartRow
	Body                       template.HTML
}

// ChartRow is one figure of a chart's table, named in full.
type ChartRow struct {
	Label string
	Value int
}

// Links are the pages a chart's bars lead to.
type Links struct {
	// StateAtSession is what a state said at a session; StateOnTopic
	// what it said on a topic.
	StateAtSession func(*generator.State, *generator.Session) string
	StateOnTopic   func(*generator.State, *generator.Topic) string
}

// topStates is how many states a topic's chart shows: the rest are in the
// list beside it, and a chart of 190 bars says nothing.
const topStates = 15

// bars makes a chart of bars. The charts package escapes every text it
// writes, so its markup is trusted.
func bars(c charts.Chart, bs []charts.Bar) *Chart {
	return &Chart{ID: c.ID, Title: c.Title, Desc: c.Desc, Body: template.HTML(charts.Bars(c, bs))} //nolint:gosec // see above
}

// sessionNote is what a session's bar says besides its title: its
// process, when the archive has several, and its dates.
func sessionNote(ss *generator.Session) string {
	note := format.Span(ss.Start, ss.End)
	if ss.Process != "" {
		note = ss.Process + ", " + note
	}
	return note
}

// State is a state's figures: its statements per session, oldest
// session first, each bar leading to what it said there, and per topic,
// each leading to what it said on the topic. Only sessions it spoke at
// are shown, so the chart depends on the state alone, as its page's deps
// say.
func State(st *generator.State, links Links) []*Chart {
	var atSession func(*generator.Session) string
	var onTopic func(*generator.Topic) string
	if links.StateAtSession != nil {
		atSession = func(ss *generator.Session) string { return links.StateAtSession(st, ss) }
	}
	if links.StateOnTopic != nil {
		onTopic = func(t *generator.Topic) string { return links.StateOnTopic(st, t) }
	}
	return speaker(st.Name, len(st.Statements), st.BySession, st.Topics, atSession, onTopic)
}

// Group is a group's or stakeholder's figures, as a state's, without
// links: groups have no pages at each session or on each topic.
func Group(g *generator.Group) []*Chart {
	return speaker(g.Name, len(g.Statements), g.BySession, g.Topics, nil, nil)
}

// speaker is the figures of one speaker's statements; atSession and
// onTopic, when set, are where its bars lead.
func speaker(name string, total int, bySession []*generator.SessionStatements, topics []generator.TopicCount,
	atSession func(*generator.Session) string, onTopic func(*generator.Topic) string) []*Chart {
	var out []*Chart
	if n := len(bySession); n > 0 {
		bs := make([]charts.Bar, 0, n)
		for i := n - 1; i >= 0; i-- {
			g := bySession[i]
			b := charts.Bar{Label: g.Session.Title, Note: sessionNote(g.Session), Value: len(g.Statements)}
			if atSession != nil {
				b.URL = atSession(g.Session)
			}
			bs = append(bs, b)
		}
		out = append(out, bars(charts.Chart{
			ID: "chart-sessions", Title: "Statements by " + name + " per session",
			Desc: "Paragraphs in which " + name + " speaks at each session it spoke at, oldest first: " +
				format.Plural(total, "statement", "statements") + " across " + format.Plural(n, "session", "sessions") + ".",
			One: "statement", Many: "statements",
		}, bs))
	}
	if len(topics) > 0 {
		bs := make([]charts.Bar, 0, len(topics))
		for _, tc := range topics {
			b := charts.Bar{Label: tc.Topic.Title, Value: tc.Count}
			if onTopic != nil {
				b.URL = onTopic(tc.Topic)
			}
			bs = append(bs, b)
		}
		out = append(out, bars(charts.Chart{
			ID: "chart-topics", Title: "Statements by " + name + " per topic",
			Desc: "Paragraphs in which " + name + " speaks on each topic, most first. A paragraph may concern several topics.",
			One:  "statement", Many: "statements",
		}, bs))
	}
	return out
}

// Topic is a topic's figures: the states most engaged, each bar leading
// to what the state said on the topic, and its reports per session,
// oldest first.
func Topic(t *generator.Topic, links Links) []*Chart {
	var out []*Chart
	if len(t.States) > 0 {
		top := t.States[:min(topStates, len(t.States))]
		bs := make([]charts.Bar, 0, len(top))
		for _, sc := range top {
			b := charts.Bar{Label: sc.State.Name, Value: sc.Count}
			if links.StateOnTopic != nil {
				b.URL = links.StateOnTopic(sc.State, t)
			}
			bs = append(bs, b)
		}
		desc := "Paragraphs on " + t.Title + " naming each state, most first"
		if len(t.States) > len(top) {
			desc += ": the " + format.Plural(len(top), "state", "states") + " most engaged of " + format.Plural(len(t.States), "state", "states")
		}
		out = append(out, bars(charts.Chart{ID: "chart-states", Title: "Statements on " + t.Title + " per state", Desc: desc + ".",
			One: "statement", Many: "statements"}, bs))
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
		bs := make([]charts.Bar, 0, len(order))
		for _, ss := range order {
			bs = append(bs, charts.Bar{Label: ss.Title, Note: sessionNote(ss), URL: ss.URL, Value: count[ss]})
		}
		out = append(out, bars(charts.Chart{
			ID: "chart-weight", Title: "Reports on " + t.Title + " per session",
			Desc: format.Plural(len(t.Reports), "report", "reports") + " on this topic across " + format.Plural(len(bs), "session", "sessions") + ", oldest session first.",
			One:  "report", Many: "reports",
		}, bs))
	}
	return out
}

// Timeline is the home page's figure: every session at its dates,
// as high as its number of reports.
func Timeline(s *generator.Site) *Chart {
	spans := make([]charts.Span, 0, len(s.Sessions))
	out := &Chart{ID: "chart-timeline", LabelHeading: "Session", ValueHeading: "Reports"}
	for _, ss := range s.Sessions {
		title := ss.Title
		if ss.Process != "" {
			title = ss.Process + ": " + title
		}
		spans = append(spans, charts.Span{Bar: charts.Bar{Label: title + " (" + format.Span(ss.Start, ss.End) + ")", Value: len(ss.Reports)}, Start: ss.Start, End: ss.End})
		out.Rows = append(out.Rows, ChartRow{Label: spans[len(spans)-1].Label, Value: len(ss.Reports)})
	}
	out.Title = "Reports per session, over time"
	if n := len(s.Sessions); n > 0 {
		out.Title = fmt.Sprintf("Reports per session, %d–%d", s.Sessions[0].Start.Year(), s.Sessions[n-1].Start.Year())
	}
	out.Desc = "Each column is a session at its dates, as high as its number of reports: " +
		format.Plural(len(s.Reports), "report", "reports") + " from " + format.Plural(len(s.Sessions), "session", "sessions") + "."
	out.Body = template.HTML(charts.Timeline(charts.Chart{ID: out.ID, One: "report", Many: "reports"}, spans)) //nolint:gosec // escaped by charts
	return out
}
