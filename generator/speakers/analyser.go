package speakers

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/registry"
	"github.com/plenary-archive/plenary/generator/speakers/rules"
)

//go:embed demonyms.tsv
var demonymsTSV string

// extraAliases are forms of state names that only the speaker analysis
// adds, so that the gazetteer's own detection stays as it was.
var extraAliases = map[string][]string{
	"USA": {"U.S.", "the U.S.", "The U.S.", "U.S.A.", "the U.S.A."},
	"GBR": {"U.K.", "the U.K.", "The U.K."},
}

// Role says whether a paragraph's name speaks or is only mentioned.
type Role uint8

// The roles.
const (
	Mentioned Role = iota
	Speaker
)

// String returns the role as data files write it.
func (r Role) String() string {
	if r == Speaker {
		return "speaker"
	}
	return "mentioned"
}

// Paragraph is one anchored block of a report, in document order.
type Paragraph struct {
	ID    string // the anchor, "p-3"
	Text  string // plain text, as the Markdown analysis gives it
	Quote bool   // inside a block quote
	Item  bool   // a list item
}

// Named is a state, group or stakeholder of one paragraph with its role.
type Named struct {
	Entity *gazetteer.Entity
	Role   Role
	// For is the group a speaker spoke on behalf of ("Egypt, on behalf of
	// the Arab Group"); By is, for that group, the speaker who spoke for it.
	For, By *gazetteer.Entity
	// Start and End are the first occurrence in the text; both are -1 for
	// a speaker handed over from an earlier paragraph or added by an
	// editor's correction.
	Start, End int
	// Misspelt is set when an occurrence is a known misspelling, and Form
	// is then that occurrence as the text writes it.
	Misspelt bool
	Form     string
}

// Analyser finds speakers and mentions. It is read-only once built.
type Analyser struct {
	gz  *gazetteer.Gazetteer
	reg *registry.Registry
}

// New returns an Analyser for the states of states (with the archive's
// aliases already applied) and the registry's groups and stakeholders.
func New(states *gazetteer.Gazetteer, reg *registry.Registry) (*Analyser, error) {
	ents, origins := reg.Entities()
	g, err := states.WithGroups(ents, origins)
	if err != nil {
		return nil, err
	}
	if g, err = g.WithAliases(extraAliases); err != nil {
		return nil, err
	}
	dem, err := readDemonyms()
	if err != nil {
		return nil, err
	}
	if g, err = g.WithDemonyms(dem); err != nil {
		return nil, err
	}
	return &Analyser{gz: g, reg: reg}, nil
}

func readDemonyms() (map[string][]string, error) {
	out := make(map[string][]string)
	sc := bufio.NewScanner(strings.NewReader(demonymsTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		code, forms, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("speakers: demonyms.tsv line %d: want code<TAB>demonyms", n)
		}
		out[code] = strings.Split(forms, "|")
	}
	return out, nil
}

// Gazetteer returns the gazetteer the Analyser detects with: the states,
// the registry's entries as groups, and the demonyms.
func (a *Analyser) Gazetteer() *gazetteer.Gazetteer { return a.gz }

// Version fingerprints everything the Analyser's results depend on
// besides the states' names: the word lists of the rules, the demonyms,
// and every entry of the registry, the archive's additions included. A
// cache of results made with another version is stale.
func (a *Analyser) Version() string {
	h := sha256.New()
	io.WriteString(h, rules.Lexicon())
	io.WriteString(h, demonymsTSV)
	for _, e := range a.reg.Entries() {
		fmt.Fprintf(h, "%q %q %q %q %q\n", e.Key, e.Name, e.Kind, e.Aliases, e.Members)
	}
	for _, code := range sortedKeys(extraAliases) {
		fmt.Fprintf(h, "%q %q\n", code, extraAliases[code])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Registry returns the registry the Analyser was built with.
func (a *Analyser) Registry() *registry.Registry { return a.reg }

// scratch is the per-call working memory, pooled so that analysing a
// paragraph allocates only its result.
type scratch struct {
	ms    []gazetteer.Mention
	rules rules.Scratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// paragraph analyses one paragraph on its own, appending its names to
// dst; the names of a quoted paragraph are all mentions. label reports a
// speaker's name standing alone.
func (a *Analyser) paragraph(dst []Named, text string, quoted bool, s *scratch) (out []Named, label bool) {
	s.ms = a.gz.DetectAppend(s.ms[:0], text)
	if len(s.ms) == 0 {
		return dst, false
	}
	label = s.rules.Read(text, s.ms, quoted)
	return a.collect(dst, s), label
}

// collect turns the mentions and their roles into one Named per entity,
// in order of first occurrence.
func (a *Analyser) collect(dst []Named, s *scratch) []Named {
	base := len(dst)
	for i, m := range s.ms {
		if s.rules.Drop[i] {
			continue
		}
		j := base
		for ; j < len(dst) && dst[j].Entity != m.Entity; j++ {
		}
		if j == len(dst) {
			dst = append(dst, Named{Entity: m.Entity, Start: m.Start, End: m.End})
		}
		if m.Misspelt && !dst[j].Misspelt {
			dst[j].Misspelt, dst[j].Form = true, m.Form
		}
		if s.rules.Role[i] {
			dst[j].Role = Speaker
			if f := s.rules.ForOf[i]; f >= 0 && dst[j].For == nil {
				dst[j].For = s.ms[f].Entity
			}
		}
	}
	for j := base; j < len(dst); j++ {
		if g := dst[j].For; g != nil {
			for k := base; k < len(dst); k++ {
				if dst[k].Entity == g && dst[k].By == nil {
					dst[k].By = dst[j].Entity
					dst[k].Role = Speaker
				}
			}
		}
	}
	return dst
}
