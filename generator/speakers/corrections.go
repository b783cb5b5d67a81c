package speakers

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Correction is an editor's list of the speakers of one paragraph, as a
// report's front matter gives it:
//
//	[speakers]
//	"p-3" = ["Egypt on behalf of the Arab Group"]
//	"p-7" = ["Brazil", "Mexico"]
//	"p-9" = []
//
// The list replaces what the rules found: the names in it speak (a
// speaker "on behalf of" a group speaks for it), every other name of the
// paragraph is mentioned, and an empty list says that no one speaks.
type Correction struct {
	Paragraph string   // the anchor, "p-3"
	Speakers  []string // names, codes or aliases, each optionally "X on behalf of G"
	Line      int      // of the entry in the source, for messages
}

// Problem is a correction that cannot be applied (an error) or that no
// longer matches the text (Stale: a warning for `plenary check`).
type Problem struct {
	Line      int
	Paragraph string
	Message   string
	Stale     bool
}

func (p Problem) Error() string { return p.Message }

// CorrectionsFrom turns a front-matter table into corrections ordered by
// paragraph number; lines gives the source line of each key, if known.
func CorrectionsFrom(table map[string][]string, lines map[string]int) []Correction {
	out := make([]Correction, 0, len(table))
	for id, names := range table {
		out = append(out, Correction{Paragraph: id, Speakers: names, Line: lines[id]})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := paragraphNumber(out[i].Paragraph), paragraphNumber(out[j].Paragraph)
		if a != b {
			return a < b
		}
		return out[i].Paragraph < out[j].Paragraph
	})
	return out
}

func paragraphNumber(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "p-"))
	if err != nil || !strings.HasPrefix(id, "p-") {
		return -1
	}
	return n
}

// Correct applies corrections to the names Report found for paras and
// returns the result (corrected paragraphs get slices of their own) with
// the problems: unknown paragraphs and names are errors naming the
// nearest ones; a list none of whose names the paragraph's text names is
// stale, unless speakers can be handed to the paragraph (a quotation or a
// list item) or it goes on a turn.
//
// A turn is a run of corrections of consecutive paragraphs with the same
// list, as `plenary import` writes for a transcript's speaker: every
// paragraph below a speaker's name is theirs, though only the first names
// them. Only the turn's first paragraph must name a speaker; when it does
// not, that one is stale and the rest of the turn says nothing more.
func (a *Analyser) Correct(paras []Paragraph, names [][]Named, fixes []Correction) ([][]Named, []Problem) {
	var problems []Problem
	index := make(map[string]int, len(paras))
	for i, p := range paras {
		index[p.ID] = i
	}
	out := names
	copied := false
	turn := -1 // the number of the paragraph last corrected, while a turn goes on
	var turnOf []string
	for _, fix := range fixes {
		i, ok := index[fix.Paragraph]
		continues := ok && turn >= 0 && paragraphNumber(fix.Paragraph) == turn+1 && slices.Equal(fix.Speakers, turnOf)
		turn = -1
		if !ok {
			problems = append(problems, Problem{Line: fix.Line, Paragraph: fix.Paragraph,
				Message: fmt.Sprintf("speakers: the report has no paragraph %q (%s)", fix.Paragraph, nearestParagraph(fix.Paragraph, paras))})
			continue
		}
		type pick struct{ e, g *gazetteer.Entity }
		var picks []pick
		bad := false
		for _, s := range fix.Speakers {
			who, group, _ := cutBehalf(s)
			e, err := a.lookup(who)
			if err == nil && group != "" {
				var g *gazetteer.Entity
				if g, err = a.lookup(group); err == nil {
					picks = append(picks, pick{e, g})
					continue
				}
			} else if err == nil {
				picks = append(picks, pick{e, nil})
				continue
			}
			problems = append(problems, Problem{Line: fix.Line, Paragraph: fix.Paragraph, Message: fmt.Sprintf("speakers: %s: %v", fix.Paragraph, err)})
			bad = true
		}
		if bad {
			continue
		}
		if !copied {
			out = append([][]Named(nil), names...)
			copied = true
		}
		var ns []Named
		named := false
		for _, n := range names[i] {
			if n.Start < 0 {
				continue // handed over or added: the correction decides
			}
			n.Role, n.For, n.By = Mentioned, nil, nil
			ns = append(ns, n)
		}
		for _, pk := range picks {
			for _, n := range ns {
				named = named || n.Entity == pk.e || n.Entity == pk.g
			}
			ns = setSpeaker(ns, 0, pk.e, pk.g, nil)
			if pk.g != nil {
				ns = setSpeaker(ns, 0, pk.g, nil, pk.e)
			}
		}
		out[i] = ns
		turn, turnOf = paragraphNumber(fix.Paragraph), fix.Speakers
		p := paras[i]
		if len(picks) > 0 && !named && !continues && !p.Quote && !p.Item && !opensWithQuote(p.Text) {
			var wanted []*gazetteer.Entity
			for _, pk := range picks {
				wanted = append(wanted, pk.e)
			}
			problems = append(problems, Problem{Line: fix.Line, Paragraph: fix.Paragraph, Stale: true,
				Message: fmt.Sprintf("speakers: %s names none of %s (%s; has the paragraph moved? correct its number or drop the entry)",
					fix.Paragraph, strings.Join(fix.Speakers, ", "), nearestNames(i, wanted, paras, names))})
		}
	}
	return out, problems
}

// cutBehalf splits "Egypt on behalf of the Arab Group".
func cutBehalf(s string) (who, group string, ok bool) {
	low := strings.ToLower(s)
	if i := strings.Index(low, " on behalf of "); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(" on behalf of "):]), true
	}
	return strings.TrimSpace(s), "", false
}

// lookup finds a state, group or stakeholder by any of its names, with
// or without a leading "the".
func (a *Analyser) lookup(name string) (*gazetteer.Entity, error) {
	if e, ok := a.gz.Lookup(name); ok {
		return e, nil
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(name), "the "); ok {
		if e, ok := a.gz.Lookup(rest); ok {
			return e, nil
		}
	}
	if s := a.gz.Suggest(name); s != "" {
		return nil, fmt.Errorf("unknown speaker %q (did you mean %q?)", name, s)
	}
	return nil, fmt.Errorf("unknown speaker %q: not a state, nor a group or stakeholder of the registry (add it to speakers.toml)", name)
}

// nearestParagraph describes the paragraphs an unknown anchor could have
// meant.
func nearestParagraph(id string, paras []Paragraph) string {
	if len(paras) == 0 {
		return "it has no paragraphs"
	}
	last := paras[len(paras)-1].ID
	if n := paragraphNumber(id); n > paragraphNumber(last) {
		return fmt.Sprintf("its last paragraph is %s", last)
	}
	return fmt.Sprintf("its paragraphs are %s to %s", paras[0].ID, last)
}

// nearestNames says, for a stale correction of paragraph i, what the
// paragraph names instead and the nearest paragraph that names one of
// wanted: where the entry most likely belongs.
func nearestNames(i int, wanted []*gazetteer.Entity, paras []Paragraph, names [][]Named) string {
	var here []string
	for _, n := range names[i] {
		if n.Start >= 0 && !slices.Contains(here, n.Entity.Name) {
			here = append(here, n.Entity.Name)
		}
	}
	out := "it names no one"
	if len(here) > 0 {
		out = "it names " + strings.Join(here, ", ")
	}
	for d := 1; d < len(paras); d++ {
		for _, j := range []int{i - d, i + d} {
			if j < 0 || j >= len(paras) {
				continue
			}
			for _, n := range names[j] {
				if n.Start >= 0 && slices.Contains(wanted, n.Entity) {
					return fmt.Sprintf("%s; %s is named in %s", out, n.Entity.Name, paras[j].ID)
				}
			}
		}
	}
	return out
}
