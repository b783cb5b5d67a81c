package config

import (
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // every error line, in order
	}{
		{"mis-cased key", "title = \"A\"\nbaseurl = \"https://x.org/\"\n",
			[]string{`config.toml:2: unknown field "baseurl" (keys are case-sensitive: write "baseURL")`}},
		{"mis-cased key beside the right one", "baseURL = \"https://x.org/\"\nbaseurl = \"https://y.org/\"\n",
			[]string{`config.toml:2: unknown field "baseurl" (keys are case-sensitive: write "baseURL")`}},
		{"mis-cased table", "[Search]\nindex = \"x\"\n",
			[]string{`config.toml:1: unknown field "Search" (keys are case-sensitive: write "search")`}},
		{"mis-cased key in a table", "[search]\nIndex = \"x\"\n",
			[]string{`config.toml:2: unknown field "search.Index" (keys are case-sensitive: write "search.index")`}},
		{"typo", "timezone = \"UTC\"\ntitel = \"A\"\n",
			[]string{
				`config.toml:1: unknown field "timezone" (keys are case-sensitive: write "timeZone")`,
				`config.toml:2: unknown field "titel" (did you mean "title"?)`,
			}},
		{"unknown", "colour = \"red\"\n",
			[]string{`config.toml:1: unknown field "colour" (remove it or correct its spelling)`}},
		{"values have lines", "title = \"A\"\n\nbaseURL = \"not a url\"\ntimeZone = \"Mars/Olympus\"\n",
			[]string{
				`config.toml:3: baseURL "not a url" is not an absolute URL`,
				`config.toml:4: unknown timeZone "Mars/Olympus"`,
			}},
		{"every problem at once", "baseurl = \"x\"\ntimeZone = \"Nowhere\"\n[import]\ntimeZone = \"Nowhere\"\nkinds = [\"Bad Kind\"]\ndrop = [\"/(/\", \"\"]\n",
			[]string{
				`config.toml:1: unknown field "baseurl"`,
				`config.toml:2: unknown timeZone "Nowhere"`,
				`config.toml:4: unknown [import] timeZone "Nowhere"`,
				`config.toml:5: [import] kinds: "Bad Kind" is not a key`,
				`config.toml:6: [import] drop: "/(/": error parsing regexp`,
				`config.toml:6: [import] drop: an empty entry`,
			}},
		{"wrong types, each at its line", "title = 1\ndescription = \"ok\"\nlanguage = true\n",
			[]string{`config.toml:1: title: `, `config.toml:3: language: `}},
		{"syntax", "title = \"A\ndescription = 1\n",
			[]string{`config.toml:1: toml: basic strings cannot have new lines`}},
		{"aliases keep free keys", "[states.aliases]\n\"GBR\" = [\"Great Britain\"]\nfrance = [\"La France\"]\n", nil},
		{"synonyms", "[search]\nsynonyms = [[\"a\", \"b\"]]\n", nil},
		{"import table", "[import]\ntimeZone = \"UTC\"\nkinds = [\"webinar-report\"]\ndrop = [\"Watch the recording\", \"/^Photo: .*$/\"]\ndefaultDrop = false\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("config.toml", []byte(tt.in))
			list := generator.AsList(err)
			if err != nil && list == nil {
				t.Fatalf("error without position: %v", err)
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(list), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := list[i].Error(); !strings.HasPrefix(got, w) {
					t.Errorf("problem %d\n got %s\nwant %s…", i, got, w)
				}
			}
		})
	}
}

func TestImportDefaults(t *testing.T) {
	c, err := Parse("config.toml", []byte("timeZone = \"Europe/Zurich\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Import.Location.String() != "Europe/Zurich" {
		t.Errorf("import zone %v, want the archive's", c.Import.Location)
	}
	c, err = Parse("config.toml", []byte("[import]\ntimeZone = \"UTC\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Import.Location.String() != "UTC" || c.Location.String() != "America/New_York" {
		t.Errorf("zones %v / %v", c.Import.Location, c.Location)
	}
	if c.Line("import.timeZone") != 2 || c.Line("nothing") != 0 {
		t.Errorf("lines %d, %d", c.Line("import.timeZone"), c.Line("nothing"))
	}
}

type inner struct {
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

type outer struct {
	Docs  []inner           `toml:"documents"`
	Any   any               `toml:"date"`
	Table map[string]string `toml:"speakers"`
}

func TestNestedKeys(t *testing.T) {
	tests := []struct{ in, want string }{
		{"documents = [{title = \"a\", URL = \"b\"}]\n", `x.md:1: unknown field "documents.URL" (keys are case-sensitive: write "documents.url")`},
		{"[[documents]]\ntitle = \"a\"\nlink = \"b\"\n", `x.md:3: unknown field "documents.link"`},
		{"date = {Anything = 1}\n[speakers]\n\"p-1\" = \"x\"\nP = \"y\"\n", ""},
	}
	for _, tt := range tests {
		var v outer
		err := DecodeStrict("x.md", 0, []byte(tt.in), &v)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%q: %v", tt.in, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %s…", tt.in, err, tt.want)
		}
	}
}
