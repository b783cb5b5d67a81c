package gazetteer

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestData(t *testing.T) {
	g := Default()
	kinds := map[string]int{}
	for _, e := range g.States() {
		kinds[e.Kind]++
		if !e.IsState() {
			t.Errorf("%s in States() is not a state", e.Code)
		}
		if e.Slug != Slugify(e.Name) {
			t.Errorf("%s: slug %q, want Slugify(%q)", e.Code, e.Slug, e.Name)
		}
	}
	want := map[string]int{KindMember: 193, KindObserverState: 2, KindObserverOrganisation: 1}
	if !maps.Equal(kinds, want) {
		t.Errorf("kinds = %v, want %v", kinds, want)
	}
	if eu, ok := g.Lookup("EUU"); !ok || eu.Kind != KindObserverOrganisation {
		t.Errorf("EUU is not the observer organisation: %+v", eu)
	}
	for _, e := range g.Groups() {
		if e.IsState() || e.Official != "" || e.Slug != e.Code {
			t.Errorf("group %s: IsState=%v Official=%q Slug=%q", e.Code, e.IsState(), e.Official, e.Slug)
		}
	}

	codes, slugs := map[string]bool{}, map[string]bool{}
	for _, e := range g.entities {
		if codes[e.Code] || slugs[e.Slug] {
			t.Errorf("%s: code or slug %q not unique", e.Code, e.Slug)
		}
		codes[e.Code], slugs[e.Slug] = true, true
	}

	// No name, as detection compares it, belongs to two entities.
	owners := map[string][]string{}
	for _, e := range g.entities {
		for _, f := range allForms(e) {
			for _, v := range articleVariants(f) {
				k := normalize(v)
				if !slices.Contains(owners[k], e.Code) {
					owners[k] = append(owners[k], e.Code)
				}
			}
		}
	}
	for k, o := range owners {
		if len(o) > 1 {
			t.Errorf("%q names %v", k, o)
		}
	}

	// Every name Lookup accepts leads back to its own entity, except
	// where a group's name is a state's code and the state wins.
	exceptions := map[string]string{}
	for _, e := range g.entities {
		for _, f := range lookupForms(e) {
			got, ok := g.Lookup(f)
			if !ok {
				t.Errorf("Lookup(%q) of %s failed", f, e.Code)
			} else if got != e {
				if e.IsState() || !got.IsState() {
					t.Errorf("Lookup(%q) = %s, want %s", f, got.Code, e.Code)
				}
				exceptions[e.Code+":"+f] = got.Code
			}
		}
	}
	if want := map[string]string{"nam:nam": "NAM", "nam:NAM": "NAM"}; !maps.Equal(exceptions, want) {
		t.Errorf("group names that Lookup gives to a state = %v, want %v", exceptions, want)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ name, want string }{
		{"FRA", "FRA"},
		{"fra", "FRA"},
		{"France", "FRA"},
		{"FRANCE", "FRA"},
		{"french republic", "FRA"},
		{"france", "FRA"},
		{"Côte d'Ivoire", "CIV"},
		{"Côte d’Ivoire", "CIV"},
		{"COTE D'IVOIRE", "CIV"},
		{"cote-divoire", "CIV"},
		{"Ivory Coast", "CIV"},
		{"Democratic People’s Republic of Korea", "PRK"},
		{"democratic-peoples-republic-of-korea", "PRK"},
		{"Korea, Republic of", "KOR"},
		{"South Korea", "KOR"},
		{"the UK", "GBR"},
		{"uk", "GBR"},
		{"us", "USA"},
		{"United States of America", "USA"},
		{"russian-federation", "RUS"},
		{"Russia", "RUS"},
		{"Guinea", "GIN"},
		{"guinea-bissau", "GNB"},
		{"Guinea Bissau", "GNB"},
		{"South\u00a0Africa", "ZAF"},
		{"  Turkey ", "TUR"},
		{"turkiye", "TUR"},
		{"EUU", "EUU"},
		{"the EU", "EUU"},
		{"european-union", "EUU"},
		{"Holy See", "VAT"},
		{"african-group", "african-group"},
		{"the African Group", "african-group"},
		{"Non-Aligned Movement", "nam"},
		{"NAM", "NAM"}, // Namibia's code; see TestData
		{"Columbia", ""},
		{"Let’s Talk Cyber", ""},
		{"Korea", ""},
		{"", ""},
		{"'", ""},
	}
	g := Default()
	for _, tt := range tests {
		e, ok := g.Lookup(tt.name)
		got := ""
		if ok {
			got = e.Code
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Frnace", "France"},
		{"Brasil", "Brazil"},
		{"xyzzy", ""},
		{"Columbia", "Colombia"},
		{"Untied Kingdom", "United Kingdom"},
		{"Phillipines", "Philippines"},
		{"Swizerland", "Switzerland"},
		{"Russian Fedration", "Russian Federation"},
		{"Turky", "Türkiye"},
		{"Afican Group", "African Group"},
		{"France", "France"},
		{"UX", ""},
		{"", ""},
		{"Plenary archive", ""},
	}
	g := Default()
	for _, tt := range tests {
		if got := g.Suggest(tt.name); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWithAliases(t *testing.T) {
	base := Default()
	g, err := base.WithAliases(map[string][]string{
		"FRA":    {"Gaul"},
		"Brazil": {"Brasil", "Brazil"}, // a known name is not added twice
		"nam":    {"the NAM"},          // Namibia by code: the state wins
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(g.Detect("Gaul, Brasil and the NAM")); !slices.Equal(got, []string{"FRA", "BRA", "NAM"}) {
		t.Errorf("with aliases: %v", got)
	}
	if e, ok := g.Lookup("gaul"); !ok || e.Code != "FRA" {
		t.Errorf("Lookup(gaul) = %v, %v", e, ok)
	}
	if e, _ := g.Lookup("BRA"); slices.Index(e.Aliases, "Brazil") >= 0 || slices.Index(e.Aliases, "Brasil") < 0 {
		t.Errorf("Brazil's aliases = %q", e.Aliases)
	}
	// The original is untouched: Default is shared by the whole build.
	if got := base.Detect("Gaul and Brasil"); len(got) != 0 {
		t.Errorf("Default changed: %v", codes(got))
	}
	if e, _ := base.Lookup("FRA"); slices.Contains(e.Aliases, "Gaul") {
		t.Errorf("Default's France changed: %q", e.Aliases)
	}

	errs := []struct {
		extra map[string][]string
		want  string
	}{
		{map[string][]string{"Atlantis": {"Atlantide"}}, `"Atlantis"`},
		{map[string][]string{"Frnace": {"Gaul"}}, `did you mean "France"`},
		{map[string][]string{"FRA": {"Germany"}}, `"Germany" of FRA (states line 63) and "Germany" of DEU (states line 67) are the same name`},
		{map[string][]string{"FRA": {"the African Group"}}, `"the African Group" of FRA (states line 63) and "the African Group" of african-group (groups line 2)`},
		{map[string][]string{"FRA": {"’France"}}, "does not start with a letter"},
	}
	for _, tt := range errs {
		_, err := base.WithAliases(tt.extra)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("WithAliases(%v) error = %v, want it to contain %s", tt.extra, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const fra = "FRA\tFrance\tFrench Republic\tmember\t\t\n"
	tests := []struct {
		name, states, groups, want string
	}{
		{"too few columns", "# header\n\nFRA\tFrance\n", "", "states line 3: 2 tab-separated columns"},
		{"too many columns", fra + "DEU\tGermany\tx\tmember\t\t\textra\n", "", "states line 2: 7 tab-separated"},
		{"empty name", fra + "DEU\t\tx\tmember\n", "", "states line 2: empty name"},
		{"bad code", "# c\nfr\tFrance\tFrench Republic\tmember\n", "", `states line 2: code "fr"`},
		{"bad kind", fra + "DEU\tGermany\tFederal Republic of Germany\tstate\n", "", `states line 2: kind "state"`},
		{"duplicate code", fra + "FRA\tFrench Republic\t\tmember\n", "", "states line 2: code \"FRA\" already defined at states line 1"},
		{"alias of two states", fra + "DEU\tGermany\t\tmember\tFrance\n", "", `"France" of FRA (states line 1) and "France" of DEU (states line 2) are the same name`},
		{"alias not a word", fra + "DEU\tGermany\t\tmember\t(Germany)\n", "", `states line 2: DEU: name "(Germany)" does not start`},
		{"group key", fra, "# key\nAfrican Group\tAfrican Group\tregional-group\n", "groups line 2: key"},
		{"group kind", fra, "ag\tAfrican Group\tmember\n", `groups line 1: kind "member"`},
		{"group too few columns", fra, "ag\tAfrican Group\n", "groups line 1: 2 tab-separated"},
		{"group named like a state", fra, "fr\tFrance\tclub\n", `"France" of FRA (states line 1) and "France" of fr (groups line 1) are the same name`},
		{"group key is a slug of a state", fra, "france\tFrancophonie\tclub\n", `slug "france"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.states), strings.NewReader(tt.groups))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse error = %v, want it to contain %q", err, tt.want)
			}
		})
	}

	// a well-formed minimal list parses, with CRLF line ends and a BOM
	g, err := Parse(strings.NewReader("\ufeff"+strings.ReplaceAll(fra, "\n", "\r\n")), strings.NewReader("ag\tAfrican Group\tclub\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(g.Detect("France and the African Group")); !slices.Equal(got, []string{"FRA", "ag"}) {
		t.Errorf("minimal gazetteer detects %v", got)
	}
}

func TestStatesSorted(t *testing.T) {
	g := Default()
	states := g.States()
	for i := 1; i < len(states); i++ {
		if collationKey(states[i-1].Name) > collationKey(states[i].Name) {
			t.Errorf("%q sorts before %q", states[i-1].Name, states[i].Name)
		}
	}
	var names []string
	for _, e := range states {
		names = append(names, e.Name)
	}
	i := slices.Index(names, "Côte d'Ivoire")
	if i < 1 || names[i-1] != "Costa Rica" || names[i+1] != "Croatia" {
		t.Errorf("Côte d'Ivoire at %d, between %q and %q", i, names[max(i-1, 0)], names[min(i+1, len(names)-1)])
	}
	if i := slices.Index(names, "Türkiye"); i < 1 || names[i-1] != "Tunisia" || names[i+1] != "Turkmenistan" {
		t.Errorf("Türkiye misplaced at %d", i)
	}
	groups := g.Groups()
	if len(groups) != 22 || groups[0].Name != "African Group" {
		t.Errorf("groups: %d, first %q", len(groups), groups[0].Name)
	}
	// callers get their own slice
	states[0] = nil
	if g.States()[0] == nil {
		t.Error("States returns the internal slice")
	}
}

func TestDefaultConcurrent(t *testing.T) {
	text := readSeed(t, "regular-institutional-dialogue.txt")
	want := len(Default().Detect(text))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := len(Default().Detect(text)); got != want {
				t.Errorf("concurrent Detect found %d mentions, want %d", got, want)
			}
		})
	}
	wg.Wait()
}
