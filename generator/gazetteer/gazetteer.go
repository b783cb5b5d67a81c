package gazetteer

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed states.tsv
var statesTSV string

//go:embed groups.tsv
var groupsTSV string

// Gazetteer knows the states and groups, their names, and how to find them
// in text. It is never modified after it is built, so one value can serve
// every goroutine of a build.
type Gazetteer struct {
	entities []*Entity // states in file order, then groups in file order
	origins  []string  // where each entity was defined, for error messages
	states   []*Entity // sorted for display
	groups   []*Entity
	// lookup maps Slugify(form) to its entity: slugifying folds case,
	// accents, apostrophes and spacing in one step.
	lookup  map[string]*Entity
	suggest []candidate
	index   index
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer of the embedded lists. It is parsed on
// first use and shared afterwards: callers must not modify the entities.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := Parse(strings.NewReader(statesTSV), strings.NewReader(groupsTSV))
		if err != nil {
			panic(err) // the embedded lists are checked by the package tests
		}
		defaultG = g
	})
	return defaultG
}

// Parse reads the two tab-separated lists in the format of the embedded
// states.tsv (code, short name, official name, kind, aliases,
// misspellings) and groups.tsv (key, name, kind, aliases); lists within a
// column are separated by '|'. Blank lines and lines starting with '#' are
// skipped. Errors name the list and the line, since an editor extending the
// lists has to find the row to fix.
func Parse(states, groups io.Reader) (*Gazetteer, error) {
	var ents []*Entity
	var origins []string
	seen := make(map[string]string) // code or key -> origin
	add := func(e *Entity, origin string) error {
		if prev, ok := seen[e.Code]; ok {
			return fmt.Errorf("code %q already defined at %s", e.Code, prev)
		}
		seen[e.Code] = origin
		ents = append(ents, e)
		origins = append(origins, origin)
		return nil
	}

	err := readTSV(states, "states", 4, 6, func(origin string, f []string) error {
		e := &Entity{Code: f[0], Name: f[1], Official: f[2], Kind: f[3]}
		if len(e.Code) != 3 || strings.Trim(e.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return fmt.Errorf("code %q is not three capital letters (ISO 3166-1 alpha-3)", e.Code)
		}
		if !isStateKind(e.Kind) {
			return fmt.Errorf("kind %q of %s is not %s, %s or %s", e.Kind, e.Code, KindMember, KindObserverState, KindObserverOrganisation)
		}
		if len(f) > 4 {
			e.Aliases = splitList(f[4])
		}
		if len(f) > 5 {
			e.Misspellings = splitList(f[5])
		}
		e.Slug = Slugify(e.Name)
		if err := checkForms(e); err != nil {
			return err
		}
		return add(e, origin)
	})
	if err != nil {
		return nil, err
	}

	err = readTSV(groups, "groups", 3, 4, func(origin string, f []string) error {
		e := &Entity{Code: f[0], Name: f[1], Kind: f[2], Slug: f[0]}
		if e.Code == "" || Slugify(e.Code) != e.Code {
			return fmt.Errorf("key %q is not a slug (lower case, digits, hyphens)", e.Code)
		}
		if e.Kind == "" || isStateKind(e.Kind) {
			return fmt.Errorf("kind %q of %s is not a group kind", e.Kind, e.Code)
		}
		if len(f) > 3 {
			e.Aliases = splitList(f[3])
		}
		if err := checkForms(e); err != nil {
			return err
		}
		return add(e, origin)
	})
	if err != nil {
		return nil, err
	}
	return build(ents, origins)
}

// readTSV calls fn with the trimmed fields of each data line.
func readTSV(r io.Reader, list string, minCols, maxCols int, fn func(origin string, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		origin := fmt.Sprintf("%s line %d", list, n)
		fields := strings.Split(line, "\t")
		if len(fields) < minCols || len(fields) > maxCols {
			return fmt.Errorf("gazetteer: %s: %d tab-separated columns, want %d to %d", origin, len(fields), minCols, maxCols)
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if fields[1] == "" {
			return fmt.Errorf("gazetteer: %s: empty name", origin)
		}
		if err := fn(origin, fields); err != nil {
			return fmt.Errorf("gazetteer: %s: %w", origin, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: reading %s: %w", list, err)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkForms rejects names that detection could never find: the trie is
// entered only at the first byte of a word.
func checkForms(e *Entity) error {
	for _, f := range allForms(e) {
		if err := checkForm(f); err != nil {
			return fmt.Errorf("%s: %w", e.Code, err)
		}
	}
	return nil
}

func checkForm(f string) error {
	r, _ := utf8.DecodeRuneInString(f)
	if !isWordRune(r) || unicode.IsMark(r) {
		return fmt.Errorf("name %q does not start with a letter or digit", f)
	}
	if !utf8.ValidString(f) {
		return fmt.Errorf("name %q is not valid UTF-8", f)
	}
	for _, r := range f {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return fmt.Errorf("name %q contains control character %U", f, r)
		}
	}
	return nil
}

// lookupForms are the names Lookup accepts: all but the misspellings.
func lookupForms(e *Entity) []string {
	forms := []string{e.Name}
	if e.Official != "" {
		forms = append(forms, e.Official)
	}
	forms = append(forms, e.Aliases...)
	return append(forms, e.Code, e.Slug)
}

// allForms are the names an entity is written with in data and text.
func allForms(e *Entity) []string {
	forms := []string{e.Name}
	if e.Official != "" {
		forms = append(forms, e.Official)
	}
	forms = append(forms, e.Aliases...)
	return append(forms, e.Misspellings...)
}

// build derives the lookup map, the detection trie and the sorted lists
// from the entities, and rejects any name that would be ambiguous.
func build(ents []*Entity, origins []string) (*Gazetteer, error) {
	g := &Gazetteer{entities: ents, origins: origins, lookup: make(map[string]*Entity)}
	describe := func(i int) string { return fmt.Sprintf("%s (%s)", ents[i].Code, origins[i]) }

	slugs := make(map[string]int)
	for i, e := range ents {
		if j, ok := slugs[e.Slug]; ok {
			return nil, fmt.Errorf("gazetteer: slug %q of %s is also the slug of %s", e.Slug, describe(i), describe(j))
		}
		slugs[e.Slug] = i
	}

	// Lookup: case, accents and punctuation are folded, so more names
	// collide than in detection. Two states (or two groups) may not share
	// a name; between a state and a group the state wins, because Lookup
	// serves front-matter state lists: "NAM" is Namibia's code there,
	// though in report text it is the Non-Aligned Movement.
	type claim struct {
		entity int
		form   string
	}
	owner := make(map[string]claim)
	for i, e := range ents {
		for _, f := range lookupForms(e) {
			key := Slugify(f)
			prev, ok := owner[key]
			switch {
			case !ok:
				owner[key] = claim{i, f}
			case prev.entity == i:
			case ents[prev.entity].IsState() == e.IsState():
				return nil, fmt.Errorf("gazetteer: %q of %s and %q of %s are the same name", prev.form, describe(prev.entity), f, describe(i))
			}
			// otherwise the first claim stands, and it is the state's:
			// states come before groups in ents
		}
	}
	for k, c := range owner {
		g.lookup[k] = ents[c.entity]
	}

	// Detection: case-sensitive, so only identical normalised forms clash,
	// and any clash is an error: text gives no way to choose. Official
	// names written the ISO way round ("Korea, Republic of") are left out:
	// prose never uses them, and the comma would let them swallow the
	// start of a list ("Korea, Republic of Moldova").
	forms := make(map[string]trieEntry)
	written := make(map[string]string) // normalised form -> as written, for errors
	for i, e := range ents {
		var names []string
		names = append(names, e.Name)
		if e.Official != "" && !strings.Contains(e.Official, ",") {
			names = append(names, e.Official)
		}
		names = append(names, e.Aliases...)
		nm := len(names) + len(e.Misspellings)
		all := append(append(names, e.Misspellings...), e.Demonyms...)
		for k, f := range all {
			entry := trieEntry{entity: int32(i), misspelt: k >= len(names) && k < nm, demonym: k >= nm}
			for _, v := range articleVariants(f) {
				norm := normalize(v)
				prev, ok := forms[norm]
				switch {
				case !ok:
					forms[norm] = entry
					written[norm] = v
				case int(prev.entity) != i:
					return nil, fmt.Errorf("gazetteer: %q of %s and %q of %s are the same name", written[norm], describe(int(prev.entity)), v, describe(i))
				case prev.demonym || (prev.misspelt && !entry.demonym):
					// a name outranks a misspelling, and both a demonym
					forms[norm] = entry
				}
			}
		}
	}
	g.index = newIndex(forms)

	for _, e := range ents {
		if e.IsState() {
			g.states = append(g.states, e)
		} else {
			g.groups = append(g.groups, e)
		}
	}
	sortEntities(g.states)
	sortEntities(g.groups)
	g.suggest = candidates(ents)
	return g, nil
}

// articleVariants lets a name listed with a leading "the" also match at
// the start of a sentence, and the other way round.
func articleVariants(f string) []string {
	switch {
	case strings.HasPrefix(f, "the "):
		return []string{f, "The " + f[4:]}
	case strings.HasPrefix(f, "The "):
		return []string{f, "the " + f[4:]}
	}
	return []string{f}
}

func sortEntities(es []*Entity) {
	keys := make(map[*Entity]string, len(es))
	for _, e := range es {
		keys[e] = collationKey(e.Name)
	}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := keys[es[i]], keys[es[j]]
		if a != b {
			return a < b
		}
		return es[i].Code < es[j].Code
	})
}

// WithAliases returns a copy of g that also knows the extra names, as an
// archive's config adds them for forms its reports use. Keys are codes or
// names of existing entities ("FRA" or "France"). g itself is unchanged,
// so the shared Default stays the same for everyone.
func (g *Gazetteer) WithAliases(extra map[string][]string) (*Gazetteer, error) {
	return g.withForms(extra, false)
}

// WithDemonyms returns a copy of g that also detects the demonyms given
// per state (keys as in WithAliases): "Chinese" for China. Their mentions
// carry Demonym, so that only a caller that knows what follows them ("the
// Chinese delegation") counts them; Detect alone never needs them.
func (g *Gazetteer) WithDemonyms(demonyms map[string][]string) (*Gazetteer, error) {
	return g.withForms(demonyms, true)
}

// WithGroups returns a copy of g whose groups are the ones given instead
// of the built-in list: a registry of groups and organisations that an
// archive extends. Each origin says where its group was defined, so that
// a name two entries share is reported with both places.
func (g *Gazetteer) WithGroups(groups []*Entity, origins []string) (*Gazetteer, error) {
	if len(origins) != len(groups) {
		return nil, fmt.Errorf("gazetteer: %d groups but %d origins", len(groups), len(origins))
	}
	var ents []*Entity
	var orig []string
	for i, e := range g.entities {
		if e.IsState() {
			ents = append(ents, e)
			orig = append(orig, g.origins[i])
		}
	}
	for i, e := range groups {
		if e.Code == "" || Slugify(e.Code) != e.Code {
			return nil, fmt.Errorf("gazetteer: %s: key %q is not a slug (lower case, digits, hyphens)", origins[i], e.Code)
		}
		if e.Kind == "" || isStateKind(e.Kind) {
			return nil, fmt.Errorf("gazetteer: %s: kind %q of %s is not a group kind", origins[i], e.Kind, e.Code)
		}
		if err := checkForms(e); err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", origins[i], err)
		}
	}
	return build(append(ents, groups...), append(orig, origins...))
}

func (g *Gazetteer) withForms(extra map[string][]string, demonyms bool) (*Gazetteer, error) {
	ents := make([]*Entity, len(g.entities))
	pos := make(map[*Entity]int, len(g.entities))
	for i, e := range g.entities {
		c := *e
		c.Aliases = slices.Clone(e.Aliases)
		c.Misspellings = slices.Clone(e.Misspellings)
		c.Demonyms = slices.Clone(e.Demonyms)
		ents[i] = &c
		pos[e] = i
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first error is the same on every run
	for _, k := range keys {
		e, ok := g.Lookup(k)
		if !ok {
			msg := fmt.Sprintf("gazetteer: aliases for unknown state or group %q", k)
			if s := g.Suggest(k); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, errors.New(msg)
		}
		c := ents[pos[e]]
		for _, a := range extra[k] {
			a = strings.TrimSpace(a)
			if err := checkForm(a); err != nil {
				return nil, fmt.Errorf("gazetteer: alias for %q: %w", k, err)
			}
			switch {
			case demonyms && !c.IsState():
				return nil, fmt.Errorf("gazetteer: demonym %q for %s, which is not a state", a, c.Name)
			case demonyms:
				if !slices.Contains(c.Demonyms, a) {
					c.Demonyms = append(c.Demonyms, a)
				}
			case !slices.Contains(allForms(c), a):
				c.Aliases = append(c.Aliases, a)
			}
		}
	}
	return build(ents, slices.Clone(g.origins))
}

// States returns the states (members, observer states and the EU) sorted
// by name as a reader expects: accents and case do not count, so
// "Côte d'Ivoire" sorts under C. The slice is the caller's.
func (g *Gazetteer) States() []*Entity {
	return slices.Clone(g.states)
}

// Groups returns the groups and organisations, sorted like States.
func (g *Gazetteer) Groups() []*Entity {
	return slices.Clone(g.groups)
}

// Lookup finds the entity an editor means by a name written in front
// matter: its name, official name, alias, code or slug, ignoring case,
// accents, apostrophe style and spacing. Misspellings are not accepted:
// they are what Suggest is for. Where a state and a group share a
// name (Namibia's code NAM and the Non-Aligned Movement's "NAM"), the state
// wins.
func (g *Gazetteer) Lookup(name string) (*Entity, bool) {
	key := Slugify(name)
	if key == "" {
		return nil, false
	}
	e, ok := g.lookup[key]
	return e, ok
}
