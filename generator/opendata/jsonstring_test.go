package opendata

import (
	"testing"
)

// FuzzAppendString holds the state files' JSON encoding of a report entry
// to encoding/json's.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `quote " and \ back`, "line\nbreak\ttab\b\f\r", "\x00\x1f", "é – “curly”", "\u2028\u2029", "bad \xff utf-8", "<b>&amp;</b>"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := stateReport{Slug: a, Title: b, Date: a + b, URL: b}
		want, err := marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendStateReport(nil, r); string(got) != string(want) {
			t.Errorf("appendStateReport(%q) = %s, encoding/json gives %s", r, got, want)
		}
	})
}
