package render

import (
	"io"

	"github.com/plenary-archive/plenary/generator/render/format"

	"github.com/plenary-archive/plenary/generator/render/paging"
	"github.com/plenary-archive/plenary/generator/render/reportlist"
)

// reportsDir is the list of every report, below the base path: the
// reports' own pages are below it too.
const reportsDir = "reports/"

// reportListOutputs are /reports/ and its archive pages, when the theme
// has a template for them.
func (r *Renderer) reportListOutputs() []Output {
	if !r.theme.Has("reports") {
		return nil
	}
	s := r.site
	base := s.BasePath + reportsDir
	pages := reportlist.Pages(s)
	out := []Output{{Path: reportsDir + "index.html", Render: func(w io.Writer) error { return r.reportList(w, base, pages, -1) }}}
	for k := range pages {
		out = append(out, Output{
			Path: rel(s, paging.URL(base, pages[k].Name)) + "index.html", Key: paging.Key("reports", "", pages, k),
			Render: func(w io.Writer) error { return r.reportList(w, base, pages, k) },
		})
	}
	return out
}

// reportList renders the landing page of all reports (k < 0) or archive
// page k of pages.
func (r *Renderer) reportList(w io.Writer, base string, pages []paging.Page, k int) error {
	s := r.site
	if k < 0 {
		p := r.base("reports", "Reports", "All "+format.Plural(len(s.Reports), "report", "reports")+" of the archive, newest first, by year.", base)
		p.Years = reportlist.ByYear(s.Reports[:min(reportlist.Landing, len(s.Reports))])
		p.YearLinks = reportlist.Years(s, base, pages)
		p.Pager = paging.Landing(base, pages)
		return r.page(w, "reports", p)
	}
	pg := pages[k]
	from := pg.From.Format("2 January 2006")
	p := r.base("reports", "Reports from "+from, "Reports of the archive from "+from+" on, newest first.", paging.URL(base, pg.Name))
	p.Archive = true
	p.Years = reportlist.ByYear(s.Reports[pg.Lo:pg.Hi])
	p.Pager = paging.Archive(base, pages, k)
	return r.page(w, "reports", p)
}
