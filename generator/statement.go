package generator

// Role says whether a statement's speaker says the paragraph or is only
// named in it.
type Role uint8

// The roles.
const (
	// Mentioned: named in the paragraph (an object, a possessor of what
	// others did, a name inside a quotation), not its speaker.
	Mentioned Role = iota
	// Speaker: the paragraph is what it said, or part of it.
	Speaker
)

// String returns the role as data files write it.
func (r Role) String() string {
	if r == Speaker {
		return "speaker"
	}
	return "mentioned"
}

// Statement is a paragraph in which a state, a group or a stakeholder
// speaks or is mentioned: the archive's answer to "what did this state
// say, when, on what".
type Statement struct {
	// State is the state, or nil for a group's or stakeholder's statement.
	State *State
	// Group is the group or stakeholder when State is nil.
	Group     *Group
	Report    *Report
	Paragraph *Paragraph
	// Key is ParagraphKey of its report's Key and its paragraph's
	// number: pages listing thousands of statements decide where they end
	// and whether they changed from keys alone, without reaching into
	// every report.
	Key  uint64
	Role Role
	// OnBehalfOf is the group a speaker spoke for ("Egypt, on behalf of
	// the Arab Group"); nil otherwise.
	OnBehalfOf *Group
}

// URL is the report's URL with the paragraph's anchor. It is made when
// asked for: an archive has tens of statements per report, and keeping
// each one's URL was a fifth of the Site's memory.
func (s *Statement) URL() string { return s.Report.URL + "#" + s.Paragraph.ID }

// Name is the name of the statement's state, group or stakeholder.
func (s *Statement) Name() string {
	if s.State != nil {
		return s.State.Name
	}
	return s.Group.Name
}

// SpeakerKey identifies the statement's speaker, or the one named: a
// state's ISO code ("FRA"), a group's or stakeholder's registry key
// ("arab-group"), which never look alike.
func (s *Statement) SpeakerKey() string {
	if s.State != nil {
		return s.State.Code
	}
	return s.Group.Key
}

// SpeakerURL is the page of the statement's state, group or stakeholder.
func (s *Statement) SpeakerURL() string {
	if s.State != nil {
		return s.State.URL
	}
	return s.Group.URL
}
