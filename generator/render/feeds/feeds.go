// Package feeds writes the site's Atom feeds: the newest reports of the
// whole site, and of every state, topic and session, each entry summarised
// by what the report says (for a state, what the state said there).
package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

const feedEntries = 50

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomAuthor  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

// atomAuthor is required of a feed whose entries name none (RFC 4287
// 4.1.1); the archive speaks for itself, so the author is the site.
type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

// File is the path of the feed of the page at url ("/archive/states/x/"
// → "states/x/feed.xml"), beside the page so its address is easy to guess.
func File(s *generator.Site, url string) string {
	return strings.TrimPrefix(url, s.BasePath) + "feed.xml"
}

// Site writes the site-wide Atom feed of the newest reports. Its dates come
// from the reports, never the clock, so rebuilding changes nothing.
func Site(w io.Writer, s *generator.Site, texts *bodies.Store) error {
	f := newFeed(s, s.Title, s.Description, "feed.xml", s.BaseURL, s.Updated)
	f.ID = s.BaseURL
	if err := f.add(texts, s.Reports[:min(feedEntries, len(s.Reports))]); err != nil {
		return err
	}
	return writeFeed(w, f)
}

// add adds an entry for each of reports, summarised.
func (f *atomFeed) add(texts *bodies.Store, reports []*generator.Report) error {
	for _, r := range reports {
		sum, err := Summary(texts, r)
		if err != nil {
			return err
		}
		f.Entries = append(f.Entries, reportEntry(r, sum))
	}
	return nil
}

// newFeed starts a feed whose own address is file (site-relative) and whose
// page is page (absolute). Its id is the feed's own address: a term's page
// and its feed are two resources, and ids must never be reused.
func newFeed(s *generator.Site, title, subtitle, file, page string, updated time.Time) *atomFeed {
	self := s.BaseURL + file
	return &atomFeed{
		Title: title, Subtitle: subtitle, ID: self, Updated: atomTime(updated),
		Author: atomAuthor{Name: s.Title, URI: s.BaseURL},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: page},
		},
	}
}

func reportEntry(r *generator.Report, sum string) atomEntry {
	return atomEntry{
		Title: r.Title, ID: r.Permalink, Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.Permalink},
		Updated: atomTime(r.Date), Summary: sum,
	}
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// emptyFeedUpdated is the <updated> of a feed with no entries yet. It is a
// constant rather than the site's date so that the feed depends only on
// its term, as its Output's deps say.
var emptyFeedUpdated = time.Unix(0, 0)

// newest is the date of the newest report of rs (newest first), or
// fallback when there is none.
func newest(rs []*generator.Report, fallback time.Time) time.Time {
	if len(rs) == 0 {
		return fallback
	}
	return rs[0].Date
}

// State lists the newest reports in which a state speaks; each entry's
// summary is what the state said there, the question the archive
// answers.
func State(w io.Writer, s *generator.Site, texts *bodies.Store, st *generator.State) error {
	f := newFeed(s, st.Name+" · "+s.Title, "Reports in which "+st.Name+" speaks, newest first.",
		File(s, st.URL), st.Permalink, newest(st.Reports, emptyFeedUpdated))
	entries := st.Reports[:min(feedEntries, len(st.Reports))]
	// Only the feed's reports are excerpted: a busy state has thousands
	// of statements, and this feed is rendered on every change naming it.
	said := make(map[*generator.Report][]string, len(entries))
	for _, r := range entries {
		said[r] = nil
	}
	for _, stmt := range st.Statements {
		if ex, ok := said[stmt.Report]; ok {
			text, err := texts.Text(stmt.Paragraph)
			if err != nil {
				return fmt.Errorf("%s: %w", stmt.Report.SourcePath, err)
			}
			said[stmt.Report] = append(ex, generator.Excerpt(text, st.Name, generator.ExcerptLen))
		}
	}
	for _, r := range entries {
		ex := said[r]
		if len(ex) == 0 {
			if err := f.add(texts, []*generator.Report{r}); err != nil {
				return err
			}
			continue
		}
		f.Entries = append(f.Entries, reportEntry(r, shorten(strings.Join(ex, " ¶ "), 600)))
	}
	return writeFeed(w, f)
}

// Topic lists the newest reports on a topic.
func Topic(w io.Writer, s *generator.Site, texts *bodies.Store, t *generator.Topic) error {
	f := newFeed(s, t.Title+" · "+s.Title, t.Summary, File(s, t.URL), t.Permalink, newest(t.Reports, emptyFeedUpdated))
	if err := f.add(texts, t.Reports[:min(feedEntries, len(t.Reports))]); err != nil {
		return err
	}
	return writeFeed(w, f)
}

// Session lists a session's reports newest first, as feed readers
// expect, though the session page lists them in order.
func Session(w io.Writer, s *generator.Site, texts *bodies.Store, ss *generator.Session) error {
	rs := ss.Reports
	updated := ss.Start
	if len(rs) > 0 {
		updated = rs[len(rs)-1].Date
	}
	f := newFeed(s, ss.Title+" · "+s.Title, "Reports of "+ss.Title+", newest first.", File(s, ss.URL), ss.Permalink, updated)
	for i := len(rs) - 1; i >= 0 && len(f.Entries) < feedEntries; i-- {
		if err := f.add(texts, rs[i:i+1]); err != nil {
			return err
		}
	}
	return writeFeed(w, f)
}

func writeFeed(w io.Writer, f *atomFeed) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(f)
}

// Summary is a report's description for feeds, search engines and link
// previews: its first paragraph, shortened.
func Summary(texts *bodies.Store, rep *generator.Report) (string, error) {
	for _, p := range rep.Paragraphs {
		if p.Len() > 0 {
			text, err := texts.Text(p)
			if err != nil {
				return "", fmt.Errorf("%s: %w", rep.SourcePath, err)
			}
			return shorten(text, 240), nil
		}
	}
	return "", nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return strings.TrimSpace(s[:cut]) + " …"
}
