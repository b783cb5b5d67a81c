package rules

import "strings"

// Kinds of verb groups.
const (
	vNone        = iota // no verb, or one that attributes nothing
	vSpeech             // "stressed", "would support"
	vStance             // "was of the view", "were in favour"
	vPassive            // "was stressed by"
	vRepresented        // "were represented by": the agents speak for the subject
)

var modals = map[string]bool{"would": true, "will": true, "could": true, "can": true, "should": true,
	"must": true, "may": true, "might": true, "did": true, "does": true, "do": true, "shall": true}

var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true,
	"being": true, "be": true, "remains": true, "remained": true}

// lower returns word k in lower case if it is a lexicon word written with
// a capital ("In", "Speaking"), and as written otherwise: no rule needs
// other words lowered, and lowering them would allocate.
func (p *parse) lower(k int) string {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tWord {
		return ""
	}
	w := p.word(k)
	if p.toks[k].flags&fCap != 0 {
		if l, ok := capitalised[w]; ok {
			return l
		}
	}
	return w
}

// subjectEnd returns where the verb group of a clause starting at i
// begins, or b when the clause has no verb the rules know.
func (p *parse) subjectEnd(i, b int) int {
	for j := i; j < b && j < i+40; j++ {
		t := p.toks[j]
		if t.flags&fQuoted != 0 || t.kind == tQuote {
			return j
		}
		if t.kind == tPunct && (t.p == ';' || t.p == ':' || t.p == '-' || t.p == '.' || t.p == '!' || t.p == '?') {
			return j
		}
		if t.kind != tWord || j == i {
			continue
		}
		c := t.cls
		lw := p.lower(j)
		switch {
		case c&cEmbed != 0 && !(c&cDet != 0 && p.cls(j+1)&cAgent != 0):
			return j
		case c&cClause != 0:
			return j
		case c&cSpeech != 0 && p.finite(j, i):
			if p.is(j+1, "by") && (p.isPunct(j-1, ',') || p.isPunct(j-1, '(')) {
				j++ // ", supported by Y": a list of speakers goes on
				continue
			}
			return j
		case c&cCopula != 0 || modals[lw]:
			return j
		case (c&cAux != 0 || strings.HasSuffix(lw, "ly")) && p.speechAhead(j, b):
			return j
		case c&cSpeech == 0 && len(lw) > 4 && strings.HasSuffix(lw, "ed") && p.subjectHead(j-1) &&
			!p.is(j+1, "by") && !p.is(j+1, "to") && !p.is(j+1, "in"):
			return j // "Russia attacked…": a verb that attributes nothing
		}
	}
	return b
}

// subjectHead reports whether token k can end a subject: a name (not a
// possessor), an agent noun, or a closing parenthesis or comma.
func (p *parse) subjectHead(k int) bool {
	if k < 0 {
		return false
	}
	t := p.toks[k]
	switch t.kind {
	case tName:
		return t.flags&fPoss == 0
	case tPunct:
		return t.p == ')' || t.p == ','
	case tQuote:
		return t.p == 'c'
	}
	return t.cls&(cAgent|cAux) != 0 || strings.HasSuffix(p.word(k), "ly")
}

// finite reports whether the speech word at j is a verb rather than a
// noun ("the call", "several states") or a participle ("the proposal
// made by Mexico").
func (p *parse) finite(j, start int) bool {
	if j == start {
		return false
	}
	w := p.lower(j)
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return p.subjectHead(j - 1)
	}
	if p.is(j+1, "by") || p.cls(j-1)&cDet != 0 {
		return false
	}
	prev := p.toks[j-1]
	return !(prev.kind == tName && prev.flags&fPoss != 0)
}

// speechAhead reports whether a speech verb or a stance follows the
// adverbs and auxiliaries at j.
func (p *parse) speechAhead(j, b int) bool {
	kind, _, _ := p.verbGroup(j, b)
	return kind != vNone
}

// verbGroup reads auxiliaries, adverbs and the verb at v, and says what
// the verb does to the subject; after is the first token past it, and for
// a passive byStart is the first token of its agents.
func (p *parse) verbGroup(v, b int) (kind, after, byStart int) {
	k, be, not := v, false, false
	for ; k < b && k < v+7; k++ {
		lw := p.lower(k)
		c := p.cls(k)
		if lw == "" {
			break
		}
		if lw == "not" || lw == "never" {
			not = true
		}
		if beForms[lw] {
			be = true
			continue
		}
		if c&(cAux|cCopula) != 0 || modals[lw] || lw == "to" || lw == "like" || strings.HasSuffix(lw, "ly") && c&cSpeech == 0 {
			if c&cSpeech != 0 && k > v {
				break
			}
			continue
		}
		break
	}
	if k >= b {
		return vNone, v, 0
	}
	c := p.cls(k)
	switch {
	case be && c&cStance != 0 && p.stance(k):
		return vStance, k + 1, 0
	case c&cSpeech != 0 && be && p.is(k+1, "by"):
		return vPassive, k + 2, k + 2
	case be && p.is(k, "represented") && p.is(k+1, "by"):
		return vRepresented, k + 2, k + 2 // "the CIS countries were represented by Kazakhstan"
	case c&cSpeech != 0 && be:
		return vNone, k + 1, 0 // "was welcomed": by no one named
	case c&cSpeech != 0:
		switch p.lower(k) {
		case "took", "take", "takes":
			if !p.is(k+2, "floor") || not {
				return vNone, k + 1, 0 // "took part"; "did not take the floor"
			}
		case "speak", "spoke", "speaks":
			if not {
				return vNone, k + 1, 0
			}
		}
		return vSpeech, k + 1, 0
	}
	return vNone, v, 0
}

// stance checks the words after a stance preposition: "of the view",
// "in favour".
func (p *parse) stance(k int) bool {
	switch p.lower(k) {
	case "in":
		switch p.lower(k + 1) {
		case "favour", "favor", "support", "agreement", "line", "accord":
			return true
		}
		return false
	case "of":
		return p.is(k+1, "the") && (p.is(k+2, "view") || p.is(k+2, "opinion") || p.is(k+2, "position") || p.is(k+2, "belief")) ||
			p.is(k+1, "a") && p.is(k+2, "view") || p.is(k+1, "the") && p.is(k+3, "view")
	}
	return true
}
