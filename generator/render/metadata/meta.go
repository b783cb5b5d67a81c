// Package metadata describes the site's pages to other sites and tools:
// Open Graph tags for link previews, schema.org JSON-LD for search engines
// and citation tools, and how to cite a report (plain text and BibTeX).
package metadata

import (
	"html/template"
	"net/url"
	"time"

	"github.com/plenary-archive/plenary/generator"
)

// Meta describes a page to other sites: the Open Graph tags link previews
// read, and the schema.org JSON-LD search engines and citation tools read.
type Meta struct {
	// Type is og:type: "article" for a report, "website" elsewhere.
	Type string
	// Published is article:published_time on report pages.
	Published string
	// JSONLD is the page's schema.org description, encoded by
	// encoding/json, which escapes "<", ">" and "&" so no content can
	// close the script element it is printed in; the bytes are those
	// html/template's escaper would give, without its reflective calls.
	JSONLD template.JS
}

// ld is one schema.org node. A map keeps each kind's fields beside the
// code that knows them; encoding/json sorts the keys, so the output is
// deterministic.
type ld map[string]any

const schemaContext = "https://schema.org"

// Page is what Describe needs of a page: its kind, title, description
// and address, and the one thing it is about, if any.
type Page struct {
	Kind, Title, Description, Permalink string

	Report  *generator.Report
	Session *generator.Session
	State   *generator.State
	Topic   *generator.Topic
	Group   *generator.Group
}

// Describe describes p; it reads only what p is about and the Site's name
// and address, so a page's deps cover it.
func Describe(s *generator.Site, p Page) *Meta {
	site := ld{"@type": "WebSite", "name": s.Title, "url": s.BaseURL}
	m := &Meta{Type: "website"}
	var node ld
	page := func(typ string) ld {
		n := ld{"@context": schemaContext, "@type": typ, "name": p.Title, "url": p.Permalink, "isPartOf": site}
		if p.Description != "" {
			n["description"] = p.Description
		}
		if s.Language != "" {
			n["inLanguage"] = s.Language
		}
		return n
	}
	switch {
	case p.Kind == "report" && p.Report != nil:
		m.Type = "article"
		m.Published = p.Report.Date.Format(time.RFC3339)
		node = reportLD(s, p.Report, p.Description)
	case p.Kind == "session" && p.Session != nil:
		node = sessionLD(s, p.Session, p.Description)
	case (p.Kind == "state" || p.Kind == "statetopics" || p.Kind == "statesession" || p.Kind == "statetopic") && p.State != nil:
		n := page("ProfilePage")
		n["about"] = stateLD(p.State)
		node = n
	case p.Kind == "group" && p.Group != nil:
		n := page("ProfilePage")
		n["about"] = ld{"@type": "Organization", "identifier": p.Group.Key, "name": p.Group.Name, "url": p.Group.Permalink}
		node = n
	case p.Kind == "topic" && p.Topic != nil:
		n := page("CollectionPage")
		n["about"] = topicLD(s, p.Topic)
		node = n
	case p.Kind == "home":
		n := ld{"@context": schemaContext, "@type": "WebSite", "name": s.Title, "url": s.BaseURL}
		if s.Description != "" {
			n["description"] = s.Description
		}
		if s.Language != "" {
			n["inLanguage"] = s.Language
		}
		if target := searchTarget(s); target != "" {
			n["potentialAction"] = ld{
				"@type":       "SearchAction",
				"target":      ld{"@type": "EntryPoint", "urlTemplate": target + "?q={search_term_string}"},
				"query-input": "required name=search_term_string",
			}
		}
		node = n
	case p.Kind == "search":
		node = page("SearchResultsPage")
	case p.Kind == "sessions" || p.Kind == "states" || p.Kind == "topics" || p.Kind == "matrix" || p.Kind == "reports" || p.Kind == "groups":
		node = page("CollectionPage")
	default:
		node = page("WebPage")
	}
	m.JSONLD = encodeLD(node)
	return m
}

// encodeLD encodes a node as encoding/json does, HTML-escaped, which is
// what html/template's JavaScript escaper would write.
func encodeLD(n ld) template.JS {
	return template.JS(appendLD(nil, n))
}

// searchTarget is the search endpoint as an absolute URL: config.toml may
// give it relative to the host ("/search"), and JSON-LD needs it whole.
func searchTarget(s *generator.Site) string {
	if s.SearchURL == "" {
		return ""
	}
	base, err := url.Parse(s.BaseURL)
	if err != nil {
		return ""
	}
	ref, err := url.Parse(s.SearchURL)
	if err != nil {
		return ""
	}
	return base.ResolveReference(ref).String()
}

// reportLD is a schema.org Report: recorded at its session (an Event),
// about its topics, mentioning the states it names.
func reportLD(s *generator.Site, r *generator.Report, desc string) ld {
	n := ld{
		"@context":    schemaContext,
		"@type":       "Report",
		"@id":         r.Permalink,
		"name":        r.Title,
		"headline":    r.Title,
		"url":         r.Permalink,
		"dateCreated": r.Date.Format(time.RFC3339),
		"isPartOf":    ld{"@type": "WebSite", "name": s.Title, "url": s.BaseURL},
	}
	if r.AllDay {
		n["dateCreated"] = r.Date.Format("2006-01-02")
	}
	if desc != "" {
		n["description"] = desc
	}
	if s.Language != "" {
		n["inLanguage"] = s.Language
	}
	if r.SourceURL != "" {
		n["isBasedOn"] = r.SourceURL
	}
	// Who wrote and published the report, as its source says; the
	// archive only holds it (isPartOf).
	if r.Publisher != "" {
		n["publisher"] = ld{"@type": "Organization", "name": r.Publisher}
	}
	if r.Author != "" {
		n["author"] = ld{"@type": "Person", "name": r.Author}
	}
	if r.Session != nil {
		n["recordedAt"] = eventLD(r.Session)
	}
	if len(r.Topics) > 0 {
		about := make([]ld, 0, len(r.Topics))
		for _, t := range r.Topics {
			about = append(about, topicLD(s, t))
		}
		n["about"] = about
	}
	if len(r.States) > 0 {
		mentions := make([]ld, 0, len(r.States))
		for _, st := range r.States {
			mentions = append(mentions, stateLD(st))
		}
		n["mentions"] = mentions
	}
	return n
}

// eventLD is a session as a schema.org Event, without @context, for
// embedding in a report's description.
func eventLD(ss *generator.Session) ld {
	n := ld{
		"@type":     "Event",
		"@id":       ss.Permalink,
		"name":      ss.Title,
		"url":       ss.Permalink,
		"startDate": ss.Start.Format("2006-01-02"),
	}
	if !ss.End.IsZero() {
		n["endDate"] = ss.End.Format("2006-01-02")
	}
	if ss.Location != "" {
		n["location"] = ld{"@type": "Place", "name": ss.Location}
	}
	if ss.Process != "" {
		n["superEvent"] = ld{"@type": "EventSeries", "name": ss.Process}
	}
	return n
}

func sessionLD(s *generator.Site, ss *generator.Session, desc string) ld {
	n := eventLD(ss)
	n["@context"] = schemaContext
	if desc != "" {
		n["description"] = desc
	}
	if s.Language != "" {
		n["inLanguage"] = s.Language
	}
	if len(ss.Documents) > 0 {
		docs := make([]ld, 0, len(ss.Documents))
		for _, d := range ss.Documents {
			docs = append(docs, ld{"@type": "CreativeWork", "name": d.Title, "url": d.URL})
		}
		n["workFeatured"] = docs
	}
	return n
}

// stateLD is a state as a schema.org Country, the European Union (an
// observer organisation) as an Organization; the ISO code identifies it.
func stateLD(st *generator.State) ld {
	typ := "Country"
	if st.Kind == "observer-organisation" {
		typ = "Organization"
	}
	n := ld{"@type": typ, "name": st.Name, "url": st.Permalink, "identifier": st.Code}
	if st.Official != "" && st.Official != st.Name {
		n["alternateName"] = st.Official
	}
	return n
}

func topicLD(s *generator.Site, t *generator.Topic) ld {
	n := ld{
		"@type":            "DefinedTerm",
		"name":             t.Title,
		"url":              t.Permalink,
		"termCode":         t.Key,
		"inDefinedTermSet": s.BaseURL + "topics/",
	}
	if t.Summary != "" {
		n["description"] = t.Summary
	}
	return n
}
