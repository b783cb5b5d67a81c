package figures

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
)

// MatrixPath is the matrix of the whole archive, below the site's base
// path; a session's is below it, at sessions/<key>/.
const MatrixPath = "states/matrix/"

// matrixRows is how many states a page of a matrix shows: few enough
// that a page stays under 2,000 nodes, its text and the script's order
// control counted, with a dozen topics.
const matrixRows = 38

// MatrixPage is one page of the matrix of the whole archive or of a
// session: where it is, what it says it is, how it leads to the others,
// and how to make its matrix.
type MatrixPage struct {
	URL, Title, Description string
	Nav                     MatrixNav
	session                 *generator.Session
	k                       int
}

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
func matrixURL(s *generator.Site, ss *generator.Session, k int) string {
	u := s.BasePath + MatrixPath
	if ss != nil {
		u += "sessions/" + ss.Key + "/"
	}
	if k > 0 {
		u += "page/" + strconv.Itoa(k+1) + "/"
	}
	return u
}

// MatrixPages are the pages of the matrix of the whole archive and of
// each session a state spoke at, newest session first.
func MatrixPages(s *generator.Site) []MatrixPage {
	sessions := []*generator.Session{nil}
	matrices := []NavLink{{Title: "The whole archive", URL: matrixURL(s, nil, 0)}}
	for i := len(s.Sessions) - 1; i >= 0; i-- {
		if ss := s.Sessions[i]; len(ss.Speakers) > 0 {
			sessions = append(sessions, ss)
			matrices = append(matrices, NavLink{Title: ss.Title + processOf(ss), URL: matrixURL(s, ss, 0)})
		}
	}
	var out []MatrixPage
	for i, ss := range sessions {
		n := len(s.States)
		if ss != nil {
			n = len(ss.Speakers)
		}
		pages := max(1, (n+matrixRows-1)/matrixRows)
		for k := range pages {
			p := MatrixPage{URL: matrixURL(s, ss, k), session: ss, k: k, Title: "States × topics",
				Description: "How often each state spoke on each topic: its statements on each, states with the most first, each leading to what it said."}
			p.Nav.Matrices = append([]NavLink(nil), matrices...)
			p.Nav.Matrices[i].Current = true
			if ss != nil {
				p.Title += " at the " + ss.Title + processOf(ss)
				p.Description = "How often each state spoke on each topic at the " + ss.Title + ": its statements on each, states with the most first."
			}
			if k > 0 {
				p.Title += fmt.Sprintf(", states %d–%d", k*matrixRows+1, min(n, (k+1)*matrixRows))
			}
			if pages > 1 {
				for j := range pages {
					p.Nav.Pages = append(p.Nav.Pages, NavLink{Title: fmt.Sprintf("%d–%d", j*matrixRows+1, min(n, (j+1)*matrixRows)), URL: matrixURL(s, ss, j), Current: j == k})
				}
			}
			out = append(out, p)
		}
	}
	return out
}

// Matrix makes the page's matrix.
func (p *MatrixPage) Matrix(s *generator.Site, links MatrixLinks) *Matrix {
	m := NewMatrix(s, p.session, links)
	return m.Page(p.k*matrixRows, min(m.States, (p.k+1)*matrixRows))
}

// Key fingerprints what a page of a session's matrix shows: the
// session's reports (their keys hold their sources, so the statements
// made there) and the pages and matrices its navigation links. A change
// elsewhere in the archive leaves it as it is. The whole archive's matrix
// shows everything and has no key ("").
func (p *MatrixPage) Key() string {
	if p.session == nil {
		return ""
	}
	h := sha256.New()
	write := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	write("matrix-session")
	write(p.session.Key)
	write(strconv.Itoa(p.k))
	for _, l := range p.Nav.Matrices {
		write(l.URL)
	}
	for _, l := range p.Nav.Pages {
		write(l.Title)
	}
	var b [8]byte
	for _, r := range p.session.Reports {
		binary.LittleEndian.PutUint64(b[:], r.Key())
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// processOf is " (OEWG 2021-2025)" after a session's title, or "".
func processOf(ss *generator.Session) string {
	if ss.Process == "" {
		return ""
	}
	return " (" + ss.Process + ")"
}
