package generator

import (
	"sort"
)

// State is a country, an observer state or the European Union, with
// everything the archive attributes to it.
type State struct {
	Code      string // ISO 3166-1 alpha-3
	Name      string
	Official  string
	Kind      string
	Slug      string
	URL       string
	Permalink string

	// Aliases are the other names reports use ("Russia", "Türkiye" and
	// "Turkey"), and Misspellings the wrong ones seen in them
	// ("Columbia"): search finds the state by any of them.
	Aliases, Misspellings []string

	Statements []*Statement         // newest first, then in document order
	Reports    []*Report            // newest first
	BySession  []*SessionStatements // newest session first
	Topics     []TopicCount
}

// SessionStatements groups a state's statements by session for its page.
type SessionStatements struct {
	Session    *Session
	Statements []*Statement
}

// Group is a group of states or an organisation ("the African Group",
// ASEAN). Groups are detected so they are never mistaken for states; they
// have no page of their own yet.
type Group struct {
	Key  string
	Name string
	Kind string
}

// StateCount is a state with how many statements it made in some scope.
type StateCount struct {
	State *State
	Count int
}

// SortStateCounts orders counts most first, then by slug, the order every
// "most active" list uses.
func SortStateCounts(c []StateCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].State.Slug < c[j].State.Slug
	})
}
