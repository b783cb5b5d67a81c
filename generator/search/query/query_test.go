package query_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/query"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []query.Clause
	}{
		{"", nil},
		{"  Programme   of ", []query.Clause{{Text: "Programme"}, {Text: "of"}}},
		{`"points of contact" +Brazil -Chile`, []query.Clause{
			{Text: "points of contact", Phrase: true}, {Occur: query.Must, Text: "Brazil"}, {Occur: query.MustNot, Text: "Chile"}}},
		{`state:"South Africa" topic:international-law Title:dialogue`, []query.Clause{
			{Field: "state", Text: "South Africa", Phrase: true}, {Field: "topic", Text: "international-law"}, {Field: "title", Text: "dialogue"}}},
		{"negotiat* Brasil~2 treaty~", []query.Clause{{Text: "negotiat", Prefix: true}, {Text: "Brasil", Fuzzy: 2}, {Text: "treaty", Fuzzy: 1}}},
		{"a AND b OR c NOT d", []query.Clause{{Text: "a"}, {Text: "b"}, {Text: "c"}, {Occur: query.MustNot, Text: "d"}}},
		{`Thailand: said "" … ,`, []query.Clause{{Text: "Thailand"}, {Text: "said"}}},
		{"Bolivia (Plurinational State of) +treaty", []query.Clause{{Text: "Bolivia"}, {Text: "Plurinational"}, {Text: "State"}, {Text: "of"}, {Occur: query.Must, Text: "treaty"}}},
		{`Lao (People’s Dem. Rep.) "(a)"`, []query.Clause{{Text: "Lao"}, {Text: "People’s"}, {Text: "Dem."}, {Text: "Rep."}, {Text: "(a)", Phrase: true}}},
	} {
		got, err := query.Parse(tc.q)
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.q, got, tc.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{strings.Repeat("a", 501), "limit is 500"},
		{"\xff\xfe", "UTF-8"},
		{"a\x00b", "control character"},
		{"title:(", "parentheses"},
		{"(a OR b)", "parentheses"},
		{"(Plurinational State of)", "parentheses"},
		{"a (b OR c)", "parentheses"},
		{"a (b -c)", "parentheses"},
		{"a (b*)", "only a * at the end"},
		{"a (b (c))", "parentheses"},
		{"a (b", "parentheses"},
		{"state:(a)", "parentheses"},
		{"/.*/", "regular expressions"},
		{"*ction", "start of a word"},
		{"ac?ion", "only a * at the end"},
		{"ab*", "at least 3 letters"},
		{"action~5", "above ~2"},
		{"act~1", "at least 4 letters"},
		{"action~x", "word~1 or word~2"},
		{"action*~1", "both * and ~"},
		{"action^3", "boosts"},
		{`"programme of`, "not closed"},
		{`"programme"of`, "put a space"},
		{"colour:red", "unknown field"},
		{"state:", "needs a value"},
		{"a - b", "directly before"},
		{strings.Repeat("w ", 33), "more than 32"},
	} {
		_, err := query.Parse(tc.q)
		var qe *query.Error
		if !errors.As(err, &qe) || !strings.Contains(qe.Msg, tc.want) {
			t.Errorf("%.30q: error %v, want a query.Error saying %q", tc.q, err, tc.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"abcdef", 3, "abc…"},
		{"aéb", 2, "a…"}, // never cuts a character in two
	} {
		if got := query.Clip(tc.s, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
