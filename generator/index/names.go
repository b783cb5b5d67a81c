package index

import (
	"slices"
	"strings"

	"github.com/plenary-archive/plenary/generator"
)

// stateNames are a state's names besides its own (State.Names): its
// official name unless written the ISO way round ("Korea, Republic of"),
// which prose never uses, then its aliases and misspellings, each once.
func stateNames(st *generator.State) []string {
	var out []string
	add := func(n string) {
		n = strings.Join(strings.Fields(n), " ")
		if n != "" && n != st.Name && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if !strings.Contains(st.Official, ",") {
		add(st.Official)
	}
	for _, n := range st.Aliases {
		add(n)
	}
	for _, n := range st.Misspellings {
		add(n)
	}
	return out
}
