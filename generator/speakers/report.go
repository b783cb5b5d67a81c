package speakers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Handing over: how a paragraph's speakers pass to the paragraphs after it.
const (
	handNone   = iota
	handColon  // "X put it this way:" — to the quotations and list items that follow
	handSingle // one speaker — to a quotation right after it
	handLabel  // a name standing alone — to every paragraph up to the next one
)

type handed struct{ entity, group *gazetteer.Entity }

// Analyse returns the names of one paragraph read on its own.
func (a *Analyser) Analyse(text string) []Named {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	out, _ := a.paragraph(nil, text, false, s)
	return out
}

// Report returns the names of each of a report's paragraphs, given in
// document order: what each paragraph says on its own, plus the speakers
// handed over to quotations ("X put it this way:" and the quoted
// paragraphs after it), to the list items of an introduction that has a
// speaker ("Egypt proposed:"), and, in transcripts, from a speaker's name
// standing alone to the paragraphs below it. The results share one
// backing array.
func (a *Analyser) Report(paras []Paragraph) [][]Named {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	out := make([][]Named, len(paras))
	slab := make([]Named, 0, 4*len(paras)+8) // a corpus paragraph names three or four
	var hand []handed
	mode := handNone
	for i, p := range paras {
		start := len(slab)
		quoted := p.Quote || opensWithQuote(p.Text)
		var label bool
		slab, label = a.paragraph(slab, p.Text, p.Quote, s)
		own := speakersIn(slab[start:])
		inherit := false
		switch {
		case label || own > 0 || len(hand) == 0:
		case mode == handLabel:
			for j := start; j < len(slab); j++ {
				slab[j].Role, slab[j].For, slab[j].By = Mentioned, nil, nil
			}
			inherit = true
		case quoted && (mode == handColon || mode == handSingle):
			inherit = true
		case p.Item && mode == handColon:
			inherit = true
		}
		if inherit {
			slab = handOver(slab, start, hand)
		}
		out[i] = slab[start:len(slab):len(slab)]
		switch {
		case label:
			mode, hand = handLabel, handedFrom(hand[:0], out[i])
		case inherit:
			// a quotation or list goes on with the same speakers
		case own > 0 && strings.HasSuffix(strings.TrimSpace(p.Text), ":"):
			mode, hand = handColon, handedFrom(hand[:0], out[i])
		case own == 1:
			mode, hand = handSingle, handedFrom(hand[:0], out[i])
		default:
			mode, hand = handNone, hand[:0]
		}
	}
	return out
}

// speakersIn counts the speakers of a paragraph, groups spoken for aside.
func speakersIn(ns []Named) int {
	n := 0
	for _, x := range ns {
		if x.Role == Speaker && x.By == nil {
			n++
		}
	}
	return n
}

func handedFrom(dst []handed, ns []Named) []handed {
	for _, x := range ns {
		if x.Role == Speaker && x.By == nil {
			dst = append(dst, handed{x.Entity, x.For})
		}
	}
	return dst
}

// handOver makes the handed speakers (and the groups they spoke for)
// speakers of the paragraph that starts at start in slab.
func handOver(slab []Named, start int, hand []handed) []Named {
	for _, h := range hand {
		slab = setSpeaker(slab, start, h.entity, h.group, nil)
		if h.group != nil {
			slab = setSpeaker(slab, start, h.group, nil, h.entity)
		}
	}
	return slab
}

// setSpeaker makes e a speaker of the paragraph at start, adding it
// without a position when the text does not name it.
func setSpeaker(slab []Named, start int, e, group, by *gazetteer.Entity) []Named {
	for j := start; j < len(slab); j++ {
		if slab[j].Entity == e {
			slab[j].Role, slab[j].For, slab[j].By = Speaker, group, by
			return slab
		}
	}
	return append(slab, Named{Entity: e, Role: Speaker, For: group, By: by, Start: -1, End: -1})
}

// opensWithQuote reports whether a paragraph is a quotation: it starts
// with a quotation mark.
func opensWithQuote(text string) bool {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(text)
	switch r {
	case '‘', '“', '"', '«', '\'':
		return true
	}
	return false
}
