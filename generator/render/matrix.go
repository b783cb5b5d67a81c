package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/figures"
)

// matrixPath is the states × topics matrix of the whole archive, below
// the site's base path.
const matrixPath = figures.MatrixPath

// matrixOutputs are the pages of the matrix of the whole archive and of
// each session with statements. The whole archive's show the whole site,
// so they have no deps; a session's are rendered again when their key
// changes.
func (r *Renderer) matrixOutputs() []Output {
	s := r.site
	links := figures.MatrixLinks{State: func(st *generator.State) string { return st.URL }, StateOnTopic: r.cellURL}
	var out []Output
	for _, mp := range figures.MatrixPages(s) {
		out = append(out, Output{Path: rel(s, mp.URL) + "index.html", Key: mp.Key(), Render: func(w io.Writer) error {
			p := r.base("matrix", mp.Title, mp.Description, mp.URL)
			p.Matrix, p.MatrixNav = mp.Matrix(s, links), &mp.Nav
			return r.page(w, "matrix", p)
		}})
	}
	return out
}

// cellURL is where a matrix cell leads: what the state said on the
// topic, or, with a theme without those pages, its topic's section of
// the state's page by topic.
func (r *Renderer) cellURL(st *generator.State, t *generator.Topic) string {
	if r.theme.Has("statetopic") {
		return StateOnTopicURL(st, t)
	}
	return st.URL + stateTopicsDir + "#" + topicAnchor(t)
}
