package rules

import (
	"strings"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Scratch is the working memory of Read, reused from paragraph to
// paragraph so that reading one allocates nothing once it has grown. The
// slices indexed by mention are valid until the next call.
type Scratch struct {
	toks         []token
	agBuf, foBuf []int16
	// Role tells, per mention, whether it speaks.
	Role []bool
	// ForOf is, per mention, the mention of the group it speaks for, or -1.
	ForOf []int16
	// Drop marks the mentions that name no one: demonyms outside a
	// delegation's phrase ("Chinese actors").
	Drop []bool
}

// Read applies the rules to one paragraph whose detected names are ms,
// leaving each mention's role in s. The names of a quoted paragraph (a
// block quotation) all stay mentions. label reports a speaker's name
// standing alone, as transcripts put it above what the speaker said.
func (s *Scratch) Read(text string, ms []gazetteer.Mention, quoted bool) (label bool) {
	n := len(ms)
	s.Role = resize(s.Role, n)
	s.Drop = resize(s.Drop, n)
	s.ForOf = s.ForOf[:0]
	for range n {
		s.ForOf = append(s.ForOf, -1)
	}
	if n == 0 {
		return false
	}
	s.toks = tokenize(s.toks[:0], text, ms)
	resolveDemonyms(text, ms, s)
	if quoted {
		return false
	}
	p := parse{text: text, toks: s.toks, role: s.Role, forOf: s.ForOf, agBuf: s.agBuf, foBuf: s.foBuf}
	label = p.run()
	s.agBuf, s.foBuf = p.agBuf, p.foBuf
	return label
}

func resize(b []bool, n int) []bool {
	b = b[:0]
	for range n {
		b = append(b, false)
	}
	return b
}

// resolveDemonyms keeps a demonym as its state only before a delegation
// noun ("the Chinese delegation", "the Chinese and Russian delegates");
// elsewhere ("Chinese state-linked actors", "Latin American") it is an
// ordinary word and names no one.
func resolveDemonyms(text string, ms []gazetteer.Mention, s *Scratch) {
	for k := range s.toks {
		t := &s.toks[k]
		if t.kind != tName || !ms[t.m].Demonym {
			continue
		}
		keep := false
		for j := k + 1; j < len(s.toks) && j < k+8; j++ {
			u := s.toks[j]
			if u.kind == tName && ms[u.m].Demonym || u.kind == tPunct && u.p == ',' || u.kind == tWord && strings.EqualFold(text[u.s:u.e], "and") {
				continue
			}
			keep = u.kind == tWord && u.cls&cDelegation != 0
			break
		}
		if k > 0 {
			prev := s.toks[k-1]
			if prev.e == t.s || prev.kind == tWord && prev.flags&fCap != 0 && !(k-1 == 0 || s.toks[k-2].flags&fEnd != 0) {
				keep = false // "Latin American", "Sino-Russian"
			}
		}
		if !keep {
			s.Drop[t.m] = true
			t.kind, t.flags, t.cls = tWord, t.flags|fCap, 0
		}
	}
}
