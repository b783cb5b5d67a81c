package registry

import (
	"fmt"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// check validates the merged entries: a known kind, a name, members that
// are states, and names that no state and no other entry uses, compared
// the way editors' lookups compare them (case, accents and punctuation
// folded), so that a clash is caught before it could confuse detection.
func (r *Registry) check(g *gazetteer.Gazetteer) error {
	type claim struct{ form, owner string }
	claims := make(map[string]claim)
	for _, st := range g.States() {
		forms := append([]string{st.Name, st.Official}, st.Aliases...)
		forms = append(forms, st.Misspellings...)
		for _, f := range forms {
			if k := gazetteer.Slugify(f); k != "" {
				claims[k] = claim{f, fmt.Sprintf("the state %s (%s)", st.Name, st.Code)}
			}
		}
	}
	for _, e := range r.entries {
		switch {
		case e.Name == "":
			return fmt.Errorf("%s: %s has no name", e.Origin, e.Key)
		case !knownKind(e.Kind):
			return fmt.Errorf("%s: kind %q of %s is not one of %s", e.Origin, e.Kind, e.Key, kindList())
		case len(e.Members) > 0 && !e.IsGroup():
			return fmt.Errorf("%s: %s has members but its kind %s is not a group of states", e.Origin, e.Key, e.Kind)
		}
		for _, m := range e.Members {
			st, ok := g.Lookup(m)
			if !ok || !st.IsState() || st.Code != m {
				return fmt.Errorf("%s: member %q of %s is not a state's ISO 3166-1 alpha-3 code", e.Origin, m, e.Key)
			}
		}
		owner := fmt.Sprintf("%s (%s)", e.Key, e.Origin)
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			k := gazetteer.Slugify(f)
			if k == "" {
				return fmt.Errorf("%s: name %q of %s has no letters or digits", e.Origin, f, e.Key)
			}
			if c, ok := claims[k]; ok && c.owner != owner {
				return fmt.Errorf("%s: name %q of %s is also %q of %s (rename one, or drop the alias)", e.Origin, f, e.Key, c.form, c.owner)
			}
			claims[k] = claim{f, owner}
		}
	}
	return nil
}

func kindList() string {
	s := ""
	for i, k := range Kinds {
		if i > 0 {
			s += ", "
		}
		s += k.Key
	}
	return s
}

// Entries returns the entries in the order of the built-in list, then of
// the archive's additions. The slice is the caller's.
func (r *Registry) Entries() []*Entry {
	return append([]*Entry(nil), r.entries...)
}

// Entry returns the entry with the key, or nil.
func (r *Registry) Entry(key string) *Entry { return r.byKey[key] }

// Entities returns the entries as gazetteer entities (the key as code and
// slug) with where each was defined, for gazetteer.WithGroups.
func (r *Registry) Entities() ([]*gazetteer.Entity, []string) {
	ents := make([]*gazetteer.Entity, len(r.entries))
	origins := make([]string, len(r.entries))
	for i, e := range r.entries {
		ents[i] = &gazetteer.Entity{Code: e.Key, Name: e.Name, Kind: e.Kind, Slug: e.Key, Aliases: e.Aliases}
		origins[i] = e.Origin
	}
	return ents, origins
}
