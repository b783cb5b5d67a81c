package importer

import (
	"strings"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// roles are speakers a transcript names by office rather than by state.
// Their turns get a lead-in like a state's but no entry in the speakers
// table, which names states and groups.
var roles = map[string]bool{
	"chair": true, "the chair": true, "chairperson": true, "chairman": true, "chairwoman": true,
	"vice-chair": true, "the vice-chair": true, "president": true, "the president": true,
	"secretariat": true, "the secretariat": true, "moderator": true, "the moderator": true,
	"facilitator": true, "the facilitator": true, "rapporteur": true, "secretary": true,
}

// labelPrefixes are dropped before a label is looked up: "The delegation
// of Brazil" labels Brazil's turn.
var labelPrefixes = []string{"the delegation of ", "delegation of ", "the representative of ", "representative of ", "h.e. the representative of "}

// label is a speaker label line: who speaks, as written, and whether the
// speakers table can name them (a state or a group the gazetteer knows).
type label struct {
	name   string
	entity bool
}

// labelOf tells whether text is a speaker label: a line of its own that
// is only a state's or a group's name ("Brazil", "Brazil:", "The
// delegation of Brazil") or an office ("Chair:").
func labelOf(text string, gz *gazetteer.Gazetteer) (label, bool) {
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimSuffix(t, ":"))
	if t == "" || utf8.RuneCountInString(t) > 60 || endsSentence(t) || strings.ContainsAny(t, ",;:") {
		return label{}, false
	}
	lower := strings.ToLower(t)
	if roles[lower] {
		return label{name: t}, true
	}
	for _, p := range labelPrefixes {
		if strings.HasPrefix(lower, p) {
			t = t[len(p):]
			break
		}
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, " delegation"), " Delegation")
	e, ok := gz.Lookup(t)
	if !ok {
		return label{}, false
	}
	// A code alone ("CAN") is a word in a transcript, not a label: codes
	// are for front matter.
	if strings.EqualFold(t, e.Code) && !isForm(e, t) {
		return label{}, false
	}
	return label{name: t, entity: true}, true
}

// isForm tells whether s is one of the names a report may write for e.
func isForm(e *gazetteer.Entity, s string) bool {
	if strings.EqualFold(s, e.Name) || strings.EqualFold(s, e.Official) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(s, a) {
			return true
		}
	}
	return false
}
