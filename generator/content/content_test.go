package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in    string
		front, body string
		bodyLine    int
		errLine     int
		errText     string
	}{
		{name: "plain", in: "+++\ntitle = \"A\"\n+++\nBody\n", front: "title = \"A\"\n", body: "Body\n", bodyLine: 4},
		{name: "crlf and bom", in: "\ufeff+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n", front: "title = \"A\"\n", body: "Body\n", bodyLine: 4},
		{name: "no body", in: "+++\ntitle = \"A\"\n+++", front: "title = \"A\"\n", body: "", bodyLine: 4},
		{name: "trailing spaces on fence", in: "+++\na = 1\n+++  \nB", front: "a = 1\n", body: "B", bodyLine: 4},
		{name: "no front matter", in: "title = \"A\"\n", errLine: 1, errText: "no front matter"},
		{name: "unclosed", in: "+++\ntitle = \"A\"\nBody\n", errLine: 1, errText: "not closed"},
		{name: "latin-1", in: "+++\na = 1\n+++\nCaf\xe9\n", errLine: 4, errText: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Split("x.md", []byte(tt.in))
			if tt.errText != "" {
				e, ok := err.(*generator.Error)
				if !ok || !strings.Contains(e.Msg, tt.errText) || e.Line != tt.errLine {
					t.Fatalf("err = %v, want line %d %q", err, tt.errLine, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(f.Front) != tt.front || string(f.Body) != tt.body || f.BodyLine != tt.bodyLine {
				t.Errorf("got front %q body %q line %d", f.Front, f.Body, f.BodyLine)
			}
		})
	}
}

// load builds an archive from name→text pairs and returns its problems.
func load(t *testing.T, files map[string]string) (*Archive, generator.ErrorList) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	a, err := Load(fsys)
	if err != nil && generator.AsList(err) == nil {
		t.Fatal(err)
	}
	return a, generator.AsList(err)
}

func TestLoadErrors(t *testing.T) {
	const session = "+++\ntitle = \"S\"\nstart = 2022-01-01\nend = 2022-01-02\n+++\n"
	tests := []struct {
		name string
		text string // of content/reports/2022/r.md
		want string // the whole error line
	}{
		{"unknown field", "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\ncolour = [\"France\"]\n+++\n",
			`content/reports/2022/r.md:5: unknown field "colour" (remove it or correct its spelling)`},
		{"mis-cased field", "+++\ntitle = \"T\"\ndate = 2022-01-01\nSession = \"s\"\nsession = \"s\"\n+++\n",
			`content/reports/2022/r.md:4: unknown field "Session" (keys are case-sensitive: write "session")`},
		{"speakers not a table", "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\nspeakers = [\"France\"]\n+++\n",
			`content/reports/2022/r.md:5: speakers: a TOML array does not fit this field`},
		{"speakers key", "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\n[speakers]\n\"p-03\" = [\"Egypt\"]\n+++\n",
			`content/reports/2022/r.md:6: speakers: "p-03" is not a paragraph ID`},
		{"speakers empty name", "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\nspeakers = {\"p-1\" = [\"Egypt\", \" \"]}\n+++\n",
			`content/reports/2022/r.md:5: speakers: p-1 has an empty name`},
		{"no title", "+++\ndate = 2022-01-01\nsession = \"s\"\n+++\n",
			`content/reports/2022/r.md:1: the report has no title (add title = "…")`},
		{"no date", "+++\ntitle = \"T\"\nsession = \"s\"\n+++\n",
			`content/reports/2022/r.md:1: the report has no date (` + dateHint + `)`},
		{"date is a string", "+++\ntitle = \"T\"\ndate = \"yesterday\"\nsession = \"s\"\n+++\n",
			`content/reports/2022/r.md:3: date: yesterday is not a date (` + dateHint + `)`},
		{"ends before it starts", "+++\ntitle = \"T\"\ndate = 2022-01-01T10:00:00Z\nend = 2022-01-01T09:00:00Z\nsession = \"s\"\n+++\n",
			`content/reports/2022/r.md:4: the report ends (2022-01-01T09:00:00Z) before it starts (2022-01-01T10:00:00Z) (end must be at or after date)`},
		{"no session", "+++\ntitle = \"T\"\ndate = 2022-01-01\n+++\n",
			`content/reports/2022/r.md:1: the report names no session (add session = "KEY", the file name of a session under content/sessions/)`},
		{"wrong type", "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\nstates = \"France\"\n+++\n",
			`content/reports/2022/r.md:5: `},
		{"syntax", "+++\ntitle = \"T\ndate = 2022-01-01\n+++\n",
			`content/reports/2022/r.md:2: toml: basic strings cannot have new lines (fix the TOML syntax on this line)`},
		{"bad file name", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/sessions/s.md": session}
			if tt.text == "" {
				files["content/reports/2022/Bad Name.md"] = "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\n+++\n"
				_, errs := load(t, files)
				if len(errs) != 1 || !strings.Contains(errs[0].Error(), "cannot be used in a URL") {
					t.Fatalf("errors: %v", errs)
				}
				return
			}
			files["content/reports/2022/r.md"] = tt.text
			_, errs := load(t, files)
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d: %v", len(errs), errs)
			}
			if got := errs[0].Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestEveryProblem checks that one load lists every problem of a file: an
// unknown field does not hide a missing title or a bad end.
func TestEveryProblem(t *testing.T) {
	_, errs := load(t, map[string]string{
		"content/sessions/s.md": "+++\ntitle = \"S\"\nstart = 2022-01-01\nend = 2022-01-02\n+++\n",
		"content/reports/r.md":  "+++\ncolour = 1\ndate = 2022-01-02T10:00:00Z\nend = 2022-01-01T10:00:00Z\nsession = \"s\"\nstates = \"France\"\n+++\n",
	})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`content/reports/r.md:1: the report has no title`,
		`content/reports/r.md:2: unknown field "colour"`,
		`content/reports/r.md:4: the report ends`,
		`content/reports/r.md:6: states: a TOML string does not fit this field`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

func TestReportFields(t *testing.T) {
	a, errs := load(t, map[string]string{
		"content/sessions/s.md": "+++\ntitle = \"S\"\nstart = 2022-01-01\nend = 2022-01-02\n+++\n",
		"content/reports/r.md":  "+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\nlocation = \"New York, USA\"\n[speakers]\n\"p-1\" = [\"Brazil\"]\n\"p-12\" = [\"Japan\", \"the EU\"]\n\"p-13\" = []\n+++\n",
	})
	if errs != nil {
		t.Fatal(errs)
	}
	f := a.Reports[0].Front
	if f.Location != "New York, USA" || len(f.Speakers) != 3 || f.Speakers["p-12"][1] != "the EU" {
		t.Errorf("front = %+v", f)
	}
	if got := fmt.Sprint(a.Reports[0].EntryLines("speakers")); got != "map[p-1:7 p-12:8 p-13:9]" {
		t.Errorf("speakers' lines: %s", got)
	}
}

// TestEntryLines checks that each entry of a front matter's table is
// found at its line, in a table or inline, with keys bare or quoted.
func TestEntryLines(t *testing.T) {
	for _, tc := range []struct{ front, want string }{
		{"title = \"T\"\n[speakers]\n\"p-1\" = [\"A\"]\np-2 = []\n\n  \"p-3\"=[\"B\"]\n[other]\n\"p-4\" = 1\n", "map[p-1:3 p-2:4 p-3:6]"},
		{"title = \"T\"\nspeakers = {\"p-1\" = [\"A\"], p-2 = [], \"p-3\"=[]}\n", "map[p-1:2 p-2:2 p-3:2]"},
		{"title = \"T\"\n", "map[]"},
	} {
		f := &File{Front: []byte(tc.front), FrontLine: 1}
		if got := fmt.Sprint(f.EntryLines("speakers")); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.front, got, tc.want)
		}
	}
}

func TestLoadDates(t *testing.T) {
	a, errs := load(t, map[string]string{
		"config.toml":           "timeZone = \"Europe/Zurich\"\n",
		"content/sessions/s.md": "+++\ntitle = \"S\"\nstart = 2022-01-01\nend = 2022-01-02\n+++\n",
		"content/reports/a.md":  "+++\ntitle = \"A\"\ndate = 2022-01-01\nsession = \"s\"\n+++\n",
		"content/reports/b.md":  "+++\ntitle = \"B\"\ndate = 2022-01-01T10:00:00\nsession = \"s\"\n+++\n",
		"content/reports/c.md":  "+++\ntitle = \"C\"\ndate = 2022-01-01T10:00:00-05:00\nsession = \"s\"\n+++\n",
	})
	if errs != nil {
		t.Fatal(errs)
	}
	want := map[string]struct {
		when   string
		allDay bool
	}{
		"a": {"2022-01-01T00:00:00+01:00", true},  // a local date, in the meeting zone
		"b": {"2022-01-01T10:00:00+01:00", false}, // a local date-time, likewise
		"c": {"2022-01-01T10:00:00-05:00", false}, // an offset is kept as written
	}
	for _, r := range a.Reports {
		w := want[r.Slug]
		if got := r.Date.Format("2006-01-02T15:04:05Z07:00"); got != w.when || r.AllDay != w.allDay {
			t.Errorf("%s: %s allDay=%v, want %s allDay=%v", r.Slug, got, r.AllDay, w.when, w.allDay)
		}
	}
}

func TestTopicDescriptionIsSummary(t *testing.T) {
	a, errs := load(t, map[string]string{
		"content/topics/t.md": "+++\ntitle = \"T\"\ndescription = \"What it is.\"\n+++\n",
	})
	if errs != nil {
		t.Fatal(errs)
	}
	if a.Topics[0].Front.Summary != "What it is." {
		t.Errorf("summary = %q", a.Topics[0].Front.Summary)
	}
}

// TestEveryProblemOfASession checks that a session's unknown field does
// not hide its other problems.
func TestEveryProblemOfASession(t *testing.T) {
	_, errs := load(t, map[string]string{
		"content/sessions/s.md": "+++\nTitle = \"S\"\nstart = 2022-01-02\nend = 2022-01-01\n+++\n",
		"content/topics/t.md":   "+++\ncolour = 1\nsummary = \"a\"\ndescription = \"b\"\n+++\n",
	})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	for _, want := range []string{
		`content/sessions/s.md:1: the session has no title`,
		`content/sessions/s.md:2: unknown field "Title" (keys are case-sensitive: write "title")`,
		`content/sessions/s.md:4: the session ends before it starts`,
		`content/topics/t.md:1: the topic has no title`,
		`content/topics/t.md:2: unknown field "colour"`,
		`content/topics/t.md:4: both summary and description are given`,
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no problem %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// TestTopicSynonyms: a topic declares groups of equivalent forms; a group
// of one form is an error that names the line.
func TestTopicSynonyms(t *testing.T) {
	a, errs := load(t, map[string]string{
		"content/topics/t.md": "+++\ntitle = \"T\"\nkeywords = [\"PoA\"]\nsynonyms = [[\"PoA\", \"Programme of Action\"]]\n+++\n",
	})
	if errs != nil {
		t.Fatal(errs)
	}
	if got := a.Topics[0].Front.Synonyms; len(got) != 1 || len(got[0]) != 2 || got[0][1] != "Programme of Action" {
		t.Errorf("synonyms = %q", got)
	}
	_, errs = load(t, map[string]string{
		"content/topics/t.md": "+++\ntitle = \"T\"\nsynonyms = [[\"PoA\", \" \"]]\n+++\n",
	})
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "content/topics/t.md:3: synonym group 1 has fewer than two forms") {
		t.Errorf("errors: %v", errs)
	}
}
