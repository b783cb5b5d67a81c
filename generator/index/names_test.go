package index

import (
	"slices"
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

func TestStateNames(t *testing.T) {
	for _, tc := range []struct {
		st   generator.State
		want []string
	}{
		{generator.State{Name: "Türkiye", Official: "Republic of Türkiye", Aliases: []string{"Turkey", "Turkiye", "Republic of Türkiye"}},
			[]string{"Republic of Türkiye", "Turkey", "Turkiye"}},
		{generator.State{Name: "Republic of Korea", Official: "Korea, Republic of", Aliases: []string{"South Korea", "ROK"}},
			[]string{"South Korea", "ROK"}}, // the ISO order is left out
		{generator.State{Name: "Colombia", Official: "Republic of Colombia", Misspellings: []string{"Columbia"}},
			[]string{"Republic of Colombia", "Columbia"}},
		{generator.State{Name: "Australia", Official: "Australia"}, nil},
	} {
		if got := stateNames(&tc.st); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.st.Name, got, tc.want)
		}
	}
}
