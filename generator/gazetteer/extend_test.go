package gazetteer

import (
	"strings"
	"testing"
)

func TestWithDemonyms(t *testing.T) {
	g, err := Default().WithDemonyms(map[string][]string{"CHN": {"Chinese"}, "ZAF": {"South African"}})
	if err != nil {
		t.Fatal(err)
	}
	ms := g.Detect("The Chinese delegation and the South African one; South Africa agreed.")
	var got []string
	for _, m := range ms {
		got = append(got, m.Entity.Code+":"+m.Form+":"+map[bool]string{true: "demonym", false: "name"}[m.Demonym])
	}
	want := "CHN:Chinese:demonym ZAF:South African:demonym ZAF:South Africa:name"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if n := len(Default().Detect("The Chinese delegation")); n != 0 {
		t.Errorf("the default gazetteer detects demonyms (%d mentions)", n)
	}
	if _, err := Default().WithDemonyms(map[string][]string{"osce": {"Osce-ish"}}); err == nil {
		t.Error("a demonym for a group is accepted")
	}
	if _, err := Default().WithDemonyms(map[string][]string{"CHN": {"France"}}); err == nil {
		t.Error("a demonym that is another state's name is accepted")
	}
}

func TestWithGroups(t *testing.T) {
	groups := []*Entity{
		{Code: "icrc", Name: "International Committee of the Red Cross", Kind: "international-organisation", Slug: "icrc", Aliases: []string{"ICRC"}},
		{Code: "uchile", Name: "University of Chile", Kind: "academia", Slug: "uchile"},
	}
	g, err := Default().WithGroups(groups, []string{"registry line 1", "registry line 5"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Lookup("osce"); ok {
		t.Error("the built-in groups are still there")
	}
	ms := g.Detect("the ICRC and a researcher from the University of Chile; Chile")
	if len(ms) != 3 || ms[0].Entity.Code != "icrc" || ms[1].Entity.Code != "uchile" || ms[2].Entity.Code != "CHL" {
		t.Errorf("got %v", ms)
	}
	bad := []*Entity{{Code: "x", Name: "Chile", Kind: "academia", Slug: "x"}}
	_, err = Default().WithGroups(bad, []string{"speakers.toml line 3"})
	if err == nil || !strings.Contains(err.Error(), "CHL") || !strings.Contains(err.Error(), "speakers.toml line 3") {
		t.Errorf("a group named like a state: %v", err)
	}
}
