package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator/opendata"
)

// comparePath is the page that sets states side by side, below the base
// path.
const comparePath = "compare/"

// Compare fills the page that sets two or three states side by side. The
// page is static: its script reads the states' data files (see opendata)
// and lays their statements out by topic and by session; without
// JavaScript its form asks the search endpoint for the statements of the
// states chosen.
type Compare struct {
	// Options are the states one can choose, A to Z.
	Options []CompareOption
	// Data is the address of the folder of the states' data files.
	Data string
	// Search is where the form goes without JavaScript: the search
	// endpoint; empty when the site has none, and the form stays here.
	Search string
	// Static says the site has no search endpoint: without JavaScript the
	// page can only link each state's own pages.
	Static bool
}

// CompareOption is a state one can choose.
type CompareOption struct {
	Slug, Name string
}

// compareOutput is /compare/, when the theme has a template for it.
func (r *Renderer) compareOutput() []Output {
	if r.theme.pages["compare"] == nil {
		return nil
	}
	return []Output{{Path: comparePath + "index.html", Render: func(w io.Writer) error {
		s := r.site
		p := r.base("compare", "Compare states", "Two or three states side by side: their statements by topic and by session, and where they agree in wording.", s.BasePath+comparePath)
		c := &Compare{Data: s.BasePath + opendata.StatesDir, Search: s.SearchURL}
		c.Static = c.Search == ""
		for _, st := range s.States {
			c.Options = append(c.Options, CompareOption{Slug: st.Slug, Name: st.Name})
		}
		p.Compare = c
		return r.page(w, "compare", p)
	}}}
}
