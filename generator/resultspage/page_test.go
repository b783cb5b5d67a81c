package resultspage

import (
	"reflect"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		parts      []string
		holes      []string
		err        string
	}{
		{"query twice, results once", `<title>` + QueryMarker + `</title><input value=` + QueryMarker + `><div id=results>` + ResultsMarker + `</div>`,
			[]string{`<title>`, `</title><input value="`, `"><div id=results>`, `</div>`}, []string{HoleQuery, HoleQuery, HoleResults}, ""},
		{"results first", `<div>` + ResultsMarker + `</div><input value="` + QueryMarker + `">`,
			[]string{`<div>`, `</div><input value="`, `">`}, []string{HoleResults, HoleQuery}, ""},
		{"no results", `<input value=` + QueryMarker + `>`, nil, nil, "0 times"},
		{"results twice", QueryMarker + ResultsMarker + ResultsMarker, nil, nil, "2 times"},
		{"no query", ResultsMarker, nil, nil, "does not show the query"},
	} {
		p, err := New([]byte(tc.html), nil)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(p.Parts, tc.parts) || !reflect.DeepEqual(p.Holes, tc.holes) {
			t.Errorf("%s: %q %q (%v), want %q %q", tc.name, p.Parts, p.Holes, err, tc.parts, tc.holes)
		}
	}
}
