package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"time"
)

// FeedLink is a page's own Atom feed, for the <link rel=alternate> in the
// head and the visible link on the page.
type FeedLink struct {
	Title string
	URL   string // site-relative
}

// sitemapOutput lists every page, in parts: the home page first, every
// report's entry, then the lists, sessions, states and topics. A report
// added to a large archive renders its entry and the two ends; the other
// entries are copied from the previous file. The ends carry a hash of
// their bytes in their names, so that they are taken from the previous
// file only when they are the same.
func (r *Renderer) sitemapOutput() Output {
	s := r.site
	o := Output{Path: "sitemap.xml"}
	end := func(name string, fn func(b *bytes.Buffer)) Part {
		var b bytes.Buffer
		fn(&b)
		sum := sha256.Sum256(b.Bytes())
		return Part{Name: name + " " + hex.EncodeToString(sum[:]), Render: func(w io.Writer) error {
			_, err := w.Write(b.Bytes())
			return err
		}}
	}
	o.Parts = append(o.Parts, end("head", func(b *bytes.Buffer) {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		sitemapEntry(b, s.BaseURL, s.Updated)
	}))
	for _, rep := range s.Reports {
		o.Parts = append(o.Parts, Part{Name: rep.Slug, Deps: []Dep{DataDep(rep.Slug)}, Render: func(w io.Writer) error {
			var b bytes.Buffer
			sitemapEntry(&b, rep.Permalink, rep.Date)
			_, err := w.Write(b.Bytes())
			return err
		}})
	}
	o.Parts = append(o.Parts, end("tail", func(b *bytes.Buffer) {
		sitemapEntry(b, s.BaseURL+reportsDir, time.Time{})
		sitemapEntry(b, s.BaseURL+"sessions/", time.Time{})
		for _, p := range s.Processes {
			sitemapEntry(b, p.Permalink, time.Time{})
		}
		for _, ss := range s.Sessions {
			sitemapEntry(b, ss.Permalink, time.Time{})
		}
		sitemapEntry(b, s.BaseURL+"states/", time.Time{})
		sitemapEntry(b, s.BaseURL+matrixPath, time.Time{})
		for _, st := range s.States {
			sitemapEntry(b, st.Permalink, time.Time{})
			sitemapEntry(b, st.Permalink+stateTopicsDir, time.Time{})
		}
		if r.theme.Has("groups") {
			sitemapEntry(b, s.BaseURL+"groups/", time.Time{})
			sitemapEntry(b, s.BaseURL+"stakeholders/", time.Time{})
		}
		if r.theme.Has("group") {
			for _, g := range s.Groups {
				sitemapEntry(b, g.Permalink, time.Time{})
			}
		}
		sitemapEntry(b, s.BaseURL+"topics/", time.Time{})
		for _, t := range s.Topics {
			sitemapEntry(b, t.Permalink, time.Time{})
		}
		b.WriteString("</urlset>")
	}))
	return o
}

// sitemapEntry writes one <url> of the sitemap; a zero t has no lastmod.
func sitemapEntry(b *bytes.Buffer, loc string, t time.Time) {
	b.WriteString("<url><loc>")
	_ = xml.EscapeText(b, []byte(loc))
	b.WriteString("</loc>")
	if !t.IsZero() {
		b.WriteString("<lastmod>")
		b.WriteString(t.UTC().Format("2006-01-02"))
		b.WriteString("</lastmod>")
	}
	b.WriteString("</url>")
}
