package collector

import "math/bits"

// Facet counts come from sets of documents rather than from each match's
// own lists: a match names some thirty states, and adding them up one
// match at a time was a fifth of a faceted query's time. A query marks
// its matches in a docSet; each state's and topic's count is then the
// size of the intersection of that set with the state's or topic's own, a
// few thousand words of AND and popcount.

// docSet is a set of document numbers, one bit each.
type docSet []uint64

func newDocSet(docs int) docSet { return make(docSet, (docs+63)/64) }

func (s docSet) add(n uint64) { s[n>>6] |= 1 << (n & 63) }

// countAnd is the size of the intersection of s and o, looking only at
// the words lo to hi, where s's members are.
func (s docSet) countAnd(o docSet, lo, hi int) int32 {
	n := 0
	for i, w := range s[lo:hi] {
		n += bits.OnesCount64(w & o[lo+i])
	}
	return int32(n)
}

// facetSets are, for each value of a table's states, speakers and topics, the set
// of documents holding it.
func (t *table) facetSets() {
	t.stateDocs = make([]docSet, len(t.codes))
	for i := range t.stateDocs {
		t.stateDocs[i] = newDocSet(len(t.ids))
	}
	t.speakerDocs = make([]docSet, len(t.speakerKeys))
	for i := range t.speakerDocs {
		t.speakerDocs[i] = newDocSet(len(t.ids))
	}
	t.topicDocs = make([]docSet, len(t.topicKeys))
	for i := range t.topicDocs {
		t.topicDocs[i] = newDocSet(len(t.ids))
	}
	for n := range t.ids {
		for _, i := range t.states[n] {
			t.stateDocs[i].add(uint64(n))
		}
		for _, i := range t.speakers[n] {
			t.speakerDocs[i].add(uint64(n))
		}
		for _, i := range t.topics[n] {
			t.topicDocs[i].add(uint64(n))
		}
	}
}
