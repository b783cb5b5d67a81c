package engine

// Response is the answer to a search, as the endpoint writes it in JSON;
// its HTML view shows the same value.
type Response struct {
	Query string  `json:"query"`
	Total uint64  `json:"total"`
	Took  float64 `json:"took"` // milliseconds
	Page  int     `json:"page"`
	Pages int     `json:"pages"`
	Size  int     `json:"size"`
	Sort  string  `json:"sort"` // relevance or date
	// Notice is a sentence on how the query was searched, for the page
	// to show above the results: the words no report holds, searched as
	// the words most like them. Empty when there is nothing to say.
	Notice string `json:"notice,omitempty"`
	// Similar are those words.
	Similar []string `json:"similar,omitempty"`
	Hits    []Hit    `json:"hits"`
	// Filters are the request's filter values, each with the label the
	// site shows, so that a page can list every one with a way to
	// remove it.
	Filters []Active `json:"filters"`
	// Facets count the reports that match the query in each state, topic
	// and session.
	Facets Facets `json:"facets"`
}

// Active is a filter value a request holds: Filter is the parameter
// (state, speaker, topic, session), Value what it takes, Label what the site shows.
type Active struct {
	Filter string `json:"filter"`
	Value  string `json:"value"`
	Label  string `json:"label"`
}

// Hit is one matching report, pointed at its best paragraph.
type Hit struct {
	Title string `json:"title"`
	// URL is the report's address with the anchor of the paragraph that
	// matched ("#p-12"), or without one when only the title did.
	URL     string   `json:"url"`
	Date    string   `json:"date"` // RFC 3339, with the meeting's offset
	Session string   `json:"session"`
	States  []string `json:"states"` // named in the report
	// ParagraphStates are the states named in the paragraph URL points at.
	ParagraphStates []string `json:"paragraph_states"`
	// ParagraphSpeakers are who speaks in that paragraph: states,
	// groups and stakeholders, by name.
	ParagraphSpeakers []string `json:"paragraph_speakers"`
	Topics            []string `json:"topics"`
	// Excerpt is HTML: escaped text in which only <mark> and </mark>
	// are markup, around the words that matched.
	Excerpt string `json:"excerpt"`
}

// Facets are the counts of reports matching the current query by state,
// speaker and topic (the most first, then those the request filters by)
// and by session (every session with matches, in the archive's order).
// A speaker is a state, a group or a stakeholder that speaks in the
// report, not only named.
type Facets struct {
	States   []Facet `json:"states"`
	Speakers []Facet `json:"speakers"`
	Topics   []Facet `json:"topics"`
	Sessions []Facet `json:"sessions"`
}

// Facet is one value of a facet: Value is what the filter parameter
// takes, Label what the site shows.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label"`
	// Process is a session's process ("OEWG 2021-2025"), by which a page
	// may group sessions.
	Process  string `json:"process,omitempty"`
	Count    int    `json:"count"` // matching reports
	Selected bool   `json:"selected,omitempty"`
}
