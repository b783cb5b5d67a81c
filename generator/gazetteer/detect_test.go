package gazetteer

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// codes renders mentions compactly for comparison; a trailing "!" marks a
// mention found through a misspelling.
func codes(ms []Mention) []string {
	out := []string{}
	for _, m := range ms {
		c := m.Entity.Code
		if m.Misspelt {
			c += "!"
		}
		out = append(out, c)
	}
	return out
}

type span struct {
	start, end int
	form       string
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		spans []span // checked when set
	}{
		{"Russia", "Russia said that", []string{"RUS"}, nil},
		{"the Russian Federation", "In reply, the Russian Federation noted", []string{"RUS"},
			[]span{{14, 32, "Russian Federation"}}},
		{"the UK", "the UK", []string{"GBR"}, []span{{0, 6, "the UK"}}},
		{"UK alone", "UK delegates", []string{"GBR"}, nil},
		{"The UK at sentence start", "The UK and the United Kingdom agreed.", []string{"GBR", "GBR"},
			[]span{{0, 6, "The UK"}, {11, 29, "the United Kingdom"}}},
		{"the US", "the US said", []string{"USA"}, nil},
		{"us is a pronoun", "let us agree, as some of us said", []string{}, nil},
		{"USA forms", "the USA and the United States of America", []string{"USA", "USA"}, nil},
		{"Iran", "Iran noted", []string{"IRN"}, nil},
		{"Iranian is an adjective", "Iranian delegates and Iranians", []string{}, nil},
		{"Türkiye spellings", "Türkiye, Turkey and Turkiye", []string{"TUR", "TUR", "TUR"}, nil},
		{"Côte d'Ivoire straight apostrophe", "Côte d'Ivoire", []string{"CIV"}, nil},
		{"Côte d’Ivoire typographic apostrophe", "Côte d’Ivoire and Türkiye", []string{"CIV", "TUR"},
			[]span{{0, 16, "Côte d’Ivoire"}, {21, 29, "Türkiye"}}},
		{"Cote d'Ivoire unaccented", "Cote d'Ivoire, Cote d’Ivoire", []string{"CIV", "CIV"}, nil},
		{"DPRK", "the DPRK", []string{"PRK"}, nil},
		{"North Korea", "North Korea", []string{"PRK"}, nil},
		{"South Korea", "South Korea", []string{"KOR"}, nil},
		{"Republic of Korea", "the Republic of Korea", []string{"KOR"}, nil},
		{"DPRK in full is not the Republic of Korea", "the Democratic People’s Republic of Korea and the Republic of Korea",
			[]string{"PRK", "KOR"}, nil},
		{"Columbia is a misspelling", "Switzerland, Columbia and Japan", []string{"CHE", "COL!", "JPN"},
			[]span{{0, 11, "Switzerland"}, {13, 21, "Columbia"}, {26, 31, "Japan"}}},
		{"Colombia", "Colombia", []string{"COL"}, nil},
		{"the Netherlands", "France and the Netherlands", []string{"FRA", "NLD"},
			[]span{{0, 6, "France"}, {11, 26, "the Netherlands"}}},
		{"Netherlands", "Netherlands", []string{"NLD"}, nil},
		{"The Netherlands", "The Netherlands said", []string{"NLD"}, nil},
		{"Guinea-Bissau", "Guinea-Bissau", []string{"GNB"}, nil},
		{"Papua New Guinea", "Papua New Guinea", []string{"PNG"}, nil},
		{"Equatorial Guinea", "Equatorial Guinea", []string{"GNQ"}, nil},
		{"Guinea", "Guinea", []string{"GIN"}, nil},
		{"all the Guineas", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
			[]string{"GIN", "GNB", "GNQ", "PNG"}, nil},
		{"Niger", "Niger", []string{"NER"}, nil},
		{"Nigeria", "Nigeria", []string{"NGA"}, nil},
		{"Niger and Nigeria", "Niger and Nigeria", []string{"NER", "NGA"}, nil},
		{"Sudan", "Sudan", []string{"SDN"}, nil},
		{"South Sudan", "South Sudan and Sudan", []string{"SSD", "SDN"}, nil},
		{"Dominica", "Dominica", []string{"DMA"}, nil},
		{"Dominican Republic", "the Dominican Republic and Dominica", []string{"DOM", "DMA"}, nil},
		{"Congo", "Congo", []string{"COG"}, nil},
		{"Democratic Republic of the Congo", "the Democratic Republic of the Congo", []string{"COD"},
			[]span{{4, 36, "Democratic Republic of the Congo"}}},
		{"DRC", "DRC and DR Congo", []string{"COD", "COD"}, nil},
		{"Republic of the Congo", "the Republic of the Congo and Congo", []string{"COG", "COG"}, nil},
		{"the EU", "the EU", []string{"EUU"}, nil},
		{"The EU", "The EU suggested", []string{"EUU"}, nil},
		{"European Union", "European Union and the European Union", []string{"EUU", "EUU"}, nil},
		{"Holy See", "the Holy See", []string{"VAT"}, nil},
		{"State of Palestine", "State of Palestine", []string{"PSE"}, []span{{0, 18, "State of Palestine"}}},
		{"Palestine", "Palestine", []string{"PSE"}, nil},
		{"an organisation is not a state", "made by Let’s Talk Cyber and a number of states", []string{}, nil},
		{"the African Group", "on behalf of the African Group", []string{"african-group"}, nil},
		{"four groups", "regional organizations like CIS, SCO, OSCE, ARF and others",
			[]string{"cis", "sco", "osce", "arf"}, nil},
		{"ASEAN and its forum", "ASEAN and the ASEAN Regional Forum", []string{"asean", "arf"}, nil},
		{"GRULAC", "GRULAC", []string{"grulac"}, nil},
		{"the Non-Aligned Movement", "the Non-Aligned Movement", []string{"nam"}, nil},
		{"NAM in text is the movement, not Namibia", "NAM and Namibia", []string{"nam", "NAM"}, nil},
		{"Group of 77 and China is one group", "the Group of 77 and China", []string{"g77"}, nil},
		{"G-77 and G77", "G-77 and G77", []string{"g77", "g77"}, nil},
		{"several states", "France, Germany and Brazil supported it; China and the Russian Federation did not.",
			[]string{"FRA", "DEU", "BRA", "CHN", "RUS"}, nil},
		{"no-break space inside a name", "South\u00a0Africa", []string{"ZAF"}, []span{{0, 13, "South\u00a0Africa"}}},
		{"line break inside a name", "Sri\n  Lanka and\tSouth \u00a0Africa", []string{"LKA", "ZAF"},
			[]span{{0, 11, "Sri\n  Lanka"}, {16, 30, "South \u00a0Africa"}}},
		{"possessive", "France's position and France’s", []string{"FRA", "FRA"},
			[]span{{0, 6, "France"}, {22, 28, "France"}}},
		{"case-sensitive", "chad, CHAD, Chad", []string{"TCD"}, []span{{12, 16, "Chad"}}},
		{"typographic apostrophe in an alias", "People’s Republic of China", []string{"CHN"}, nil},
		{"Lao PDR", "Lao People’s Democratic Republic, Laos", []string{"LAO", "LAO"}, nil},
		{"hyphen is a boundary", "US-led, anti-US, EU-funded, the Russia-Ukraine war", []string{"USA", "USA", "EUU", "RUS", "UKR"}, nil},
		{"hyphenated names stay whole", "Guinea-Bissau, Timor-Leste, Guinea-Conakry", []string{"GNB", "TLS", "GIN"}, nil},
		{"hyphenated name", "Timor-Leste", []string{"TLS"}, nil},
		{"digits join words", "France2 2France", []string{}, nil},
		{"punctuation separates", "(France)/Germany.", []string{"FRA", "DEU"}, nil},
		{"official name", "the Republic of Chile and the French Republic", []string{"CHL", "FRA"}, nil},
		{"ISO-order official name is not detected", "Korea, Republic of Moldova", []string{"MDA"}, nil},
		{"Central African Republic is not the African Union", "the Central African Republic and the African Union",
			[]string{"CAF", "au"}, nil},
		{"empty", "", []string{}, nil},
	}
	g := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Detect(tt.text)
			if c := codes(got); !slices.Equal(c, tt.want) {
				t.Fatalf("Detect(%q) = %v, want %v", tt.text, c, tt.want)
			}
			if tt.spans == nil {
				return
			}
			for i, m := range got {
				if s := tt.spans[i]; m.Start != s.start || m.End != s.end || m.Form != s.form {
					t.Errorf("mention %d = [%d:%d] %q, want [%d:%d] %q", i, m.Start, m.End, m.Form, s.start, s.end, s.form)
				}
			}
		})
	}
}

func TestDetectGroupsAreNotStates(t *testing.T) {
	ms := Default().Detect("The African Group, the Arab Group and the Nordic countries")
	if len(ms) != 3 {
		t.Fatalf("got %v, want three groups", codes(ms))
	}
	for _, m := range ms {
		if m.Entity.IsState() {
			t.Errorf("%q detected as state %s", m.Form, m.Entity.Code)
		}
	}
}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func stateCodes(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Entity.IsState() && !slices.Contains(out, m.Entity.Code) {
			out = append(out, m.Entity.Code)
		}
	}
	slices.Sort(out)
	return out
}

func TestDetectSeeds(t *testing.T) {
	g := Default()

	rid := g.Detect(readSeed(t, "regular-institutional-dialogue.txt"))
	want := []string{
		"ARG", "AUS", "AUT", "BRA", "CAN", "CHE", "CHL", "COL", "CUB", "EGY", "EUU", "FRA",
		"GBR", "IRN", "JAM", "JPN", "LKA", "NLD", "RUS", "SGP", "SLV", "THA", "ZAF",
	}
	if got := stateCodes(rid); !slices.Equal(got, want) {
		t.Errorf("states in the regular-institutional-dialogue seed:\n got %v\nwant %v", got, want)
	}
	var groups []string
	for _, m := range rid {
		if !m.Entity.IsState() {
			groups = append(groups, m.Entity.Code)
		}
		// the seed writes "Columbia" each time, which must be flagged
		if m.Entity.Code == "COL" && (!m.Misspelt || m.Form != "Columbia") {
			t.Errorf("Colombia found as %q, misspelt=%v", m.Form, m.Misspelt)
		}
	}
	if want := []string{"cis", "sco", "osce", "arf"}; !slices.Equal(groups, want) {
		t.Errorf("groups in the regular-institutional-dialogue seed = %v, want %v", groups, want)
	}

	ic := g.Detect(readSeed(t, "informal-consultation.txt"))
	if got := stateCodes(ic); len(got) != 0 {
		t.Errorf("the informal-consultation seed names no state, got %v", got)
	}
}

// TestDetectEveryForm checks the data and the trie together: every name
// in the lists is found as one whole mention of its own entity.
func TestDetectEveryForm(t *testing.T) {
	g := Default()
	for _, e := range g.entities {
		var forms []string
		forms = append(forms, e.Name)
		if e.Official != "" && !strings.Contains(e.Official, ",") {
			forms = append(forms, e.Official)
		}
		forms = append(forms, e.Aliases...)
		n := len(forms)
		forms = append(forms, e.Misspellings...)
		for i, f := range forms {
			ms := g.Detect(f)
			if len(ms) != 1 || ms[0].Entity != e || ms[0].Start != 0 || ms[0].End != len(f) || ms[0].Misspelt != (i >= n) {
				t.Errorf("Detect(%q) = %v, want one whole mention of %s (misspelt=%v)", f, codes(ms), e.Code, i >= n)
			}
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	g := Default()
	text := readSeed(b, "regular-institutional-dialogue.txt") // about 1,000 words
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Detect(text)
	}
}

// BenchmarkDetectParallel is how a build uses Detect: one shared
// Gazetteer, one report per goroutine.
func BenchmarkDetectParallel(b *testing.B) {
	g := Default()
	text := readSeed(b, "regular-institutional-dialogue.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			g.Detect(text)
		}
	})
}

// TestDetectNormalisation checks the text normalisation on its own: the
// embedded lists spell out typographic variants of some names, which
// would hide a broken normalisation from TestDetect.
func TestDetectNormalisation(t *testing.T) {
	g, err := Parse(strings.NewReader(
		"CIV\tCôte d'Ivoire\t\tmember\n"+
			"TLS\tTimor-Leste\t\tmember\n"+
			"ZAF\tSouth Africa\t\tmember\n"+
			"GBR\tUnited Kingdom\t\tmember\tthe UK\n"+
			"BHS\tBahamas\t\tmember\tThe Bahamas\n"),
		strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Côte d'Ivoire", []string{"CIV"}},
		{"Côte d’Ivoire", []string{"CIV"}},
		{"Côte d‘Ivoire", []string{"CIV"}},
		{"Côte dʼIvoire", []string{"CIV"}},
		{"Côte\u00a0d’Ivoire", []string{"CIV"}},
		{"Côte d\"Ivoire", []string{}},
		{"Côte dIvoire", []string{}},
		{"Timor\u2011Leste and Timor\u2010Leste", []string{"TLS", "TLS"}},
		{"Timor Leste", []string{}},
		{"South \u2003 \u202f\r\nAfrica", []string{"ZAF"}},
		{"South\u200bAfrica", []string{}}, // a zero-width space is not a space
		{"SouthAfrica", []string{}},
		{"the UK, The UK, THE UK", []string{"GBR", "GBR"}},
		{"The Bahamas and the Bahamas", []string{"BHS", "BHS"}},
	}
	for _, tt := range tests {
		if got := codes(g.Detect(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("Detect(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
