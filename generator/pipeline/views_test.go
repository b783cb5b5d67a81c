package pipeline_test

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

// The tests of the pages of figures and lists: charts, the matrix, and
// what a state said at a session and on a topic.

var (
	figureRE = regexp.MustCompile(`(?s)<figure class=chart id="?([a-z-]+)"?>(.*?)</figure>`)
	barRE    = regexp.MustCompile(`<li>(?:<a href="?([^" >]+)"?>|<span class=bar-row>)<span class=bar-label>(.*?)(?: <span class=bar-note>[^<]*</span>)?</span> <span class=bar-value>(\d+)<span class=visually-hidden> ([a-z]+)</span></span><svg class="?bar"? [^>]*><rect width="?[0-9.]+"? height="?1"?/?>(?:</rect>)?</svg>`)
	rowRE    = regexp.MustCompile(`<tr><th scope=row>(.*?)</th><td>(\d+)</td></tr>`)
	rectRE   = regexp.MustCompile(`<rect class="?bar"? `)
)

// bar is one bar of a chart: "label=value", where it leads, and its unit.
type bar struct{ figure, href, unit string }

// charts reads every chart of a page: its bars, or, for a time line, the
// rows of its table and its number of columns.
func charts(t *testing.T, dir, page string) map[string][]bar {
	t.Helper()
	out := map[string][]bar{}
	for _, m := range figureRE.FindAllStringSubmatch(read(t, dir, page), -1) {
		id, body := m[1], m[2]
		var bars []bar
		for _, b := range barRE.FindAllStringSubmatch(body, -1) {
			bars = append(bars, bar{html.UnescapeString(b[2]) + "=" + b[3], b[1], b[4]})
		}
		if rows := rowRE.FindAllStringSubmatch(body, -1); len(rows) > 0 {
			if n := len(rectRE.FindAllString(body, -1)); n != len(rows) {
				t.Errorf("%s %s: %d columns for %d rows", page, id, n, len(rows))
			}
			for _, r := range rows {
				bars = append(bars, bar{figure: html.UnescapeString(r[1]) + "=" + r[2]})
			}
		}
		out[id] = bars
	}
	return out
}

// TestCharts checks each chart against the model's figures: the label and
// figure of each bar, its unit in the singular or plural, and where it
// leads.
func TestCharts(t *testing.T) {
	dir, s := publishSite(t)
	france := findState(t, s, "france")
	law := findTopic(t, s, "law")
	var sessions, topics, states, timeline []bar
	unit := func(n int, one string) string {
		if n == 1 {
			return one
		}
		return one + "s"
	}
	for i := len(france.BySession) - 1; i >= 0; i-- {
		g := france.BySession[i]
		sessions = append(sessions, bar{fmt.Sprintf("%s=%d", g.Session.Title, len(g.Statements)), france.URL + "sessions/" + g.Session.Key + "/", unit(len(g.Statements), "statement")})
	}
	for _, tc := range france.Topics {
		topics = append(topics, bar{fmt.Sprintf("%s=%d", tc.Topic.Title, tc.Count), france.URL + "topics/" + tc.Topic.Key + "/", unit(tc.Count, "statement")})
	}
	for _, sc := range law.States {
		states = append(states, bar{fmt.Sprintf("%s=%d", sc.State.Name, sc.Count), sc.State.URL + "topics/law/", unit(sc.Count, "statement")})
	}
	weight := []bar{{"Third substantive session=2", s.BasePath + "sessions/s3/", "reports"}}
	for _, ss := range s.Sessions {
		timeline = append(timeline, bar{figure: fmt.Sprintf("OEWG 2021-2025: %s (%s)=%d", ss.Title, spanOf(ss), len(ss.Reports))})
	}
	// The model's figures, spelled out, so that a wrong model fails too.
	for _, c := range []struct {
		got  []bar
		want string
	}{
		{sessions, "Second substantive session=1;Third substantive session=3"},
		{topics, "International law=3;Programme of Action=2"},
		{states, "France=3;Egypt=1;Guinea-Bissau=1;Nigeria=1;Papua New Guinea=1"},
	} {
		var figs []string
		for _, b := range c.got {
			figs = append(figs, b.figure)
		}
		if strings.Join(figs, ";") != c.want {
			t.Errorf("the model's figures are %s, want %s", figs, c.want)
		}
	}
	for _, c := range []struct {
		page, id string
		want     []bar
	}{
		{"states/france/index.html", "chart-sessions", sessions},
		{"states/france/index.html", "chart-topics", topics},
		{"topics/law/index.html", "chart-states", states},
		{"topics/law/index.html", "chart-weight", weight},
		{"index.html", "chart-timeline", timeline},
	} {
		got, ok := charts(t, dir, c.page)[c.id]
		if !ok {
			t.Errorf("%s has no chart %s", c.page, c.id)
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %s:\n got %v\nwant %v", c.page, c.id, got, c.want)
		}
	}
	contains(t, dir, "index.html", "<figcaption><span class=chart-title>Reports per session, 2022–2023</span>", `aria-hidden="true"`, "<ol class=timeline-years aria-hidden=true><li>2022</li><li>2023</li></ol>")
	contains(t, dir, "states/kenya/index.html", "!<figure") // named in details only: no statements to chart
}

// spanOf is a session's dates as the site writes them.
func spanOf(ss *generator.Session) string {
	if ss.Start.Month() == ss.End.Month() {
		return ss.Start.Format("2") + "–" + ss.End.Format("2 January 2006")
	}
	return ss.Start.Format("2 January") + " – " + ss.End.Format("2 January 2006")
}

var (
	matrixRow  = regexp.MustCompile(`<tr><th scope=row><a href="?([^" >]+)"?>([^<]+)</a></th>(.*?)<td class=num>(\d+)</td></tr>`)
	matrixCell = regexp.MustCompile(`<td(?: class=l(\d))?>(?:<a href="?([^" >]+)"? data-t="([^"]*)">(\d+)</a>)?</td>`)
)

// TestMatrix checks every cell of the states × topics matrix of the whole
// archive, and of a session, against the model: states with the most
// statements first, each cell shaded, linking to what the state said on
// the topic, which lists as many statements.
func TestMatrix(t *testing.T) {
	dir, s := publishSite(t)
	order := slices.Clone(s.States)
	slices.SortStableFunc(order, func(a, b *generator.State) int { return len(b.Statements) - len(a.Statements) })
	check := func(page string, states []*generator.State, count func(*generator.State, *generator.Topic) int, total func(*generator.State) int) {
		rows := matrixRow.FindAllStringSubmatch(read(t, dir, page), -1)
		if len(rows) != len(states) {
			t.Fatalf("%s has %d rows for %d states", page, len(rows), len(states))
		}
		for i, st := range states {
			r := rows[i]
			if html.UnescapeString(r[2]) != st.Name || r[4] != strconv.Itoa(total(st)) {
				t.Errorf("%s row %d: %s %s, want %s %d", page, i, r[2], r[4], st.Name, total(st))
			}
			cells := matrixCell.FindAllStringSubmatch(r[3], -1)
			if len(cells) != len(s.Topics) {
				t.Errorf("%s: %s has %d cells for %d topics", page, st.Name, len(cells), len(s.Topics))
				continue
			}
			for j, tp := range s.Topics {
				c, n := cells[j], count(st, tp)
				if n == 0 {
					if c[1] != "" || c[2] != "" {
						t.Errorf("%s: %s × %s: level %s, link %q for no statements", page, st.Name, tp.Key, c[1], c[2])
					}
					continue
				}
				want := st.URL + "topics/" + tp.Key + "/"
				if c[1] == "" || c[4] != strconv.Itoa(n) || c[2] != want || html.UnescapeString(c[3]) != tp.Title {
					t.Errorf("%s: %s × %s: level %s, %s statements linking %s; want %d linking %s", page, st.Name, tp.Key, c[1], c[4], c[2], n, want)
				}
			}
		}
	}
	check("states/matrix/index.html", order, func(st *generator.State, tp *generator.Topic) int {
		for _, tc := range st.Topics {
			if tc.Topic == tp {
				return tc.Count
			}
		}
		return 0
	}, func(st *generator.State) int { return len(st.Statements) })
	// A session's matrix counts its statements only, of the states that
	// spoke at it.
	at := func(st *generator.State) []*generator.Statement {
		for _, g := range st.BySession {
			if g.Session.Key == "s3" {
				return g.Statements
			}
		}
		return nil
	}
	var atS3 []*generator.State
	for _, st := range s.States {
		if len(at(st)) > 0 {
			atS3 = append(atS3, st)
		}
	}
	slices.SortStableFunc(atS3, func(a, b *generator.State) int { return len(at(b)) - len(at(a)) })
	check("states/matrix/sessions/s3/index.html", atS3, func(st *generator.State, tp *generator.Topic) int {
		n := 0
		for _, stmt := range at(st) {
			if slices.Contains(stmt.Paragraph.Topics, tp) {
				n++
			}
		}
		return n
	}, func(st *generator.State) int { return len(at(st)) })
	// France spoke most on law: its cell has the strongest shade, and
	// the legend says what each shade stands for.
	contains(t, dir, "states/matrix/index.html",
		`<td class=l5><a href="/archive/states/france/topics/law/" data-t="International law">3</a></td>`,
		`<li class="l1">1</li>`, `href="/archive/states/matrix/sessions/s3/"`, `<script src="/archive/js/matrix.js" defer>`,
		"!href=/states/", "!href=/topics/", `!href="/states/`, `!href="/topics/`, // everything under the base path
	)
	contains(t, dir, "states/index.html", `<a href="/archive/states/matrix/">`)
}

var saidRE = regexp.MustCompile(`(?s)<li><blockquote><p>(.*?)</p></blockquote><p class=meta><a href="([^"]+)">Paragraph (\d+)</a>(.*?)</p></li>`)

// TestStateViews checks the pages of what a state said: at each session
// it spoke at, every statement it made there, the sentence naming it
// marked, with its topics; on each topic, every statement on it.
func TestStateViews(t *testing.T) {
	dir, s := publishSite(t)
	for _, st := range s.States {
		for _, g := range st.BySession {
			page := pagePath(s, st.URL+"sessions/"+g.Session.Key+"/")
			items := saidRE.FindAllStringSubmatch(read(t, dir, page), -1)
			if len(items) != len(g.Statements) {
				t.Errorf("%s lists %d statements, want %d", page, len(items), len(g.Statements))
				continue
			}
			for i, stmt := range g.Statements {
				it := items[i]
				if it[2] != stmt.URL() || !strings.Contains(it[1], "<mark>") {
					t.Errorf("%s: statement %d links %s, want %s, marked: %s", page, i, it[2], stmt.URL(), it[1])
				}
				for _, tp := range stmt.Paragraph.Topics {
					if !strings.Contains(it[4], `href="`+st.URL+"topics/"+tp.Key+`/">`+html.EscapeString(tp.Title)+"<") {
						t.Errorf("%s: statement %d lacks the chip of %s: %s", page, i, tp.Key, it[4])
					}
				}
			}
		}
		for _, tc := range st.Topics {
			page := pagePath(s, st.URL+"topics/"+tc.Topic.Key+"/")
			if n := len(saidRE.FindAllString(read(t, dir, page), -1)); n != tc.Count {
				t.Errorf("%s lists %d statements, want %d", page, n, tc.Count)
			}
		}
	}
	// What France said at the third session: its own sentence marked in
	// the paragraph, the other topics as chips, the session's neighbours.
	contains(t, dir, "states/france/sessions/s3/index.html",
		"<h1>France at the Third substantive session</h1>",
		"<p>3 statements in 2 reports.",
		"<mark>France said the UN Charter applies.</mark> Guinea-Bissau and Papua New Guinea agreed.",
		`<a rel=prev href="/archive/states/france/sessions/s2/"><span>Session before</span> Second substantive session</a>`,
	)
	contains(t, dir, "states/france/topics/law/index.html", "<h1>France on International law</h1>", `<a href="/archive/states/france/sessions/s3/">Third substantive session</a>`)
	contains(t, dir, "states/nigeria/sessions/s3/index.html", "<p>1 statement in 1 report.")
}
