package said

import "github.com/plenary-archive/plenary/generator"

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

// NewCompare is the comparison page of s, whose states' data files are
// in the folder data.
func NewCompare(s *generator.Site, data string) *Compare {
	c := &Compare{Data: data, Search: s.SearchURL, Static: s.SearchURL == ""}
	for _, st := range s.States {
		c.Options = append(c.Options, CompareOption{Slug: st.Slug, Name: st.Name})
	}
	return c
}
