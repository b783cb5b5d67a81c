package collector

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestFacetSetsCount checks the facet counts of sets of matches against
// counting each match's own states and topics, on a table of documents
// spread over many words, for matches anywhere in it, few or many.
func TestFacetSetsCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const docs = 1000
	tb := &table{codes: []string{"BR", "FR", "KE", "DE", "IN"}, topicKeys: []string{"ransomware", "law", "norms"}, speakerKeys: []string{"FR", "arab-group", "icrc"}}
	for n := 0; n < docs; n++ {
		tb.ids = append(tb.ids, "report-"+strconv.Itoa(n))
		var st, sp, tp []uint16
		for i := range tb.codes {
			if r.IntN(3) == 0 {
				st = append(st, uint16(i))
			}
		}
		for i := range tb.topicKeys {
			if r.IntN(2) == 0 {
				tp = append(tp, uint16(i))
			}
		}
		for i := range tb.speakerKeys {
			if r.IntN(4) == 0 {
				sp = append(sp, uint16(i))
			}
		}
		tb.states = append(tb.states, st)
		tb.speakers = append(tb.speakers, sp)
		tb.topics = append(tb.topics, tp)
	}
	tb.facetSets()
	for _, tc := range []struct {
		name    string
		matches []uint64
	}{
		{"none", nil},
		{"first", []uint64{0}},
		{"last", []uint64{docs - 1}},
		{"word edges", []uint64{63, 64, 127, 128}},
		{"one word in the middle", []uint64{300, 301, 310}},
		{"every third", every(docs, 3)},
		{"all", every(docs, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Result{States: make([]int32, len(tb.codes)), Speakers: make([]int32, len(tb.speakerKeys)), Topics: make([]int32, len(tb.topicKeys)), matched: newDocSet(docs), lo: docs}
			want := &Result{States: make([]int32, len(tb.codes)), Speakers: make([]int32, len(tb.speakerKeys)), Topics: make([]int32, len(tb.topicKeys))}
			for _, n := range tc.matches {
				c.Total++
				c.mark(n)
				for _, i := range tb.states[n] {
					want.States[i]++
				}
				for _, i := range tb.topics[n] {
					want.Topics[i]++
				}
				for _, i := range tb.speakers[n] {
					want.Speakers[i]++
				}
			}
			c.countFacets(tb)
			if !slices.Equal(c.States, want.States) || !slices.Equal(c.Topics, want.Topics) || !slices.Equal(c.Speakers, want.Speakers) {
				t.Errorf("states %v, topics %v, speakers %v; counted one by one: %v, %v, %v", c.States, c.Topics, c.Speakers, want.States, want.Topics, want.Speakers)
			}
		})
	}
}

func every(docs, k int) []uint64 {
	var out []uint64
	for n := 0; n < docs; n += k {
		out = append(out, uint64(n))
	}
	return out
}
