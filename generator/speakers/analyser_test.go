package speakers

import (
	"strings"
	"sync"
	"testing"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/registry"
)

var (
	analyserOnce sync.Once
	analyserVal  *Analyser
	analyserErr  error
)

func testAnalyser(t testing.TB) *Analyser {
	analyserOnce.Do(func() {
		reg, err := registry.Load(gazetteer.Default())
		if err != nil {
			analyserErr = err
			return
		}
		analyserVal, analyserErr = New(gazetteer.Default(), reg)
	})
	if analyserErr != nil {
		t.Fatal(analyserErr)
	}
	return analyserVal
}

// describe writes names as "Egypt=speaker for Arab Group; Chile=mentioned".
func describe(ns []Named) string {
	var parts []string
	for _, n := range ns {
		s := n.Entity.Name + "=" + n.Role.String()
		if n.For != nil {
			s += " for " + n.For.Name
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestAnalyse(t *testing.T) {
	a := testAnalyser(t)
	for _, tc := range []struct{ text, want string }{
		{"France said that the Programme of Action should be inclusive.", "France=speaker"},
		{"Several delegations condemned the attacks on Ukraine attributed to Russia.", "Ukraine=mentioned; Russian Federation=mentioned"},
		{"Egypt, on behalf of the Arab Group, stressed the need for capacity building.", "Egypt=speaker for Arab Group; Arab Group=speaker"},
		{"Speaking on behalf of the African Group, Nigeria called for funding.", "African Group=speaker; Nigeria=speaker for African Group"},
		{"The Chinese delegation opposed any new instrument.", "China=speaker"},
		{"The Russian delegate and the US delegation disagreed.", "Russian Federation=speaker; United States=speaker"},
		{"The U.S. stressed deterrence.", "United States=speaker"},
		{"An Estonian attribution named Chinese state-linked actors.", ""},
		{"Delegates met in Moscow, Beijing and Washington.", ""},
		{"Microsoft and the ICRC called for protection; a researcher from the University of Chile agreed.", "Microsoft=speaker; International Committee of the Red Cross=speaker; University of Chile=speaker"},
		{"Georgia Tech presented a study on Georgia.", "Georgia Institute of Technology=speaker; Georgia=mentioned"},
		{"The Republic of Korea's KISA shared its experience.", "Republic of Korea=mentioned; Korea Internet & Security Agency=speaker"},
		{"Brazil recalled the proposal made by Mexico.", "Brazil=speaker; Mexico=mentioned"},
		{"Brazil recalled the point made by our colleague from Jamaica.", "Brazil=speaker; Jamaica=mentioned"},
		{"Mexico's proposal was supported by Chile and Peru.", "Mexico=mentioned; Chile=speaker; Peru=speaker"},
		{"It was stressed by Egypt that capacity building matters.", "Egypt=speaker"},
		{"Kenya, supported by Ghana and Nigeria, proposed a fund.", "Kenya=speaker; Ghana=speaker; Nigeria=speaker"},
		{"Switzerland, Singapore, Argentina and Japan claimed that the PoA should be the dialogue.", "Switzerland=speaker; Singapore=speaker; Argentina=speaker; Japan=speaker"},
		{"During the meeting, delegates from Chile, Thailand and the UK reiterated their support.", "Chile=speaker; Thailand=speaker; United Kingdom=speaker"},
		{"Thailand: The PoA would play a significant role, as Japan noted.", "Thailand=speaker; Japan=mentioned"},
		{"Egypt noted that Jordan had proposed a directory.", "Egypt=speaker; Jordan=mentioned"},
		{"France supported the PoA, while Russia opposed it.", "France=speaker; Russian Federation=speaker"},
		{"According to India, the framework is sufficient.", "India=speaker"},
		{"Iran was of the view that a treaty was needed.", "Iran=speaker"},
		{"Cuba said: ‘We agree with Venezuela on this.’", "Cuba=speaker; Venezuela=mentioned"},
		{"‘We need action,’ said Kenya.", "Kenya=speaker"},
	} {
		if got := describe(a.Analyse(tc.text)); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestReportHandsOver(t *testing.T) {
	a := testAnalyser(t)
	paras := []Paragraph{
		{ID: "p-1", Text: "The delegate of Switzerland put it this way:"},
		{ID: "p-2", Text: "‘Norms matter, as Germany said.’"},
		{ID: "p-3", Text: "Implementation matters too.", Quote: true},
		{ID: "p-4", Text: "Egypt proposed the following:"},
		{ID: "p-5", Text: "a fund for capacity building;", Item: true},
		{ID: "p-6", Text: "Kenya: a directory of contacts.", Item: true},
		{ID: "p-7", Text: "The Chair closed the meeting."},
		{ID: "p-8", Text: "‘Thank you all.’"},
		{ID: "p-9", Text: "Hitachi America"},
		{ID: "p-10", Text: "Thank you, Mr Chair. We support what Japan said."},
	}
	want := []string{
		"Switzerland=speaker",
		"Germany=mentioned; Switzerland=speaker",
		"Switzerland=speaker",
		"Egypt=speaker",
		"Egypt=speaker",
		"Kenya=speaker",
		"",
		"",
		"Hitachi=speaker",
		"Japan=mentioned; Hitachi=speaker",
	}
	for i, ns := range a.Report(paras) {
		if got := describe(ns); got != want[i] {
			t.Errorf("%s %q: got %q, want %q", paras[i].ID, paras[i].Text, got, want[i])
		}
	}
}

// TestVersionFollowsRegistry checks that the Version a cache of results
// is keyed by changes with any entry of the registry: a new stakeholder,
// a new alias of a built-in one, or a changed kind, and with nothing else.
func TestVersionFollowsRegistry(t *testing.T) {
	version := func(extra string) string {
		t.Helper()
		var sources []registry.Source
		if extra != "" {
			sources = append(sources, registry.Source{Name: "speakers.toml", Data: []byte(extra)})
		}
		reg, err := registry.Load(gazetteer.Default(), sources...)
		if err != nil {
			t.Fatal(err)
		}
		a, err := New(gazetteer.Default(), reg)
		if err != nil {
			t.Fatal(err)
		}
		return a.Version()
	}
	base := version("")
	if again := version(""); again != base {
		t.Fatalf("the same registry gives two versions: %s, %s", base, again)
	}
	seen := map[string]string{base: "the built-in registry"}
	for _, extra := range []string{
		"[[speaker]]\nkey = \"youth-igf\"\nname = \"Youth IGF\"\nkind = \"civil-society\"\n",
		"[[speaker]]\nkey = \"icrc\"\naliases = [\"the humanitarian community\"]\n",
		"[[speaker]]\nkey = \"icrc\"\nkind = \"civil-society\"\n",
	} {
		v := version(extra)
		if prev, ok := seen[v]; ok {
			t.Errorf("%q has the version of %s", extra, prev)
		}
		seen[v] = extra
	}
}
