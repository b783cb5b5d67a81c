package registry

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

//go:embed registry.toml
var builtin []byte

// BuiltinName is how errors name the embedded list.
const BuiltinName = "registry.toml (built in)"

// Kinds of entries. The first three are groups of states, with pages under
// /groups/; the others are stakeholders, under /stakeholders/.
const (
	KindRegionalGroup             = "regional-group"
	KindPoliticalGroup            = "political-group"
	KindRegionalOrganisation      = "regional-organisation"
	KindInternationalOrganisation = "international-organisation"
	KindCivilSociety              = "civil-society"
	KindPrivateSector             = "private-sector"
	KindAcademia                  = "academia"
	KindTechnicalCommunity        = "technical-community"
)

// Kinds lists every kind in the order indexes show them, with its title.
var Kinds = []struct{ Key, Title string }{
	{KindRegionalGroup, "UN regional groups"},
	{KindPoliticalGroup, "Political groups of states"},
	{KindRegionalOrganisation, "Regional organisations"},
	{KindInternationalOrganisation, "International organisations"},
	{KindCivilSociety, "Civil society"},
	{KindPrivateSector, "Private sector"},
	{KindAcademia, "Academia and think tanks"},
	{KindTechnicalCommunity, "Technical community"},
}

// IsGroupKind reports whether entries of the kind are groups of states.
func IsGroupKind(kind string) bool {
	switch kind {
	case KindRegionalGroup, KindPoliticalGroup, KindRegionalOrganisation:
		return true
	}
	return false
}

func knownKind(kind string) bool {
	for _, k := range Kinds {
		if k.Key == kind {
			return true
		}
	}
	return false
}

// Entry is one group or organisation. Entries are shared by every user of
// a Registry and must be treated as read-only.
type Entry struct {
	Key     string   `toml:"key"`
	Name    string   `toml:"name"`
	Kind    string   `toml:"kind"`
	Aliases []string `toml:"aliases"`
	// Members are ISO 3166-1 alpha-3 codes, for groups whose membership
	// is fixed; empty otherwise.
	Members []string `toml:"members"`
	// Origin is where the entry was defined or last changed ("file line
	// N"), for messages.
	Origin string `toml:"-"`
}

// IsGroup reports whether the entry is a group of states.
func (e *Entry) IsGroup() bool { return IsGroupKind(e.Kind) }

// Source is one registry file of an archive: its name (for messages) and
// its text.
type Source struct {
	Name string
	Data []byte
}

// Registry is the merged, checked list of non-state speakers. It is never
// modified after Load returns it.
type Registry struct {
	entries []*Entry
	byKey   map[string]*Entry
}

// Load reads the built-in list and merges the archive's sources over it in
// order, then checks every entry against the states of g and against each
// other. Errors name the file and line of each entry involved.
func Load(g *gazetteer.Gazetteer, sources ...Source) (*Registry, error) {
	r := &Registry{byKey: make(map[string]*Entry)}
	all := append([]Source{{BuiltinName, builtin}}, sources...)
	for _, src := range all {
		entries, err := parse(src)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			r.merge(e)
		}
	}
	if err := r.check(g); err != nil {
		return nil, err
	}
	return r, nil
}

// merge adds e, or folds it into the entry with its key: fields it gives
// replace the old ones, its aliases are added.
func (r *Registry) merge(e *Entry) {
	old, ok := r.byKey[e.Key]
	if !ok {
		r.entries = append(r.entries, e)
		r.byKey[e.Key] = e
		return
	}
	c := *old
	if e.Name != "" {
		c.Name = e.Name
	}
	if e.Kind != "" {
		c.Kind = e.Kind
	}
	if e.Members != nil {
		c.Members = e.Members
	}
	c.Aliases = slices.Clone(old.Aliases)
	for _, a := range e.Aliases {
		if !slices.Contains(c.Aliases, a) {
			c.Aliases = append(c.Aliases, a)
		}
	}
	c.Origin = e.Origin
	for i, x := range r.entries {
		if x == old {
			r.entries[i] = &c
		}
	}
	r.byKey[e.Key] = &c
}

type file struct {
	Speaker []*Entry `toml:"speaker"`
}

// parse decodes one source strictly and gives each entry its origin: the
// line of its [[speaker]] header.
func parse(src Source) ([]*Entry, error) {
	var f file
	dec := toml.NewDecoder(bytes.NewReader(src.Data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			return nil, fmt.Errorf("%s:%d: %s", src.Name, line, de.String())
		}
		var se *toml.StrictMissingError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: %s (the fields are key, name, kind, aliases, members)", src.Name, se.String())
		}
		return nil, fmt.Errorf("%s: %w", src.Name, err)
	}
	lines := headerLines(src.Data)
	seen := make(map[string]string)
	for i, e := range f.Speaker {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		e.Origin = fmt.Sprintf("%s:%d", src.Name, line)
		if e.Key == "" || gazetteer.Slugify(e.Key) != e.Key {
			return nil, fmt.Errorf("%s: key %q is not a slug (lower case letters, digits, hyphens)", e.Origin, e.Key)
		}
		if prev, ok := seen[e.Key]; ok {
			return nil, fmt.Errorf("%s: key %q is already defined at %s in the same file", e.Origin, e.Key, prev)
		}
		seen[e.Key] = e.Origin
	}
	return f.Speaker, nil
}

// headerLines returns the line of every [[speaker]] header, in order.
func headerLines(data []byte) []int {
	var out []int
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "[[speaker]]" {
			out = append(out, n+1)
		}
	}
	return out
}
