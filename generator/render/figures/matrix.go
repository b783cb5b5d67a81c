package figures

import (
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/plenary-archive/plenary/generator"
)

// Matrix is the states × topics table of the whole archive or of one
// session: how many statements each state made on each topic, states
// with the most first, each cell linking to what the state said on the
// topic. A page shows a run of its rows (Page), so that it stays small.
type Matrix struct {
	Topics  []*generator.Topic
	Session *generator.Session // nil: the whole archive
	Rows    []MatrixRow        // this page's rows
	// First and Last are the ranks of the page's first and last rows,
	// from 1; States is the number of rows of the whole matrix.
	First, Last, States int
	// Shades say which counts each shade stands for, lightest first.
	Shades []MatrixShade
	all    []MatrixRow
}

// MatrixRow is one state's line of the matrix.
type MatrixRow struct {
	State *generator.State
	URL   string // the state's page, or its page at the session
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
	Topic string // the topic's title, which a phone shows in the cell
}

// MatrixShade is the range of counts a shade stands for.
type MatrixShade struct {
	Level    int
	From, To int
}

// MatrixLinks are the pages a matrix's rows and cells lead to.
type MatrixLinks struct {
	State        func(*generator.State) string
	StateOnTopic func(*generator.State, *generator.Topic) string
}

// matrixLevels is the number of shades of a non-empty cell.
const matrixLevels = 5

// NewMatrix is the matrix of s, or of its session ss when not nil.
func NewMatrix(s *generator.Site, ss *generator.Session, links MatrixLinks) *Matrix {
	m := &Matrix{Topics: s.Topics, Session: ss}
	col := make(map[*generator.Topic]int, len(s.Topics))
	for i, t := range s.Topics {
		col[t] = i
	}
	peak := 0
	for _, st := range s.States {
		row := MatrixRow{State: st, URL: links.State(st), Cells: make([]MatrixCell, len(s.Topics))}
		if ss == nil {
			row.Total = len(st.Statements)
			for _, tc := range st.Topics {
				row.Cells[col[tc.Topic]].Count = tc.Count
			}
		} else {
			for _, g := range st.BySession {
				if g.Session != ss {
					continue
				}
				row.Total = len(g.Statements)
				for _, stmt := range g.Statements {
					for _, t := range stmt.Paragraph.Topics {
						row.Cells[col[t]].Count++
					}
				}
			}
			if row.Total == 0 {
				continue
			}
		}
		for i := range row.Cells {
			peak = max(peak, row.Cells[i].Count)
		}
		m.all = append(m.all, row)
	}
	sort.SliceStable(m.all, func(i, j int) bool {
		if m.all[i].Total != m.all[j].Total {
			return m.all[i].Total > m.all[j].Total
		}
		return strings.ToLower(m.all[i].State.Name) < strings.ToLower(m.all[j].State.Name)
	})
	for _, row := range m.all {
		for i := range row.Cells {
			c := &row.Cells[i]
			t := s.Topics[i]
			c.Level = level(c.Count, peak)
			if c.Count > 0 {
				c.URL, c.Topic = links.StateOnTopic(row.State, t), t.Title
			}
		}
	}
	m.States = len(m.all)
	for n := 1; n <= peak; n++ {
		l := level(n, peak)
		if k := len(m.Shades); k == 0 || m.Shades[k-1].Level != l {
			m.Shades = append(m.Shades, MatrixShade{Level: l, From: n})
		}
		m.Shades[len(m.Shades)-1].To = n
	}
	return m
}

// Page is the matrix with its rows lo to hi (of States) only.
func (m *Matrix) Page(lo, hi int) *Matrix {
	p := *m
	p.Rows, p.First, p.Last = m.all[lo:hi], lo+1, hi
	return &p
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

// Body is the markup of the page's rows, written in Go as statement lists
// are: a session's matrix has thousands of cells, and the template
// engine's reflective calls per cell made them a noticeable part of a
// build. Each row is the state's name, linked, a cell per topic, shaded
// and linked to what the state said on it, and the state's total.
func (m *Matrix) Body() template.HTML {
	var b strings.Builder
	for _, row := range m.Rows {
		b.WriteString(`<tr><th scope=row><a href="`)
		b.WriteString(html.EscapeString(row.URL))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(row.State.Name))
		b.WriteString("</a></th>")
		for _, c := range row.Cells {
			if c.Level == 0 {
				b.WriteString("<td></td>")
				continue
			}
			b.WriteString(`<td class=l`)
			b.WriteString(strconv.Itoa(c.Level))
			b.WriteString(`><a href="`)
			b.WriteString(html.EscapeString(c.URL))
			b.WriteString(`" data-t="`)
			b.WriteString(html.EscapeString(c.Topic))
			b.WriteString(`">`)
			b.WriteString(strconv.Itoa(c.Count))
			b.WriteString("</a></td>")
		}
		b.WriteString("<td class=num>")
		b.WriteString(strconv.Itoa(row.Total))
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String()) //nolint:gosec // every value escaped above
}
