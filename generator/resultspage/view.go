// Package resultspage owns the search endpoint's results page: the site's
// search page cut where the query and the results go (Page), stored with
// the index, and the values the theme's search results partials show, so
// that one set of partials makes the results wherever they appear: the
// endpoint renders its results page with them (Results, Error), and the
// build renders them once with Skeleton into the search page's <template>
// elements, which the page's script copies and fills in from the JSON API
// as one types.
//
// The partials are partials/search-results.html and
// partials/search-error.html, and any partials/search-*.html they call.
// The endpoint renders them apart from the theme, so they may use
// html/template's built-in functions only (Parse checks it). For the
// script, each element says what it shows with data attributes naming a
// field of the value it is given: data-text (its text), data-marked (an
// excerpt with <mark>), data-href, data-attr-NAME (an attribute, absent
// when the field is false or empty), data-class-NAME (a class, present
// when the field is true), data-show (removed when the field is empty),
// and data-each on an element repeated for each item of a list field.
// Parts shown only sometimes use {{if}} or {{with}} without {{else}}, so
// that the skeleton, where every field is set, holds them all.
package resultspage

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
)

// Names of the partials the endpoint renders; others they call are named
// with Prefix.
const (
	Prefix         = "partials/search-"
	ResultsPartial = "partials/search-results.html"
	ErrorPartial   = "partials/search-error.html"
)

// Results are a page of search results as the page shows them.
type Results struct {
	Query  string // the query as searched
	Status string // a sentence: "3 reports match “x”. Page 1 of 2."
	// Notice is a sentence on how the query was searched: "No report
	// contains “x”: showing reports with words like it."
	Notice string
	Total  uint64
	Page   int
	Pages  int
	Hits   []Hit
	// Filters are the filter values in use, each with a link to the
	// results without it, shown whether or not they are among the
	// facets' values.
	Filters []ActiveFilter
	// Paged says there is more than one page: the pager shows.
	Paged bool
	// Prev and Next link the pages before and after; empty when none.
	Prev, Next string
	// Relevance links the results by relevance, when they are by date;
	// Newest links them by date, when they are by relevance.
	Relevance, Newest string
	// Groups are the facets, each a filter's values with how many of
	// the matching reports hold each: states, topics, then sessions, a
	// group per process.
	Groups []FacetGroup
}

// ActiveFilter is a filter value in use: Kind names the filter ("State"),
// Label the value ("Türkiye"), Remove links the results without it.
type ActiveFilter struct {
	Kind, Label, Remove string
}

// Hit is one matching report.
type Hit struct {
	URL      string // the report's address, with the matched paragraph's anchor
	Title    string
	Date     string // RFC 3339, for <time datetime>
	DateText string // "1 April 2022"
	Session  string
	// Excerpt is escaped text in which only <mark> and </mark> are
	// markup, around the words that matched.
	Excerpt template.HTML
	// NamedHere lists the states named in the paragraph URL points at:
	// "Brazil, Chile".
	NamedHere string
}

// FacetGroup is one filter's values: "States", "Topics", "Sessions"
// (or "Sessions of OEWG 2021-2025", one group per process).
type FacetGroup struct {
	Title string
	Links []FacetLink
}

// FacetLink is one value of a filter: Href toggles it; Count is how many
// of the matching reports hold it.
type FacetLink struct {
	Href, Label string
	Count       int
	Selected    bool
}

// Error is a search that failed, with a message for the person.
type Error struct{ Message string }

// Skeleton is the Results the search page's template element is rendered
// with: every list with one item and every field set, so that every part
// of the markup is there for the script to copy. The texts name the
// fields (the date is a valid one, as validators check it even in a
// template); the script replaces them all.
func Skeleton() *Results {
	return &Results{
		Query: "Query", Status: "Status", Notice: "Notice", Total: 1, Page: 1, Pages: 2, Paged: true,
		Hits:    []Hit{{URL: "#URL", Title: "Title", Date: "1970-01-01T00:00:00Z", DateText: "DateText", Session: "Session", Excerpt: "Excerpt", NamedHere: "NamedHere"}},
		Filters: []ActiveFilter{{Kind: "Kind", Label: "Label", Remove: "#Remove"}},
		Prev:    "#Prev", Next: "#Next", Relevance: "#Relevance", Newest: "#Newest",
		Groups: []FacetGroup{{Title: "Title", Links: []FacetLink{{Href: "#Href", Label: "Label", Count: 1}}}},
	}
}

// ErrorSkeleton is the Error the search page's error template is rendered
// with.
func ErrorSkeleton() *Error { return &Error{Message: "Message"} }

// Parse parses the search partials, template sources by name, as the
// endpoint renders them: with html/template's built-in functions only.
// Both ResultsPartial and ErrorPartial must be there.
func Parse(partials map[string]string) (*template.Template, error) {
	names := make([]string, 0, len(partials))
	for name := range partials {
		names = append(names, name)
	}
	sort.Strings(names)
	t := template.New("search").Option("missingkey=error")
	for _, name := range names {
		if !strings.HasPrefix(name, Prefix) {
			return nil, fmt.Errorf("%s is not a search partial (%s*)", name, Prefix)
		}
		if _, err := t.New(name).Parse(partials[name]); err != nil {
			return nil, fmt.Errorf("%s: %w: the search results partials are rendered by the search endpoint, with html/template's built-in functions only", name, err)
		}
	}
	for _, name := range []string{ResultsPartial, ErrorPartial} {
		if t.Lookup(name) == nil {
			return nil, fmt.Errorf("%s is missing: the search endpoint renders its results with it", name)
		}
	}
	return t, nil
}
