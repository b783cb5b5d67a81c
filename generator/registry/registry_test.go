package registry

import (
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

func TestBuiltin(t *testing.T) {
	r, err := Load(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	orgs, groups := 0, 0
	for _, e := range r.Entries() {
		if e.IsGroup() {
			groups++
		} else {
			orgs++
		}
	}
	if orgs < 60 {
		t.Errorf("%d organisations, want at least 60", orgs)
	}
	// every group of the gazetteer's built-in list keeps its key, so that
	// its URL stays the same
	for _, g := range gazetteer.Default().Groups() {
		if r.Entry(g.Code) == nil {
			t.Errorf("group %s of the gazetteer is not in the registry", g.Code)
		}
	}
	sizes := map[string]int{"african-group": 54, "eeg": 23, "grulac": 33, "weog": 29, "arab-group": 22,
		"osce": 57, "nato": 32, "oas": 35, "asean": 11, "g7": 7, "nordic": 5}
	for k, n := range sizes {
		if e := r.Entry(k); e == nil || len(e.Members) != n {
			t.Errorf("%s: %v members, want %d", k, e, n)
		}
	}
	// the five regional groups cover every member state once, the US as WEOG's observer
	seen := map[string]string{}
	for _, k := range []string{"african-group", "asia-pacific-group", "eeg", "grulac", "weog"} {
		for _, m := range r.Entry(k).Members {
			if prev, ok := seen[m]; ok {
				t.Errorf("%s is in %s and %s", m, prev, k)
			}
			seen[m] = k
		}
	}
	for _, st := range gazetteer.Default().States() {
		if _, ok := seen[st.Code]; !ok && st.Kind == gazetteer.KindMember {
			t.Errorf("member state %s is in no regional group", st.Code)
		}
	}
}

func TestMergeAndErrors(t *testing.T) {
	g := gazetteer.Default()
	r, err := Load(g, Source{"speakers.toml", []byte(`
[[speaker]]
key = "icrc"
aliases = ["Red Cross"]

[[speaker]]
key = "youth-ig"
name = "Youth IGF"
kind = "civil-society"
`)})
	if err != nil {
		t.Fatal(err)
	}
	icrc := r.Entry("icrc")
	if icrc.Name != "International Committee of the Red Cross" || !strings.Contains(strings.Join(icrc.Aliases, "|"), "Red Cross") || icrc.Origin != "speakers.toml:2" {
		t.Errorf("merged icrc: %+v", icrc)
	}
	if r.Entry("youth-ig") == nil {
		t.Error("a new entry is missing")
	}
	for _, tc := range []struct{ src, want string }{
		{"[[speaker]]\nkey = \"x\"\nname = \"Chile\"\nkind = \"academia\"\n", `speakers.toml:1: name "Chile" of x is also "Chile" of the state Chile (CHL)`},
		{"[[speaker]]\nkey = \"x\"\nname = \"X\"\nkind = \"academia\"\naliases = [\"ICRC\"]\n", `speakers.toml:1: name "ICRC" of x is also "ICRC" of icrc (registry.toml (built in):`},
		{"[[speaker]]\nkey = \"x\"\nname = \"X\"\nkind = \"club\"\n", `kind "club" of x is not one of`},
		{"[[speaker]]\nkey = \"x\"\nname = \"X\"\nkind = \"political-group\"\nmembers = [\"FRX\"]\n", `member "FRX" of x`},
		{"[[speaker]]\nkey = \"X Y\"\nname = \"X\"\nkind = \"academia\"\n", `key "X Y" is not a slug`},
		{"[[speaker]]\nkey = \"x\"\nname = \"X\"\nkind = \"academia\"\n[[speaker]]\nkey = \"x\"\n", `speakers.toml:5: key "x" is already defined at speakers.toml:1`},
		{"[[speaker]]\nkey = \"x\"\nnmae = \"X\"\n", `speakers.toml`},
		{"[[speaker]]\nkey = \"x\"\nkind = \"academia\"\n", `x has no name`},
	} {
		_, err := Load(g, Source{"speakers.toml", []byte(tc.src)})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestEntitiesDetect(t *testing.T) {
	r, err := Load(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	ents, origins := r.Entities()
	g, err := gazetteer.Default().WithGroups(ents, origins)
	if err != nil {
		t.Fatal(err)
	}
	text := "A researcher from the University of Chile, Georgia Tech, Clingendael and KICTANet (Kenya ICT Action Network)."
	var got []string
	for _, m := range g.Detect(text) {
		got = append(got, m.Entity.Code)
	}
	if strings.Join(got, " ") != "university-of-chile georgia-tech clingendael kictanet kictanet" {
		t.Errorf("got %v", got)
	}
}
