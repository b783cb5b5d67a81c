package render

import (
	"fmt"
	"io"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/figures"
)

// matrixPath is the states × topics matrix of the whole archive, below
// the site's base path; a session's is below it, at sessions/<key>/.
const matrixPath = "states/matrix/"

// matrixRows is how many states a page of a matrix shows: few enough
// that a page stays under 2,000 elements.
const matrixRows = 40

// MatrixNav leads from one matrix page to the others: the pages of the
// same matrix, and the matrices of the whole archive and each session.
type MatrixNav struct {
	Pages    []NavLink
	Matrices []NavLink
}

// NavLink is a link of a navigation, Current when it is the page shown.
type NavLink struct {
	Title, URL string
	Current    bool
}

// matrixURL is the address of page k (from 0) of the matrix of ss (nil:
// of the whole archive).
func (r *Renderer) matrixURL(ss *generator.Session, k int) string {
	u := r.site.BasePath + matrixPath
	if ss != nil {
		u += "sessions/" + ss.Key + "/"
	}
	if k > 0 {
		u += "page/" + strconv.Itoa(k+1) + "/"
	}
	return u
}

// matrixOutputs are the pages of the matrix of the whole archive and of
// each session with statements. They show the whole site, so they have
// no deps.
func (r *Renderer) matrixOutputs() []Output {
	s := r.site
	links := figures.MatrixLinks{State: func(st *generator.State) string { return st.URL }, StateOnTopic: r.cellURL}
	var matrices []NavLink
	sessions := []*generator.Session{nil}
	matrices = append(matrices, NavLink{Title: "The whole archive", URL: r.matrixURL(nil, 0)})
	for i := len(s.Sessions) - 1; i >= 0; i-- {
		if ss := s.Sessions[i]; len(ss.Speakers) > 0 {
			sessions = append(sessions, ss)
			matrices = append(matrices, NavLink{Title: ss.Title + sessionProcess(ss), URL: r.matrixURL(ss, 0)})
		}
	}
	var out []Output
	for i, ss := range sessions {
		ss := ss
		n := len(s.States)
		if ss != nil {
			n = len(ss.Speakers)
		}
		pages := max(1, (n+matrixRows-1)/matrixRows)
		for k := range pages {
			nav := MatrixNav{Matrices: navCurrent(matrices, i)}
			if pages > 1 {
				for j := range pages {
					nav.Pages = append(nav.Pages, NavLink{Title: fmt.Sprintf("%d–%d", j*matrixRows+1, min(n, (j+1)*matrixRows)), URL: r.matrixURL(ss, j), Current: j == k})
				}
			}
			out = append(out, Output{Path: rel(s, r.matrixURL(ss, k)) + "index.html", Render: func(w io.Writer) error {
				m := figures.NewMatrix(s, ss, links)
				title := "States × topics"
				desc := "How often each state spoke on each topic: its statements on each, states with the most first, each leading to what it said."
				if ss != nil {
					title += " at the " + ss.Title + sessionProcess(ss)
					desc = "How often each state spoke on each topic at the " + ss.Title + ": its statements on each, states with the most first."
				}
				if k > 0 {
					title += fmt.Sprintf(", states %d–%d", k*matrixRows+1, min(m.States, (k+1)*matrixRows))
				}
				p := r.base("matrix", title, desc, r.matrixURL(ss, k))
				p.Matrix = m.Page(k*matrixRows, min(m.States, (k+1)*matrixRows))
				p.MatrixNav = &nav
				return r.page(w, "matrix", p)
			}})
		}
	}
	return out
}

// sessionProcess is " (OEWG 2021-2025)" after a session's title, or "".
func sessionProcess(ss *generator.Session) string {
	if ss.Process == "" {
		return ""
	}
	return " (" + ss.Process + ")"
}

// navCurrent is links with the i-th current.
func navCurrent(links []NavLink, i int) []NavLink {
	out := append([]NavLink(nil), links...)
	out[i].Current = true
	return out
}

// cellURL is where a matrix cell leads: what the state said on the
// topic, or, with a theme without those pages, its topic's section of
// the state's page by topic.
func (r *Renderer) cellURL(st *generator.State, t *generator.Topic) string {
	if r.theme.pages["statetopic"] != nil {
		return StateOnTopicURL(st, t)
	}
	return st.URL + stateTopicsDir + "#" + topicAnchor(t)
}
