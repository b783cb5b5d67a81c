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

const processes = `
-- content/processes/oewg-2019-2021.md --
+++
title = "OEWG 2019-2021"
start = 2019-06-03
end = 2021-03-12
documents = [{title = "Final report (A/75/816)", url = "https://undocs.org/en/A/75/816"}]
+++
The first OEWG.
-- content/processes/gm.md --
+++
title = "Global Mechanism"
start = 2026-03-30
+++
-- content/sessions/s1-2019.md --
+++
title = "First substantive session"
process = "oewg-2019-2021"
start = 2019-09-09
end = 2019-09-13
+++
-- content/sessions/org-2019.md --
+++
title = "Organisational session"
process = "oewg-2019-2021"
start = 2019-06-03
end = 2019-06-04
+++
-- content/sessions/other.md --
+++
title = "A meeting of no process"
start = 2020-01-01
end = 2020-01-01
+++
-- content/reports/2019/r.md --
+++
title = "R"
date = 2019-09-10
session = "s1-2019"
+++
Egypt spoke.
`

func load(t *testing.T, archive string) (*generator.Site, generator.ErrorList) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	a, err := content.Load(fsys)
	problems := generator.AsList(err)
	if err != nil && (problems == nil || a == nil) {
		t.Fatalf("load: %v", err)
	}
	s, more := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: markdown.New(a.Config.BasePath)})
	return s, append(problems, more...)
}

func TestProcesses(t *testing.T) {
	s, errs := load(t, processes)
	if len(errs.Errors()) > 0 {
		t.Fatal(errs)
	}
	if len(s.Processes) != 2 || s.Processes[0].Key != "oewg-2019-2021" || s.Processes[1].Key != "gm" {
		t.Fatalf("processes %v", s.Processes)
	}
	p := s.Processes[0]
	if p.URL != "/processes/oewg-2019-2021/" || len(p.Documents) != 1 || !p.End.After(p.Start) {
		t.Errorf("process %+v", p)
	}
	var keys []string
	for _, ss := range p.Sessions {
		keys = append(keys, ss.Key)
		if ss.Series != p || ss.Process != "OEWG 2019-2021" {
			t.Errorf("session %s: series %v, process %q", ss.Key, ss.Series, ss.Process)
		}
	}
	if strings.Join(keys, " ") != "org-2019 s1-2019" {
		t.Errorf("sessions of the process, in date order: %v", keys)
	}
	if len(s.Processes[1].Sessions) != 0 || !s.Processes[1].End.IsZero() {
		t.Errorf("the Global Mechanism: %+v", s.Processes[1])
	}
	for _, ss := range s.Sessions {
		if ss.Key == "other" && (ss.Series != nil || ss.Process != "") {
			t.Errorf("a session of no process: %+v", ss)
		}
	}
}

func TestProcessProblems(t *testing.T) {
	tests := []struct{ name, extra, want string }{
		{"the process's title instead of its key", "-- content/sessions/x.md --\n+++\ntitle = \"X\"\nprocess = \"OEWG 2019-2021\"\nstart = 2020-02-10\nend = 2020-02-14\n+++\n",
			`content/sessions/x.md:3: unknown process "OEWG 2019-2021" (name the process by its key: oewg-2019-2021)`},
		{"a misspelt key", "-- content/sessions/x.md --\n+++\ntitle = \"X\"\nprocess = \"oewg-2019-2012\"\nstart = 2020-02-10\nend = 2020-02-14\n+++\n",
			`content/sessions/x.md:3: unknown process "oewg-2019-2012" (did you mean oewg-2019-2021?)`},
		{"a process without a start", "-- content/processes/bad.md --\n+++\ntitle = \"Bad\"\n+++\n",
			`content/processes/bad.md:1: the process has no start date`},
		{"a key that cannot be in a URL", "-- content/processes/Bad Key.md --\n+++\ntitle = \"Bad\"\nstart = 2020-01-01\n+++\n",
			`content/processes/Bad Key.md: "Bad Key" cannot be used in a URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, processes+tt.extra)
			found := false
			for _, e := range errs {
				found = found || strings.HasPrefix(e.Error(), tt.want)
			}
			if !found {
				t.Errorf("no problem %q in:\n%v", tt.want, errs)
			}
		})
	}
}

// TestProcessLabels checks that an archive that defines no process keeps
// each session's process as the label it writes, as before processes.
func TestProcessLabels(t *testing.T) {
	s, errs := load(t, "-- content/sessions/s.md --\n+++\ntitle = \"S\"\nprocess = \"OEWG 2021-2025\"\nstart = 2022-01-01\nend = 2022-01-02\n+++\n")
	if len(errs.Errors()) > 0 {
		t.Fatal(errs)
	}
	if len(s.Processes) != 0 || s.Sessions[0].Process != "OEWG 2021-2025" || s.Sessions[0].Series != nil {
		t.Errorf("processes %v, session %+v", s.Processes, s.Sessions[0])
	}
}
