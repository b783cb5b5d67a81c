// Package content reads an archive's sources from an fs.FS: config.toml and
// the Markdown files under content/ with their TOML front matter. It decodes
// strictly (an unknown field is an error naming its line) and checks what a
// single file can show on its own; relations between files are the site
// package's business.
package content

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
)

// ReportFront is a report's front matter.
type ReportFront struct {
	Title   string   `toml:"title"`
	Date    any      `toml:"date"`
	End     any      `toml:"end"`
	Session string   `toml:"session"`
	Kind    string   `toml:"kind"`
	States  []string `toml:"states"`
	Topics  []string `toml:"topics"`
	Source  string   `toml:"source"`
	Draft   bool     `toml:"draft"`
	// Location is where the meeting was held ("New York, USA"), shown on
	// the report's page.
	Location string `toml:"location"`
	// Publisher is the organisation that published the report ("Digital
	// Watch Observatory"), and Author whoever wrote it, when known: the
	// report's citation names them, not the archive.
	Publisher string `toml:"publisher"`
	Author    string `toml:"author"`
	// Speakers maps paragraph IDs ("p-3") to the exact names of the
	// speakers of that paragraph (an empty list: no one speaks), as a
	// transcript's label lines give them or an editor corrects them;
	// paragraphs not listed have their speakers detected.
	Speakers map[string][]string `toml:"speakers"`
}

// Report is a decoded report source.
type Report struct {
	*File
	Slug   string // the file name without .md
	Front  ReportFront
	Date   time.Time
	End    time.Time // zero when not given
	AllDay bool
}

// SessionFront is a session's front matter.
type SessionFront struct {
	Title     string         `toml:"title"`
	Process   string         `toml:"process"`
	Start     any            `toml:"start"`
	End       any            `toml:"end"`
	Location  string         `toml:"location"`
	Documents []DocumentLink `toml:"documents"`
	Weight    int            `toml:"weight"`
}

// DocumentLink is an official document of a session.
type DocumentLink struct {
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

// Session is a decoded session source.
type Session struct {
	*File
	Key        string
	Front      SessionFront
	Start, End time.Time // civil dates at midnight UTC
}

// TopicFront is a topic's front matter. Description is accepted as another
// name for summary, as Hugo archives call it.
type TopicFront struct {
	Title       string   `toml:"title"`
	Summary     string   `toml:"summary"`
	Description string   `toml:"description"`
	Keywords    []string `toml:"keywords"`
	// Synonyms are groups of forms search treats as one: an acronym and
	// its expansion, spelling variants ([["PoA", "Programme of Action"]]).
	Synonyms [][]string `toml:"synonyms"`
	Weight   int        `toml:"weight"`
}

// Topic is a decoded topic source.
type Topic struct {
	*File
	Key   string
	Front TopicFront
}

// Archive is everything read from an archive's root.
type Archive struct {
	Root      fs.FS // where it was read from, to read unread bodies again
	Config    *config.Config
	Processes []*Process // in path order
	Reports   []*Report  // in path order
	Sessions  []*Session // in path order
	Topics    []*Topic   // in path order
	// Speakers is the text of the archive's speakers.toml, nil when it
	// has none.
	Speakers []byte

	// Broken names the processes, sessions and topics whose files exist
	// but did not decode, so that files naming them are not reported a
	// second time.
	Broken map[string]bool
	// Unread counts the report files known unchanged and not read (see
	// Known).
	Unread int
}

const dateHint = "write a date such as 2022-04-01 or a date-time with offset such as 2022-04-01T14:00:00-04:00"

// toTime reads a TOML date value: an offset date-time is kept as written, a
// local date-time or date is placed in the meeting time zone.
func toTime(v any, loc *time.Location) (t time.Time, allDay bool, err error) {
	switch d := v.(type) {
	case time.Time:
		return d, false, nil
	case toml.LocalDateTime:
		return d.AsTime(loc), false, nil
	case toml.LocalDate:
		return d.AsTime(loc), true, nil
	default:
		return time.Time{}, false, fmt.Errorf("%v is not a date", v)
	}
}

func decodeReport(f *File, cfg *config.Config, errs *generator.ErrorList) *Report {
	r := &Report{File: f}
	decoded, err := config.DecodeAll(f.Path, f.FrontLine-1, f.Front, &r.Front)
	for _, e := range generator.AsList(err) {
		errs.Add(e)
	}
	if !decoded {
		return nil
	}
	// Every field is checked even after a problem, so that one run lists
	// all of a file's problems: the report is returned with them, and the
	// site checks what it names (its session, topics, states) too.
	fail := func(key, hint, format string, args ...any) {
		errs.Add(generator.Errorf(f.Path, f.Line(key), hint, format, args...))
	}
	if r.Front.Title == "" {
		fail("title", `add title = "…"`, "the report has no title")
	}
	if r.Front.Session == "" {
		fail("session", `add session = "KEY", the file name of a session under content/sessions/`, "the report names no session")
	}
	if r.Front.Date == nil {
		fail("date", dateHint, "the report has no date")
	} else if t, allDay, err := toTime(r.Front.Date, cfg.Location); err != nil {
		fail("date", dateHint, "date: %v", err)
	} else {
		r.Date, r.AllDay = t, allDay
	}
	if r.Front.End != nil {
		if t, _, err := toTime(r.Front.End, cfg.Location); err != nil {
			fail("end", dateHint, "end: %v", err)
		} else {
			r.End = t
			if !r.Date.IsZero() && t.Before(r.Date) {
				fail("end", "end must be at or after date", "the report ends (%s) before it starts (%s)", t.Format(time.RFC3339), r.Date.Format(time.RFC3339))
			}
		}
	}
	checkSpeakers(f, r.Front.Speakers, errs)
	if r.Front.Kind == "" {
		r.Front.Kind = "event-report"
	}
	return r
}

// checkSpeakers checks the speakers table: paragraph IDs "p-N" (N from 1,
// without leading zeros) mapped to lists of names, none of them empty; an
// empty list says that no one speaks.
func checkSpeakers(f *File, sp map[string][]string, errs *generator.ErrorList) {
	if len(sp) == 0 {
		return
	}
	ids := make([]string, 0, len(sp))
	for id := range sp {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	table := f.TableLine("speakers")
	lines := f.EntryLines("speakers")
	for _, id := range ids {
		line, ok := lines[id]
		if !ok {
			line = table
		}
		if !paragraphID(id) {
			errs.Add(generator.Errorf(f.Path, line, `key each entry by a paragraph's ID, like "p-3"`, "speakers: %q is not a paragraph ID", id))
			continue
		}
		// An empty list says that no one speaks in the paragraph.
		for _, n := range sp[id] {
			if strings.TrimSpace(n) == "" {
				errs.Add(generator.Errorf(f.Path, line, "write each speaker's name", "speakers: %s has an empty name", id))
				break
			}
		}
	}
}

// paragraphID tells whether id is "p-N" with N a positive integer written
// without leading zeros, as paragraph anchors are.
func paragraphID(id string) bool {
	n, ok := strings.CutPrefix(id, "p-")
	if !ok || n == "" || n[0] == '0' || len(n) > 9 {
		return false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func decodeSession(f *File, cfg *config.Config, errs *generator.ErrorList) *Session {
	s := &Session{File: f}
	decoded, err := config.DecodeAll(f.Path, f.FrontLine-1, f.Front, &s.Front)
	for _, e := range generator.AsList(err) {
		errs.Add(e)
	}
	if !decoded {
		return nil
	}
	// The other fields are checked too, so that one run lists every
	// problem; a session with any is not used.
	ok := err == nil
	fail := func(key, hint, format string, args ...any) {
		errs.Add(generator.Errorf(f.Path, f.Line(key), hint, format, args...))
		ok = false
	}
	if s.Front.Title == "" {
		fail("title", `add title = "…"`, "the session has no title")
	}
	civil := func(key string, v any) time.Time {
		if v == nil {
			fail(key, "write a date such as 2022-03-28", "the session has no %s date", key)
			return time.Time{}
		}
		t, _, err := toTime(v, time.UTC)
		if err != nil {
			fail(key, "write a date such as 2022-03-28", "%s: %v", key, err)
			return time.Time{}
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	s.Start = civil("start", s.Front.Start)
	s.End = civil("end", s.Front.End)
	if !s.Start.IsZero() && !s.End.IsZero() && s.End.Before(s.Start) {
		fail("end", "end must be on or after start", "the session ends before it starts")
	}
	for i, d := range s.Front.Documents {
		if d.URL == "" {
			fail("documents", `give each document a url = "…"`, "document %d has no url", i+1)
		}
	}
	if !ok {
		return nil
	}
	return s
}

func decodeTopic(f *File, errs *generator.ErrorList) *Topic {
	t := &Topic{File: f}
	decoded, err := config.DecodeAll(f.Path, f.FrontLine-1, f.Front, &t.Front)
	for _, e := range generator.AsList(err) {
		errs.Add(e)
	}
	if !decoded {
		return nil
	}
	ok := err == nil
	if t.Front.Title == "" {
		errs.Add(generator.Errorf(f.Path, f.Line("title"), `add title = "…"`, "the topic has no title"))
		ok = false
	}
	for i, g := range t.Front.Synonyms {
		forms := 0
		for _, f := range g {
			if strings.TrimSpace(f) != "" {
				forms++
			}
		}
		if forms < 2 {
			errs.Add(generator.Errorf(f.Path, f.Line("synonyms"), `list two or more forms that mean the same, as in synonyms = [["PoA", "Programme of Action"]]`, "synonym group %d has fewer than two forms", i+1))
			ok = false
		}
	}
	if t.Front.Summary == "" {
		t.Front.Summary = t.Front.Description
	} else if t.Front.Description != "" {
		errs.Add(generator.Errorf(f.Path, f.Line("description"), "keep one of them", "both summary and description are given"))
		ok = false
	}
	if !ok {
		return nil
	}
	return t
}
