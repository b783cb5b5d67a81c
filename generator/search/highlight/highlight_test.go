package highlight_test

import (
	"strings"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/highlight"
)

// at is the match location of word in paragraph p of st.
func at(st *index.Stored, p int, word string) *bsearch.Location {
	i := strings.Index(st.Paras[p].Text, word)
	return &bsearch.Location{Start: uint64(i), End: uint64(i + len(word)), ArrayPositions: []uint64{uint64(p)}}
}

func stored() *index.Stored {
	return &index.Stored{URL: "https://archive.example.org/reports/r/", Paras: []index.Para{
		{N: 1, Text: "Chile stressed that consensus was essential for the points of contact directory."},
		{N: 2, Text: "Brazil supported the <CBMs> & asked for a review.", States: []string{"BR"}},
		{N: 3, Text: strings.Repeat("Long words go here and there. ", 10) + "Kenya recalled consensus at the very end."},
	}}
}

func TestPointsAtTheBestParagraph(t *testing.T) {
	st := stored()
	locs := bsearch.FieldTermLocationMap{index.FieldText: {
		"consensus": {at(st, 0, "consensus"), at(st, 2, "consensus")},
		"contact":   {at(st, 0, "contact")},
	}}
	m := highlight.ParagraphMatches(st, locs)
	for _, tc := range []struct {
		states []string
		want   int
		url    string
	}{
		{nil, 0, "#p-1"},            // two distinct terms beat one
		{[]string{"BR"}, 1, "#p-2"}, // a filtered state's paragraph wins, matched or not
		{[]string{"FR"}, 0, "#p-1"}, // a state named nowhere changes nothing
	} {
		p := highlight.Pick(st, m, tc.states)
		if p != tc.want || !strings.HasSuffix(highlight.Anchor(st, p), tc.url) {
			t.Errorf("states %v: paragraph %d (%s), want %d (%s)", tc.states, p, highlight.Anchor(st, p), tc.want, tc.url)
		}
	}
	if got := highlight.Anchor(st, -1); got != st.URL {
		t.Errorf("no paragraph: %s", got)
	}
}

func TestExcerpt(t *testing.T) {
	st := stored()
	for _, tc := range []struct {
		name string
		locs bsearch.FieldTermLocationMap
		want []string
		not  []string
	}{
		{"a phrase is one mark", bsearch.FieldTermLocationMap{index.FieldText: {
			"point": {at(st, 0, "points")}, "contact": {at(st, 0, "contact")}}},
			[]string{"<mark>points of contact</mark>"}, nil},
		{"text is escaped", bsearch.FieldTermLocationMap{index.FieldText: {"review": {at(st, 1, "review")}}},
			[]string{"&lt;CBMs&gt; &amp; asked", "<mark>review</mark>"}, []string{"<CBMs>"}},
		{"a long paragraph is cut around the match", bsearch.FieldTermLocationMap{index.FieldText: {"kenya": {at(st, 2, "Kenya")}}},
			[]string{"… ", "<mark>Kenya</mark> recalled"}, []string{"Long words go here and there. Long"}},
		{"no match shows the start", nil, []string{"Chile stressed"}, []string{"<mark>"}},
	} {
		m := highlight.ParagraphMatches(st, tc.locs)
		got := highlight.Excerpt(st, m, highlight.Pick(st, m, nil), nil)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q holds %q", tc.name, got, w)
			}
		}
	}
}

func TestBrokenLocationsAreSkipped(t *testing.T) {
	st := stored()
	locs := bsearch.FieldTermLocationMap{index.FieldText: {"x": {
		{Start: 5, End: 500, ArrayPositions: []uint64{0}}, // past the text
		{Start: 1, End: 2, ArrayPositions: []uint64{9}},   // no such paragraph
	}}}
	if m := highlight.ParagraphMatches(st, locs); highlight.Pick(st, m, nil) != -1 {
		t.Error("broken locations matched a paragraph")
	}
}

// TestStateExcerpt: a search for what a state says shows the sentence
// that names it, then where the words matched elsewhere.
func TestStateExcerpt(t *testing.T) {
	st := &index.Stored{URL: "https://archive.example.org/reports/r/", Paras: []index.Para{
		{N: 1, Text: "The Chair opened the meeting. Mr. Smith of the U.S. delegation spoke first. Later, Türkiye said that consensus was essential. Kenya agreed on consensus."},
		{N: 2, Text: "Brazil spoke." + strings.Repeat(" Brazil and the others went on at length about the many topics of the day.", 6)},
		{N: 3, Text: "Nobody named here, but consensus."},
		{N: 4, Text: "Mr. Smith of the U.S. delegation thanked Türkiye. It closed."},
	}}
	names := []string{"Türkiye", "Turkey"}
	locs := bsearch.FieldTermLocationMap{index.FieldText: {"consensus": {at(st, 0, "consensus"), at(st, 2, "consensus")}}}
	m := highlight.ParagraphMatches(st, locs)
	for _, tc := range []struct {
		p     int
		names []string
		want  string
	}{
		// The sentence naming the state, with its match marked (not
		// Kenya's, which matched too); then the match elsewhere.
		{0, names, "… Later, Türkiye said that <mark>consensus</mark> was essential. … Nobody named here, but <mark>consensus</mark>."},
		// Without matches in it: the sentence, whole across the full
		// stops of an abbreviation and of initials.
		{3, names, "Mr. Smith of the U.S. delegation thanked Türkiye. … said that <mark>consensus</mark> was essential."},
		// A long sentence is cut around the name.
		{1, []string{"Brazil"}, "Brazil spoke. …"},
		// No filter: fragments around the matches.
		{0, nil, "… said that <mark>consensus</mark> was essential. Kenya agreed on consensus … Nobody named here, but <mark>consensus</mark>."},
	} {
		got := highlight.Excerpt(st, m, tc.p, tc.names)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("paragraph %d, names %q:\n got %q\nwant %q", tc.p, tc.names, got, tc.want)
		}
	}
}
