package render

import (
	"encoding/xml"
	"io"
	"time"

	"github.com/plenary-archive/plenary/generator"
)

const feedEntries = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

// feed writes the site-wide Atom feed of the newest reports. Its dates come
// from the reports, never the clock, so rebuilding changes nothing.
func feed(w io.Writer, s *generator.Site) error {
	f := atomFeed{
		Title:   s.Title,
		ID:      s.BaseURL,
		Updated: s.Updated.UTC().Format(time.RFC3339),
		Links:   []atomLink{{Rel: "self", Href: s.BaseURL + "feed.xml"}, {Href: s.BaseURL}},
	}
	for _, r := range s.Reports[:min(feedEntries, len(s.Reports))] {
		f.Entries = append(f.Entries, atomEntry{
			Title: r.Title, ID: r.Permalink, Link: atomLink{Href: r.Permalink},
			Updated: r.Date.UTC().Format(time.RFC3339), Summary: summary(r),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(f)
}

type urlset struct {
	XMLName xml.Name  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every page.
func sitemap(w io.Writer, s *generator.Site) error {
	var u urlset
	add := func(loc string, t time.Time) {
		e := siteURL{Loc: loc}
		if !t.IsZero() {
			e.LastMod = t.UTC().Format("2006-01-02")
		}
		u.URLs = append(u.URLs, e)
	}
	add(s.BaseURL, s.Updated)
	for _, r := range s.Reports {
		add(r.Permalink, r.Date)
	}
	add(s.BaseURL+"sessions/", time.Time{})
	for _, ss := range s.Sessions {
		add(ss.Permalink, time.Time{})
	}
	add(s.BaseURL+"states/", time.Time{})
	for _, st := range s.States {
		add(st.Permalink, time.Time{})
	}
	add(s.BaseURL+"topics/", time.Time{})
	for _, t := range s.Topics {
		add(t.Permalink, time.Time{})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(u)
}
