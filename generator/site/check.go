package site

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/markdown"
)

// checkDate reports a report dated outside its session: usually a wrong
// session key or a typo in the date, and either files the report in the
// wrong place. line gives a front-matter key's line, looked up only when
// there is something to report.
func checkDate(r *generator.Report, line func(key string) int, sessions []*generator.Session) *generator.Error {
	ss := r.Session
	if ss == nil || r.Date.IsZero() {
		return nil // no session or no date: reported where the source is read
	}
	day := civilDay(r.Date)
	if !day.Before(ss.Start) && !day.After(ss.End) {
		return nil
	}
	var fits []string
	for _, other := range sessions {
		if !day.Before(other.Start) && !day.After(other.End) {
			fits = append(fits, other.Key)
		}
	}
	hint := "correct the date or the session"
	if len(fits) > 0 {
		hint += "; sessions on that day: " + strings.Join(fits, ", ")
	}
	return &generator.Error{
		Path: r.SourcePath, Line: line("date"),
		Msg: fmt.Sprintf("dated %s, outside its session %s (%s to %s)", day.Format("2006-01-02"), ss.Key,
			ss.Start.Format("2006-01-02"), ss.End.Format("2006-01-02")),
		Hint: hint,
	}
}

// civilDay is the calendar day of t where the meeting was held.
func civilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// linkChecker knows every page of the site, to find links in content that
// point at pages that do not exist.
type linkChecker struct {
	base    *url.URL
	pages   map[string]bool              // site-relative URL paths
	reports map[string]*generator.Report // report URL → the report, for its paragraph ids
}

func newLinkChecker(s *generator.Site, u *urls) *linkChecker {
	base, _ := url.Parse(s.BaseURL)
	lc := &linkChecker{base: base, pages: map[string]bool{}, reports: make(map[string]*generator.Report, len(s.Reports))}
	for rel := range u.owners {
		lc.pages[s.BasePath+rel] = true
	}
	for _, rel := range []string{"", "sessions/", "states/", "topics/", "search/", "groups/", "stakeholders/", "feed.xml", "sitemap.xml", "robots.txt", "404.html", "css/style.css"} {
		lc.pages[s.BasePath+rel] = true
	}
	for _, st := range s.States {
		lc.pages[st.URL] = true
	}
	// Paragraph ids are looked up only for the few links that have
	// one: a set per report cost a rebuild 300,000 insertions at 10,000
	// reports.
	for _, r := range s.Reports {
		lc.reports[r.URL] = r
	}
	return lc
}

// check reports each link of a page at from that stays on the site but
// finds no page there (or no paragraph, for a "#p-N" anchor).
func (lc *linkChecker) check(path string, bodyLine int, from string, links []markdown.Link, errs *generator.ErrorList) {
	if len(links) == 0 {
		return
	}
	page := lc.base.ResolveReference(&url.URL{Path: from})
	for _, l := range links {
		ref, err := url.Parse(l.Dest)
		line := bodyLine - 1 + l.Line
		if err != nil {
			errs.Add(generator.Errorf(path, line, "write a valid URL", "link %q: %v", l.Dest, err))
			continue
		}
		target := page.ResolveReference(ref)
		if target.Scheme != lc.base.Scheme || target.Host != lc.base.Host || !strings.HasPrefix(target.Path, lc.base.Path) {
			continue // another site
		}
		p := target.Path
		if !strings.HasSuffix(p, "/") && !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
			p += "/"
		}
		if !lc.pages[p] {
			errs.Add(generator.Errorf(path, line, "link to an existing page, e.g. /sessions/KEY/, /states/SLUG/ or /reports/SLUG/", "link %q points to a page that does not exist", l.Dest))
			continue
		}
		if frag := target.Fragment; strings.HasPrefix(frag, "p-") {
			if r, ok := lc.reports[p]; ok && !hasParagraph(r, frag) {
				errs.Add(generator.Errorf(path, line, "link to a paragraph the report has", "link %q points to paragraph %s, which %s does not have", l.Dest, frag, p))
			}
		}
	}
}

func hasParagraph(r *generator.Report, id string) bool {
	for _, p := range r.Paragraphs {
		if p.ID == id {
			return true
		}
	}
	return false
}
