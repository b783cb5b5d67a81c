package rules

import "strings"

// Connections between the parts of a subject.
const (
	connFresh       = iota // the part stands on its own: "including Y", "supported by Y"
	connCoord              // "X and Y", "X, Y": Y is whatever X is
	connRepresented        // "G, represented by Y": Y speaks for G
)

// separator recognises at k a word or mark that ends one part of a
// subject and starts another. n is how many tokens it spans (0: none);
// toFor says the next part names the group spoken for, reset that a
// group's phrase ends here.
func (p *parse) separator(k int) (n, conn int, toFor, reset bool) {
	t := p.toks[k]
	if t.kind == tPunct {
		switch t.p {
		case ',', '(', ')':
			return 1, connCoord, false, true
		case '&', '/':
			return 1, connCoord, false, false
		}
		return 0, 0, false, false
	}
	if t.kind != tWord {
		return 0, 0, false, false
	}
	switch p.lower(k) {
	case "and", "or", "nor":
		return 1, connCoord, false, false
	case "including", "notably", "namely", "especially", "alongside", "plus", "like", "with", "led":
		return 1, connFresh, false, true
	case "representing":
		return 1, connFresh, true, false
	case "represented":
		if p.is(k+1, "by") {
			return 2, connRepresented, false, true
		}
	case "as":
		if p.is(k+1, "well") && p.is(k+2, "as") {
			return 3, connFresh, false, true
		}
	case "together", "along":
		if p.is(k+1, "with") {
			return 2, connFresh, false, true
		}
	case "such":
		if p.is(k+1, "as") {
			return 2, connFresh, false, true
		}
	case "among":
		if p.is(k+1, "them") || p.is(k+1, "others") {
			return 2, connFresh, false, true
		}
	case "on":
		if p.is(k+1, "behalf") && p.is(k+2, "of") {
			return 3, connFresh, true, false
		}
	case "speaking":
		if p.is(k+1, "for") {
			return 2, connFresh, true, false
		}
		if p.is(k+1, "on") && p.is(k+2, "behalf") && p.is(k+3, "of") {
			return 4, connFresh, true, false
		}
	case "in":
		if p.is(k+1, "the") && p.is(k+2, "name") && p.is(k+3, "of") {
			return 4, connFresh, true, false
		}
	}
	if p.cls(k)&cSpeech != 0 && p.is(k+1, "by") {
		return 2, connFresh, false, true // "supported by", "joined by"
	}
	return 0, 0, false, false
}

// agents reads the subject [a, b) part by part and returns the mentions
// that speak, the groups they speak for, and whether every part has the
// shape of a speaker's phrase (for label lines).
func (p *parse) agents(a, b int) (agents, fors []int16, clean bool) {
	agents, fors = p.agBuf[:0], p.foBuf[:0]
	defer func() { p.agBuf, p.foBuf = agents[:0], fors[:0] }()
	clean = true
	forMode, prevAgent := false, true
	conn := connFresh
	part := a
	for k := a; k <= b; k++ {
		n, nextConn, toFor, reset := 0, 0, false, false
		if k < b {
			n, nextConn, toFor, reset = p.separator(k)
			if n == 0 {
				continue
			}
		}
		if part < k {
			_, others := p.partNames(part, k)
			switch {
			case forMode:
				fors = p.appendNames(fors, part, k)
			default:
				shape := p.agentShaped(part, k)
				if conn == connCoord && !prevAgent && !others {
					shape = false
				}
				if len(agents) > 0 && p.apposition(part, k) {
					shape = false // "Uzbekistan, a member of the SCO,"
				}
				if shape {
					agents = p.appendNames(agents, part, k)
				} else {
					clean = false
				}
				prevAgent = shape
			}
		}
		if k == b {
			break
		}
		if reset {
			forMode = false
		}
		if nextConn == connRepresented {
			fors = append(fors, agents...) // the group before speaks through the names after
			agents = agents[:0]
		}
		if toFor {
			forMode = true
		}
		conn = nextConn
		part = k + n
		k = part - 1
	}
	return agents, fors, clean
}

// partNames counts the names in [a, b) that can speak and says whether
// it holds other words than names and determiners.
func (p *parse) partNames(a, b int) (names int, others bool) {
	for k := a; k < b; k++ {
		t := p.toks[k]
		switch {
		case t.kind == tName && p.possessor(k, b):
			others = true
		case t.kind == tName:
			names++
		case t.kind == tWord && t.cls&cDet == 0:
			others = true
		}
	}
	return names, others
}

// possessor reports a name that owns the name after it: "the Republic of
// Korea's KISA", where the possessor does not speak.
func (p *parse) possessor(k, b int) bool {
	return p.toks[k].flags&fPoss != 0 && k+1 < b && p.toks[k+1].kind == tName
}

// appendNames appends the names of [a, b) that can speak.
func (p *parse) appendNames(dst []int16, a, b int) []int16 {
	for k := a; k < b; k++ {
		if p.toks[k].kind == tName && !p.possessor(k, b) {
			dst = append(dst, p.toks[k].m)
		}
	}
	return dst
}

// agentShaped reports whether [a, b) is a speaker's phrase: names,
// determiners, agent nouns ("the delegate of X", "Mexico's
// representative"), titles and capitalised names of persons, but no other
// noun ("the proposal of Mexico").
func (p *parse) agentShaped(a, b int) bool {
	for k := a; k < b; k++ {
		t := p.toks[k]
		switch t.kind {
		case tName, tQuote:
			continue
		case tPunct:
			if t.p == '-' || t.p == '.' || t.p == '/' {
				continue
			}
			return false
		}
		if t.cls&(cDet|cAgent|cTitle|cLink|cDelegation) != 0 {
			continue
		}
		w := p.word(k)
		if w[0] >= '0' && w[0] <= '9' {
			continue
		}
		if t.flags&fCap != 0 && !(k == a && p.clauseStart(k)) {
			continue // a person's name, an acronym
		}
		return false
	}
	return true
}

// clauseStart reports whether a clause starts at k, where a capital says
// nothing of the word.
func (p *parse) clauseStart(k int) bool {
	if k == 0 {
		return true
	}
	t := p.toks[k-1]
	return t.flags&fEnd != 0 || t.kind == tPunct && (t.p == ';' || t.p == ':' || t.p == ',') || t.kind == tQuote
}

// mark records agents as speakers, for the first group in fors, and the
// groups as speakers through them.
func (p *parse) mark(agents, fors []int16) {
	for _, m := range agents {
		p.role[m] = true
		if len(fors) > 0 && p.forOf[m] < 0 && fors[0] != m {
			p.forOf[m] = fors[0]
		}
	}
	if len(agents) > 0 {
		for _, f := range fors {
			p.role[f] = true
		}
	}
}

// intro reads an adverbial phrase that opens a clause ("In addition,",
// "Speaking on behalf of the African Group,", "According to Egypt,") and
// returns where the clause goes on, the groups the phrase says the
// subject speaks for, and whether the phrase attributed a statement.
func (p *parse) intro(i, b int, embedded bool) (next int, fors []int16, said, ok bool) {
	if i >= b || p.toks[i].kind != tWord {
		return i, nil, false, false
	}
	lw := p.lower(i)
	c := p.cls(i)
	if !(c&cIntro != 0 || strings.HasSuffix(lw, "ly") || len(lw) > 5 && strings.HasSuffix(lw, "ing") || c&cAux != 0 && p.isPunct(i+1, ',')) {
		return i, nil, false, false
	}
	comma := -1
	for k := i + 1; k < b && k < i+30; k++ {
		t := p.toks[k]
		if t.flags&fQuoted != 0 || t.kind == tQuote || t.kind == tPunct && (t.p == ';' || t.p == ':') {
			break
		}
		if t.kind == tPunct && t.p == ',' {
			comma = k
			break
		}
	}
	if comma < 0 {
		return i, nil, false, false
	}
	for k := i; k < comma; k++ {
		if n, _, toFor, _ := p.separator(k); n > 0 && toFor {
			for j := k + n; j < comma; j++ {
				if p.toks[j].kind == tName {
					fors = append(fors, p.toks[j].m)
				}
			}
			break
		}
	}
	var agents []int16
	switch {
	case lw == "according" && p.is(i+1, "to"):
		agents, _, _ = p.agents(i+2, comma)
	case lw == "in" && (p.has(i, comma, "view") || p.has(i, comma, "opinion") || p.has(i, comma, "words")):
		agents = p.namesIn(i+1, comma)
	case lw == "for" && p.onlyNames(i+1, comma):
		agents = p.namesIn(i+1, comma)
	case lw == "as" && p.cls(i+1)&cSpeech != 0 && p.is(i+2, "by"):
		agents, _, _ = p.agents(i+3, comma) // "As noted by Ghana,"
	case lw == "in" && (p.has(i, comma, "statement") || p.has(i, comma, "intervention") || p.has(i, comma, "remarks")):
		for k := i + 1; k+1 < comma; k++ {
			if p.cls(k)&cSpeech != 0 && p.is(k+1, "by") {
				e := p.phraseEnd(k+2, comma)
				agents, _, _ = p.agents(k+2, e) // "In a joint statement delivered by Australia,"
				break
			}
		}
	case lw == "as" || lw == "when" || lw == "after" || lw == "since":
		p.clause(i+1, comma, embedded)
	}
	if len(agents) > 0 && !embedded {
		p.mark(agents, nil)
		said = true
	}
	return comma + 1, fors, said, true
}

func (p *parse) has(a, b int, w string) bool {
	for k := a; k < b; k++ {
		if p.is(k, w) {
			return true
		}
	}
	return false
}

func (p *parse) namesIn(a, b int) []int16 {
	var out []int16
	for k := a; k < b; k++ {
		if p.toks[k].kind == tName {
			out = append(out, p.toks[k].m)
		}
	}
	return out
}

// onlyNames reports whether [a, b) holds names and nothing else but
// determiners and "and".
func (p *parse) onlyNames(a, b int) bool {
	if names, _ := p.partNames(a, b); names == 0 {
		return false
	}
	for k := a; k < b; k++ {
		t := p.toks[k]
		if t.kind == tName || t.kind == tWord && (t.cls&cDet != 0 || p.is(k, "and")) || t.kind == tPunct && t.p == ',' {
			continue
		}
		return false
	}
	return true
}

// apposition reports a part that describes the speakers before it rather
// than adding one: "both members of the SCO", "as chair of the Group".
func (p *parse) apposition(a, b int) bool {
	k := a
	for k < b && (p.cls(k)&cDet != 0 || p.is(k, "both") || p.is(k, "all") || p.is(k, "as") || p.is(k, "current") || p.is(k, "former")) {
		k++
	}
	if k >= b || !p.isPunct(a-1, ',') {
		return false
	}
	switch p.lower(k) {
	case "member", "members", "chair", "co-chair", "president", "host", "hosts", "coordinator", "founder", "founders", "part":
		return p.is(k+1, "of")
	}
	return false
}
