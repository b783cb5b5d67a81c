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

	// Statements are what the state said (it is the speaker), newest
	// first, then in document order; Mentions are the paragraphs that
	// only name it, in the same order.
	Statements []*Statement
	Mentions   []*Statement
	// Reports are the reports in which it spoke, or which name it in
	// their title or front matter, newest first.
	Reports   []*Report
	BySession []*SessionStatements // its statements by session, newest session first
	Topics    []TopicCount         // its statements per topic
}

// HasPage tells whether the state has pages: it is named in the archive.
func (st *State) HasPage() bool { return len(st.Reports) > 0 || len(st.Mentions) > 0 }

// SessionStatements groups a state's or group's statements by session
// for its page.
type SessionStatements struct {
	Session    *Session
	Statements []*Statement
}

// Group is a non-state speaker of the registry: a group of states ("the
// African Group", ASEAN) or a stakeholder (an organisation: the ICRC,
// Microsoft), with everything the archive attributes to it, as a State
// has.
type Group struct {
	Key  string // the registry's key, and the last segment of its URL
	Name string
	// Aliases are the registry's other names of it ("ICRC"), by which
	// search finds it.
	Aliases []string
	// Kind is the registry's kind ("regional-group", "civil-society");
	// OfStates tells groups of states from stakeholders.
	Kind      string
	OfStates  bool
	URL       string // "/groups/<key>/" or "/stakeholders/<key>/"
	Permalink string
	// Members are the member states, where the registry fixes them.
	Members []*State

	Statements []*Statement // what it said, itself or through a state on its behalf
	Mentions   []*Statement // the paragraphs that only name it
	Reports    []*Report    // the reports in which it spoke, newest first
	BySession  []*SessionStatements
	Topics     []TopicCount
}

// GroupCount is a group or stakeholder with how many statements it made
// in some scope.
type GroupCount struct {
	Group *Group
	Count int
}

// SortGroupCounts orders counts most first, then by key.
func SortGroupCounts(c []GroupCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Group.Key < c[j].Group.Key
	})
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
