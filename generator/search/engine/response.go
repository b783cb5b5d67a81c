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
	Hits  []Hit   `json:"hits"`
	// Facets count the reports that match the query in each state, topic
	// and session, most first.
	Facets Facets `json:"facets"`
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
	Topics          []string `json:"topics"`
	// Excerpt is HTML: escaped text in which only <mark> and </mark>
	// are markup, around the words that matched.
	Excerpt string `json:"excerpt"`
}

// Facets are the counts of the current query by state, topic and
// session.
type Facets struct {
	States   []Facet `json:"states"`
	Topics   []Facet `json:"topics"`
	Sessions []Facet `json:"sessions"`
}

// Facet is one value of a facet: Value is what the filter parameter
// takes, Label what the site shows.
type Facet struct {
	Value    string `json:"value"`
	Label    string `json:"label"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected,omitempty"`
}
