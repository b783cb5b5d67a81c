package expand_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/expand"
)

func vocabulary(t *testing.T) *expand.Vocabulary {
	t.Helper()
	an, err := registry.NewCache().AnalyzerNamed(index.Analyzer)
	if err != nil {
		t.Fatal(err)
	}
	states := []index.State{
		{Code: "TUR", Name: "Türkiye", Names: []string{"Republic of Türkiye", "Turkey", "Turkiye"}},
		{Code: "CIV", Name: "Côte d'Ivoire", Names: []string{"Republic of Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire", "Ivory Coast"}},
		{Code: "GBR", Name: "United Kingdom", Names: []string{"United Kingdom of Great Britain and Northern Ireland", "the UK", "UK"}},
		{Code: "USA", Name: "United States", Names: []string{"United States of America", "the US", "US", "USA"}},
		{Code: "NLD", Name: "Netherlands", Names: []string{"Kingdom of the Netherlands", "the Netherlands"}},
	}
	return expand.New(an, states, [][]string{{"PoA", "Programme of Action", "Program of Action"}, {"Programme", "Program"}})
}

func TestStates(t *testing.T) {
	v := vocabulary(t)
	for _, tc := range []struct {
		words, code string
	}{
		{"Turkey", "TUR"}, {"turkiye", "TUR"}, {"TÜRKİYE", "TUR"}, {"Republic of Türkiye", "TUR"},
		{"Côte d'Ivoire", "CIV"}, {"Cote d’Ivoire", "CIV"}, {"Cote d Ivoire", "CIV"}, {"cote divoire", "CIV"}, {"Ivory Coast", "CIV"},
		{"United Kingdom", "GBR"}, {"uk", "GBR"}, {"the UK", "GBR"},
		{"US", "USA"}, {"usa", "USA"},
		{"us", ""}, {"Us", ""}, {"the us", ""}, // an acronym that is a word names the state only in capitals
		{"the US", "USA"},
		{"United", ""}, {"Kingdom", ""}, {"United Nations", ""}, {"Turkey Programme", ""},
	} {
		got := ""
		if st := v.State(strings.Fields(tc.words)); st != nil {
			got = st.Code
		}
		if got != tc.code {
			t.Errorf("%q names %q, want %q", tc.words, got, tc.code)
		}
	}
}

// TestStateForms: each name is searched once, not one that holds a
// shorter one, nor an acronym that is also a word.
func TestStateForms(t *testing.T) {
	v := vocabulary(t)
	for words, want := range map[string][]string{
		"Netherlands": {"Netherlands"},
		"Turkey":      {"Türkiye", "Turkey"},
		"US":          {"United States", "USA"},
		"UK":          {"United Kingdom", "the UK"}, // "UK" is the same terms
	} {
		st := v.State(strings.Fields(words))
		if st == nil || !slices.Equal(st.Forms, want) {
			t.Errorf("%s: forms %q, want %q", words, st.Forms, want)
		}
	}
	nl := v.State([]string{"Netherlands"})
	if !nl.Holds(v.Terms("Kingdom of the Netherlands")) || nl.Holds(v.Terms("Nether lands")) {
		t.Error("Holds")
	}
}

func TestSynonyms(t *testing.T) {
	v := vocabulary(t)
	for text, want := range map[string][]string{
		"PoA":                  {"PoA", "Programme of Action", "Program of Action"},
		"programmes of action": {"PoA", "Programme of Action", "Program of Action"},
		"program":              {"Programme", "Program"},
		"action":               nil,
	} {
		if got := v.Synonyms(v.Terms(text)); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
	if v.MaxWords() != 8 {
		t.Errorf("MaxWords %d: the longest name has 8 words", v.MaxWords())
	}
}
