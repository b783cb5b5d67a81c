package gazetteer

// Kinds of states. A group's kind is whatever groups.tsv says (for example
// "regional-group"); it must never be one of these, so that IsState can
// tell the two apart by kind alone.
const (
	KindMember               = "member"
	KindObserverState        = "observer-state"
	KindObserverOrganisation = "observer-organisation" // the European Union
)

// Entity is a state or a group as the archive knows it. Entities are shared
// by every caller of a Gazetteer and must be treated as read-only.
type Entity struct {
	// Code is the ISO 3166-1 alpha-3 code for states ("FRA"; "EUU" for the
	// EU, which has none) and the key for groups ("african-group"): the
	// stable identifier that front matter and data files may use.
	Code string
	// Name is the short name as the UN uses it ("Côte d'Ivoire",
	// "Russian Federation"): what pages show.
	Name string
	// Official is the official name from ISO 3166-1; empty for groups.
	Official string
	// Kind is KindMember, KindObserverState or KindObserverOrganisation
	// for states, the group's kind for groups.
	Kind string
	// Slug is the URL path segment of the entity's page: Slugify(Name)
	// for states, the key for groups.
	Slug string
	// Aliases are further names that reports use ("the UK", "DPRK").
	Aliases []string
	// Misspellings are wrong forms seen in real reports ("Columbia"):
	// detected, so the statement is not lost, but flagged for editors.
	Misspellings []string
	// Demonyms are adjectives of a state ("Chinese"), detected only by a
	// gazetteer made WithDemonyms and marked so in each Mention: "the
	// Chinese delegation" names China, "Chinese actors" does not.
	Demonyms []string
}

// IsState reports whether the entity gets a state page: members, observer
// states and the EU do, groups never do.
func (e *Entity) IsState() bool {
	return isStateKind(e.Kind)
}

func isStateKind(kind string) bool {
	switch kind {
	case KindMember, KindObserverState, KindObserverOrganisation:
		return true
	}
	return false
}

// Mention is one occurrence of an entity's name in a text.
type Mention struct {
	Entity *Entity
	// Start and End are byte offsets into the text given to Detect, so
	// that callers can slice, highlight or link the original text.
	Start, End int
	// Form is text[Start:End], the name as the report wrote it.
	Form string
	// Misspelt is set when the name matched through a known misspelling,
	// so that `plenary check` can ask an editor to fix the source.
	Misspelt bool
	// Demonym is set when the form is one of the entity's Demonyms: an
	// adjective that names the state only in front of a noun such as
	// "delegation", which is for the caller to decide.
	Demonym bool
}
