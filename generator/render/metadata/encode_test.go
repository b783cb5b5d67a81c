package metadata

import (
	"encoding/json"
	"testing"
)

// FuzzAppendLD holds appendLD to encoding/json, the encoder it stands in
// for: JSON-LD is printed inside a script element.
func FuzzAppendLD(f *testing.F) {
	for _, s := range []string{"", "a", `</script><!-- "x" & y`, "\u2028\u2029\x00\x1f\t\n", "\xff\xfe", "Côte d’Ivoire"} {
		f.Add(s, s+"k")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		v := ld{"@type": a, b: []ld{{"name": b, "x": ld{a: a}}}, "list": []ld{}}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendLD(nil, v); string(got) != string(want) {
			t.Errorf("appendLD = %s\njson.Marshal = %s", got, want)
		}
	})
}
