package query_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/search/query"
)

// FuzzParse parses arbitrary queries: every answer is clauses within the
// limits or a query.Error, never a panic or another error.
//
//	go test -run '^$' -fuzz FuzzParse -fuzztime 20s ./generator/search/query
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"Programme of Action",
		`"points of contact" +Brazil -Chile`,
		"state:France topic:international-law title:dialogue",
		`state:"South Africa" NOT poa`,
		"negotiat* Brasil~2",
		"title:( /.*/ *x a?b ~ ^2",
		"\xff\xfe \x00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		cs, err := query.Parse(q)
		if err != nil {
			var qe *query.Error
			if !errors.As(err, &qe) || qe.Msg == "" {
				t.Fatalf("%q: %v is not a query.Error", q, err)
			}
			return
		}
		if len(q) > query.MaxBytes || !utf8.ValidString(q) {
			t.Fatalf("%q passed", q)
		}
		if len(cs) > query.MaxClauses {
			t.Fatalf("%q: %d clauses", q, len(cs))
		}
		for _, c := range cs {
			switch {
			case c.Text == "":
				t.Fatalf("%q: an empty clause %+v", q, c)
			case c.Prefix && (c.Fuzzy > 0 || utf8.RuneCountInString(c.Text) < query.MinPrefix):
				t.Fatalf("%q: prefix %+v", q, c)
			case c.Fuzzy > query.MaxFuzzy:
				t.Fatalf("%q: fuzziness %+v", q, c)
			case !c.Phrase && strings.ContainsAny(c.Text, "()[]{}^"):
				t.Fatalf("%q: syntax left in %+v", q, c)
			}
		}
	})
}
