package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site"
)

// neighbours is an archive whose reports sort by date in another order
// than by path, so that a problem reported against the wrong report shows.
const neighbours = `
-- config.toml --
title = "Test archive"
baseURL = "https://example.org/archive/"
timeZone = "America/New_York"
-- content/sessions/s2.md --
+++
title = "Second substantive session"
start = 2022-03-28
end = 2022-04-01
+++
The second session.
-- content/topics/poa.md --
+++
title = "Programme of Action"
summary = "The PoA."
+++
-- content/reports/2022/a-late.md --
+++
title = "Late"
date = 2022-04-01
session = "s2"
+++
France spoke late.
-- content/reports/2022/m-middle.md --
+++
title = "Middle"
date = 2022-03-30
session = "s2"
+++
Brazil spoke in the middle.
-- content/reports/2022/z-early.md --
+++
title = "Early"
date = 2022-03-28
session = "s2"
+++
Kenya spoke early.
`

// assemble loads and assembles the neighbours archive with extra files
// added, as a build and a check do, and returns every problem found.
func assemble(t *testing.T, extra string) generator.ErrorList {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(neighbours + extra)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	a, err := content.Load(fsys)
	problems := generator.AsList(err)
	if err != nil && (problems == nil || a == nil) {
		t.Fatalf("load: %v", err)
	}
	_, more := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: markdown.New(a.Config.BasePath)})
	return append(problems, more...)
}

// TestProblemsNameTheirFile checks, for every kind of problem, that it is
// reported at the file and line that hold it, whichever report sorts
// first on the site.
func TestProblemsNameTheirFile(t *testing.T) {
	report := func(path, front, body string) string {
		return "-- " + path + " --\n+++\n" + front + "+++\n" + body
	}
	const ok = "title = \"Bad\"\ndate = 2022-03-29\nsession = \"s2\"\n"
	tests := []struct {
		name, files string
		want        string // the problem's "path:line: " prefix
		warning     bool
	}{
		{"bad front matter", report("content/reports/2022/b.md", "title = \"Bad\ndate = 2022-03-29\n", "x\n"), "content/reports/2022/b.md:2: ", false},
		{"unknown field", report("content/reports/2022/b.md", ok+"speaker = \"France\"\n", "x\n"), "content/reports/2022/b.md:5: ", false},
		{"no title", report("content/reports/2022/b.md", "date = 2022-03-29\nsession = \"s2\"\n", "x\n"), "content/reports/2022/b.md:1: ", false},
		{"unknown session", report("content/reports/2022/b.md", "title = \"Bad\"\ndate = 2022-03-29\nsession = \"s9\"\n", "x\n"), "content/reports/2022/b.md:4: ", false},
		{"unknown topic", report("content/reports/2022/b.md", ok+"topics = [\"pao\"]\n", "x\n"), "content/reports/2022/b.md:5: ", false},
		{"unknown state", report("content/reports/2022/b.md", ok+"states = [\"Atlantis\"]\n", "x\n"), "content/reports/2022/b.md:5: ", false},
		{"bad date", report("content/reports/2022/b.md", "title = \"Bad\"\ndate = \"yesterday\"\nsession = \"s2\"\n", "x\n"), "content/reports/2022/b.md:3: ", false},
		{"date outside its session", report("content/reports/2022/b.md", "title = \"Bad\"\nsession = \"s2\"\ndate = 2022-05-01\n", "x\n"), "content/reports/2022/b.md:4: ", false},
		{"end before date", report("content/reports/2022/b.md", ok+"end = 2022-03-28\n", "x\n"), "content/reports/2022/b.md:5: ", false},
		{"broken link", report("content/reports/2022/b.md", ok, "First.\n\nSee [this](/nope/) page.\n"), "content/reports/2022/b.md:8: ", false},
		{"broken paragraph link", report("content/reports/2022/b.md", ok, "First.\n\nSee [that](/reports/a-late/#p-9).\n"), "content/reports/2022/b.md:8: ", false},
		{"no text", report("content/reports/2022/b.md", ok, ""), "content/reports/2022/b.md:6: ", false},
		{"duplicate slug", report("content/reports/2023/m-middle.md", ok, "x\n"), "content/reports/2023/m-middle.md:0: ", false},
		{"file name", report("content/reports/2022/Bad.md", ok, "x\n"), "content/reports/2022/Bad.md:0: ", false},
		{"misspelling", report("content/reports/2022/b.md", ok, "First.\n\nColumbia spoke.\n"), "content/reports/2022/b.md:8: warning: ", true},
		{"broken link in a session", "-- content/sessions/s3.md --\n+++\ntitle = \"Third\"\nstart = 2022-07-25\nend = 2022-07-29\n+++\nSee [this](/nope/).\n", "content/sessions/s3.md:6: ", false},
		{"session without end", "-- content/sessions/s3.md --\n+++\ntitle = \"Third\"\nstart = 2022-07-25\n+++\n", "content/sessions/s3.md:1: ", false},
		{"topic field twice", "-- content/topics/law.md --\n+++\ntitle = \"Law\"\nsummary = \"a\"\ndescription = \"b\"\n+++\n", "content/topics/law.md:4: ", false},
		{"broken link in a topic", "-- content/topics/law.md --\n+++\ntitle = \"Law\"\n+++\nSee [this](/nope/).\n", "content/topics/law.md:4: ", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			problems := assemble(t, tc.files)
			if len(problems) != 1 {
				t.Fatalf("%d problems, want 1:\n%v", len(problems), problems)
			}
			got := problems[0].Error()
			if !strings.HasPrefix(got, strings.Replace(tc.want, ":0: ", ": ", 1)) || problems[0].Warning != tc.warning {
				t.Errorf("got %q, want it to start with %q", got, tc.want)
			}
		})
	}
}

// TestLinksCheckedBesideOtherErrors checks that a broken link is reported
// in the same run as errors of another kind, in the same file and in
// others, and that links to pages of sound reports are not taken for
// broken while a report with errors is left out of the model.
func TestLinksCheckedBesideOtherErrors(t *testing.T) {
	problems := assemble(t, `
-- content/reports/2022/b.md --
+++
title = "Wrong session"
date = 2022-05-01
session = "s2"
+++
See [this](/nope/) page.
-- content/reports/2022/c.md --
+++
title = "Sound front matter"
date = 2022-03-29
session = "s9"
+++
See [Brazil](/states/brazil/) and [that](/elsewhere/).
-- content/reports/2022/d.md --
+++
title = "Sound"
date = 2022-03-29
session = "s2"
+++
See [Kenya](/states/kenya/) and [the late report](/reports/a-late/#p-1).
`)
	var got []string
	for _, p := range problems {
		got = append(got, p.Path+" "+p.Msg)
	}
	want := []string{
		"content/reports/2022/b.md dated 2022-05-01, outside its session s2 (2022-03-28 to 2022-04-01)",
		"content/reports/2022/b.md link \"/archive/nope/\" points to a page that does not exist",
		"content/reports/2022/c.md unknown session \"s9\"",
		"content/reports/2022/c.md link \"/archive/elsewhere/\" points to a page that does not exist",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
