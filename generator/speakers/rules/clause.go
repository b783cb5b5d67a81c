package rules

import "strings"

// parse holds one paragraph while the rules read it: its tokens and, per
// mention, whether it speaks and for which group.
type parse struct {
	text  string
	toks  []token
	role  []bool  // per mention: a speaker
	forOf []int16 // per mention: the mention of the group it speaks for, or -1
	// agBuf and foBuf lend agents their slices: what it returns is valid
	// until its next call.
	agBuf, foBuf []int16
}

func (p *parse) word(k int) string { t := p.toks[k]; return p.text[t.s:t.e] }

// is reports whether token k is the word w, in any case.
func (p *parse) is(k int, w string) bool {
	return k >= 0 && k < len(p.toks) && p.toks[k].kind == tWord && strings.EqualFold(p.word(k), w)
}

func (p *parse) isPunct(k int, c byte) bool {
	return k >= 0 && k < len(p.toks) && p.toks[k].kind == tPunct && p.toks[k].p == c
}

func (p *parse) cls(k int) uint16 {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tWord {
		return 0
	}
	return p.toks[k].cls
}

// run applies the rules to the whole paragraph. It reports whether the
// paragraph is a label: a speaker's name standing alone, as transcripts
// put it above what the speaker said.
func (p *parse) run() (label bool) {
	if end, ok := p.labelLine(); ok {
		return end == len(p.toks)
	}
	for i := 0; i < len(p.toks); {
		j := i
		for j < len(p.toks) && (p.toks[j].flags&fEnd == 0 || p.toks[j].flags&fQuoted != 0) {
			j++
		}
		if j < len(p.toks) {
			j++
		}
		p.sentence(i, j)
		i = j
	}
	return false
}

// labelLine recognises "Thailand: …", "Egypt (on behalf of the Arab
// Group) – …" and a name standing alone, and returns where the label ends.
func (p *parse) labelLine() (int, bool) {
	end := len(p.toks)
	for k, t := range p.toks {
		if t.kind == tPunct && (t.p == ':' || t.p == '-') {
			end = k
			break
		}
		if k > 12 || t.flags&fQuoted != 0 || t.kind == tQuote || (t.kind == tPunct && (t.p == '.' || t.p == ';') && k != len(p.toks)-1) {
			return 0, false
		}
	}
	if end > 12 || end == 0 {
		return 0, false
	}
	agents, fors, clean := p.agents(0, end)
	if !clean || len(agents) == 0 {
		return 0, false
	}
	p.mark(agents, fors)
	return end, true
}

// sentence reads the clauses of one sentence, tokens [a, b).
func (p *parse) sentence(a, b int) {
	embedded := false
	for i := a; i < b; {
		i, embedded = p.clause(i, b, embedded)
	}
}

// clause reads one clause from i: adverbial phrases, a subject, its verb,
// and the rest up to where the next clause starts, which it returns with
// whether that clause is reported by another ("…noted that Mexico…").
func (p *parse) clause(i, b int, embedded bool) (int, bool) {
	start := i
	var fors []int16
	for i < b && (p.cls(i)&cClause != 0 || p.toks[i].kind == tQuote && p.toks[i].p == 'c' || p.isPunct(i, ',')) {
		i++
	}
	// inverted attribution after a quotation: "‘…,’ said Kenya."
	afterQuote := i > 0 && p.toks[i-1].flags&fQuoted != 0 || i > 1 && p.isPunct(i-1, ',') && p.toks[i-2].kind == tQuote
	if afterQuote && i < b && p.toks[i].flags&fQuoted == 0 && p.cls(i)&cSpeech != 0 {
		e := p.phraseEnd(i+1, b)
		agents, f, _ := p.agents(i+1, e)
		if !embedded {
			p.mark(agents, f)
		}
		return p.rest(e, b, embedded)
	}
	for {
		next, f, said, ok := p.intro(i, b, embedded)
		if !ok {
			break
		}
		fors = append(fors, f...)
		if said {
			embedded = false
		}
		i = next
	}
	v := p.subjectEnd(i, b)
	kind, after, byStart := p.verbGroup(v, b)
	switch kind {
	case vSpeech, vStance:
		agents, f, _ := p.agents(i, v)
		if !embedded {
			p.mark(agents, append(fors[:len(fors):len(fors)], f...))
		}
	case vRepresented:
		groups, _, _ := p.agents(i, v)
		groups = append([]int16(nil), groups...)
		e := p.phraseEnd(byStart, b)
		agents, _, _ := p.agents(byStart, e)
		if !embedded {
			p.mark(agents, groups)
		}
		after = e
	case vPassive:
		e := p.phraseEnd(byStart, b)
		agents, f, _ := p.agents(byStart, e)
		if !embedded {
			p.mark(agents, append(fors[:len(fors):len(fors)], f...))
		}
		after = e
	}
	if after <= start {
		after = start + 1
	}
	return p.rest(after, b, embedded)
}

// phraseEnd is where a phrase of names after "by" or an inverted verb
// ends: at punctuation other than a comma or parenthesis, a quotation, or
// a word that opens a clause.
func (p *parse) phraseEnd(i, b int) int {
	for ; i < b; i++ {
		t := p.toks[i]
		if t.kind == tQuote || t.flags&fQuoted != 0 || t.kind == tPunct && t.p != ',' && t.p != '(' && t.p != ')' && t.p != '&' {
			return i
		}
		if t.kind == tWord && (t.cls&(cClause|cEmbed) != 0 || t.cls&cSpeech != 0 && !p.is(i+1, "by")) {
			return i
		}
		if t.kind == tWord && t.cls&(cDet|cAgent|cTitle|cLink|cDelegation) == 0 && t.flags&fCap == 0 && !p.is(i, "and") && !p.is(i, "or") && t.cls&cSpeech == 0 {
			return i // "by the Netherlands as an example"
		}
		if p.isPunct(i, ',') && !p.startsNames(i+1, b) {
			return i
		}
	}
	return b
}

// startsNames reports whether a list of names goes on at i.
func (p *parse) startsNames(i, b int) bool {
	for ; i < b && i < len(p.toks); i++ {
		switch {
		case p.toks[i].kind == tName:
			return true
		case p.cls(i)&(cDet|cLink) != 0 || p.is(i, "and"):
			continue
		}
		return false
	}
	return false
}

// rest scans from i to the start of the next clause; the names it passes
// stay mentions.
func (p *parse) rest(i, b int, embedded bool) (int, bool) {
	for k := i; k < b; k++ {
		t := p.toks[k]
		if t.flags&fQuoted != 0 && t.kind != tQuote {
			continue
		}
		switch {
		case t.kind == tPunct && (t.p == ';' || t.p == ':'):
			return k + 1, false
		case t.kind == tQuote && t.p == 'c':
			if k+1 < b && p.cls(k+1)&cSpeech != 0 || p.isPunct(k+1, ',') && p.cls(k+2)&cSpeech != 0 {
				return k + 1, embedded
			}
		case t.kind == tPunct && t.p == ',':
			switch {
			case p.cls(k+1)&cClause != 0:
				return k + 2, false
			case p.is(k+1, "and") && p.startsClause(k+2, b):
				return k + 2, false
			case k+1 < b && p.toks[k+1].kind == tName && p.startsClause(k+1, b):
				return k + 1, false
			}
		case t.kind == tWord && t.cls&cClause != 0 && k > i:
			return k + 1, false
		case t.kind == tWord && t.cls&cEmbed != 0:
			embedded = true
		case t.kind == tWord && t.cls&cSpeech != 0 && p.is(k+1, "by") && p.afterComma(k):
			// ", a concern echoed by Y": an attribution in apposition
			e := p.phraseEnd(k+2, b)
			agents, f, _ := p.agents(k+2, e)
			p.mark(agents, f)
			k = e - 1
		case t.kind == tWord && p.is(k, "and") && p.startsClause(k+1, b):
			return k + 1, embedded
		case t.kind == tWord && t.cls&cTime != 0 && p.startsClause(k+1, b):
			return k + 1, embedded // "…was tense after the two delegations exchanged…"
		}
	}
	return b, embedded
}

// startsClause reports whether a subject with a name and a speech verb
// start at i: the test for "…, and Egypt stressed…".
func (p *parse) startsClause(i, b int) bool {
	if i >= b || p.toks[i].flags&fQuoted != 0 {
		return false
	}
	v := p.subjectEnd(i, b)
	if v-i > 12 {
		return false
	}
	kind, _, _ := p.verbGroup(v, b)
	if kind == vNone {
		return false
	}
	agents, _, _ := p.agents(i, v)
	return len(agents) > 0
}

// afterComma reports whether a comma stands at most three tokens before k
// with nothing but words between: ", a concern echoed by".
func (p *parse) afterComma(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch t := p.toks[j]; {
		case t.kind == tPunct && t.p == ',':
			return true
		case t.kind != tWord:
			return false
		}
	}
	return false
}
