package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator/opendata"
	"github.com/plenary-archive/plenary/generator/render/said"
)

// comparePath is the page that sets states side by side, below the base
// path.
const comparePath = "compare/"

// compareOutput is /compare/, when the theme has a template for it.
func (r *Renderer) compareOutput() []Output {
	if !r.theme.Has("compare") {
		return nil
	}
	return []Output{{Path: comparePath + "index.html", Render: func(w io.Writer) error {
		s := r.site
		p := r.base("compare", "Compare states", "Two or three states side by side: their statements by topic and by session, and where they agree in wording.", s.BasePath+comparePath)
		p.Compare = said.NewCompare(s, s.BasePath+opendata.StatesDir)
		return r.page(w, "compare", p)
	}}}
}
