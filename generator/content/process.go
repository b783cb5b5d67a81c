package content

import (
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
)

// ProcessesDir holds one file per process (the OEWG 2021-2025, the
// Global Mechanism): sessions name theirs by its key.
const ProcessesDir = "content/processes"

// ProcessFront is a process's front matter.
type ProcessFront struct {
	// Title is the short name reports and pages use: "OEWG 2021-2025".
	Title string `toml:"title"`
	// Name is the full official name, if it differs.
	Name string `toml:"name"`
	// Start is the first meeting's date; End the last one's, or none
	// while the process goes on.
	Start any `toml:"start"`
	End   any `toml:"end"`
	// Documents are its founding and final documents (resolutions,
	// reports), each a title with the UN symbol and a URL.
	Documents []DocumentLink `toml:"documents"`
}

// Process is a decoded process source.
type Process struct {
	*File
	Key        string
	Front      ProcessFront
	Start, End time.Time // civil dates at midnight UTC; End zero while it goes on
}

func decodeProcess(f *File, errs *generator.ErrorList) *Process {
	p := &Process{File: f}
	decoded, err := config.DecodeAll(f.Path, f.FrontLine-1, f.Front, &p.Front)
	for _, e := range generator.AsList(err) {
		errs.Add(e)
	}
	if !decoded {
		return nil
	}
	ok := err == nil
	fail := func(key, hint, format string, args ...any) {
		errs.Add(generator.Errorf(f.Path, f.Line(key), hint, format, args...))
		ok = false
	}
	if p.Front.Title == "" {
		fail("title", `add title = "…", the short name reports use`, "the process has no title")
	}
	day := func(key string, v any) time.Time {
		if v == nil {
			return time.Time{}
		}
		t, _, err := toTime(v, time.UTC)
		if err != nil {
			fail(key, "write a date such as 2021-06-01", "%s: %v", key, err)
			return time.Time{}
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	if p.Front.Start == nil {
		fail("start", "write the date of its first meeting, such as 2021-06-01", "the process has no start date")
	}
	p.Start = day("start", p.Front.Start)
	p.End = day("end", p.Front.End)
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		fail("end", "end must be on or after start", "the process ends before it starts")
	}
	for i, d := range p.Front.Documents {
		if d.URL == "" {
			fail("documents", `give each document a url = "…"`, "document %d has no url", i+1)
		}
	}
	if !ok {
		return nil
	}
	return p
}
