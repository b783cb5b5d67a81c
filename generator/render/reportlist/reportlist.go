// Package reportlist makes the list of every report of the archive,
// /reports/: newest first, by year, the newest on the landing page and
// all of them on archive pages cut as a topic's are (see paging), so that
// a static host serves the whole archive as lists a reader can page
// through.
package reportlist

import (
	"strconv"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/paging"
)

// Landing is how many reports the landing page shows.
const Landing = 100

// Year is one year's run of reports on a page.
type Year struct {
	Year    string
	ID      string // the heading's anchor: "y-2022"
	Reports []*generator.Report
}

// YearLink leads from the landing page to where a year's reports begin.
type YearLink struct {
	Year  string
	URL   string // the landing page's anchor, or an archive page's
	Count int
}

// Pages cuts the reports of s (newest first) into archive pages.
func Pages(s *generator.Site) []paging.Page {
	return paging.Cut(len(s.Reports), Landing,
		func(i int) uint64 { return s.Reports[i].Key() },
		func(i int) time.Time { return s.Reports[i].Date })
}

// ByYear groups reports, newest first, into runs of one year.
func ByYear(reports []*generator.Report) []Year {
	var out []Year
	for _, r := range reports {
		y := strconv.Itoa(r.Date.Year())
		if n := len(out); n == 0 || out[n-1].Year != y {
			out = append(out, Year{Year: y, ID: "y-" + y})
		}
		last := &out[len(out)-1]
		last.Reports = append(last.Reports, r)
	}
	return out
}

// Years links every year of the archive, newest first, to where its
// reports begin: on the landing page at base when its newest report is
// there, else on the archive page that holds it.
func Years(s *generator.Site, base string, pages []paging.Page) []YearLink {
	var out []YearLink
	for i, r := range s.Reports {
		y := strconv.Itoa(r.Date.Year())
		if n := len(out); n > 0 && out[n-1].Year == y {
			out[n-1].Count++
			continue
		}
		url := base + "#y-" + y
		if i >= Landing {
			for _, pg := range pages {
				if i >= pg.Lo && i < pg.Hi {
					url = paging.URL(base, pg.Name) + "#y-" + y
				}
			}
		}
		out = append(out, YearLink{Year: y, URL: url, Count: 1})
	}
	return out
}
