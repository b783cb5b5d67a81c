package ingest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Span is a session's dates, so a report can be filed without loading the
// sessions' sources. Start and End are civil dates, inclusive;
// only their year, month and day count (the site keeps them at midnight
// UTC). Process is the key of the session's process, if it names one.
type Span struct {
	Key        string
	Start, End time.Time
	Process    string
}

// maxNearest bounds how many sessions an error suggests: enough to show
// the neighbourhood of the date, few enough to read.
const maxNearest = 5

// ChooseSession picks the session whose span contains date. The date is
// compared as a civil date in its own time zone: a meeting at 23:30 in New
// York on a session's last day belongs to that session, although it is the
// next day in UTC.
//
// It never guesses: when more than one span contains the date (an
// informal meeting nested inside a longer session), the error lists the
// candidates and asks for --session KEY; when none does, it names the
// nearest and the command that adds a session for the date, because a
// report filed under the wrong session is hard to notice afterwards.
//
// last is the report's last day (the same as date for most): a suggested
// new session spans all its days.
func ChooseSession(date, last time.Time, spans []Span) (string, error) {
	day := civil(date)
	var fits []Span
	for _, s := range spans {
		if civil(s.Start) <= day && day <= civil(s.End) {
			fits = append(fits, s)
		}
	}
	switch {
	case len(fits) == 1:
		return fits[0].Key, nil
	case len(fits) > 1:
		slices.SortFunc(fits, byStart)
		return "", fmt.Errorf("%s falls within %d sessions: %s (pass --session KEY to choose one)",
			date.Format(time.DateOnly), len(fits), listSpans(fits))
	case len(spans) == 0:
		return "", fmt.Errorf("there are no sessions to file the report under: add one with %s", NewSessionCommand(date, last, ""))
	}
	near := slices.Clone(spans)
	slices.SortStableFunc(near, func(a, b Span) int {
		return cmp.Or(cmp.Compare(distance(day, a), distance(day, b)), byStart(a, b))
	})
	process := near[0].Process
	near = near[:min(len(near), maxNearest)]
	slices.SortFunc(near, byStart)
	return "", fmt.Errorf("no session contains %s; the nearest are %s: add a session for it with %s",
		date.Format(time.DateOnly), listSpans(near), NewSessionCommand(date, last, process))
}

// CheckSession checks that the session key, chosen by the editor, contains
// the report's first day (date), so that a report is never written where
// the build would refuse it; last is its last day.
func CheckSession(key string, date, last time.Time, spans []Span) error {
	day := civil(date)
	var fits []string
	for _, s := range spans {
		if civil(s.Start) <= day && day <= civil(s.End) {
			fits = append(fits, s.Key)
		}
	}
	for _, s := range spans {
		if s.Key != key {
			continue
		}
		if civil(s.Start) <= day && day <= civil(s.End) {
			return nil
		}
		hint := "sessions on that day: " + strings.Join(fits, ", ")
		if len(fits) == 0 {
			hint = "no session holds that day: add one with " + NewSessionCommand(date, last, s.Process)
		}
		return fmt.Errorf("--session %s runs from %s to %s, which does not contain the report's date %s (%s)",
			key, s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly), date.Format(time.DateOnly), hint)
	}
	return fmt.Errorf("--session %q: no such session in content/sessions/", key)
}

// NewSessionCommand is the command that adds a session holding the days
// from first to last, named after its process when there is one.
func NewSessionCommand(first, last time.Time, process string) string {
	prefix := "meeting"
	if process != "" {
		prefix = process
	}
	from, to := first.Format(time.DateOnly), last.Format(time.DateOnly)
	if civil(last) < civil(first) {
		to = from
	}
	title := "Meeting of " + first.Format("2 January 2006")
	if to != from {
		title = "Meeting of " + first.Format("2 January") + " to " + last.Format("2 January 2006")
	}
	cmd := fmt.Sprintf("plenary new session %s-%s --title %q --start %s --end %s", prefix, from, title, from, to)
	if process != "" {
		cmd += " --process " + process
	}
	return cmd
}

func byStart(a, b Span) int {
	return cmp.Or(cmp.Compare(civil(a.Start), civil(b.Start)), cmp.Compare(civil(a.End), civil(b.End)), strings.Compare(a.Key, b.Key))
}

// civil numbers a date's day in its own time zone, so dates compare as
// calendar days whatever zone or clock time they carry.
func civil(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// distance is how many days day lies outside s.
func distance(day int64, s Span) int64 {
	if d := civil(s.Start) - day; d > 0 {
		return d
	}
	if d := day - civil(s.End); d > 0 {
		return d
	}
	return 0
}

func listSpans(spans []Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = fmt.Sprintf("%s (%s – %s)", s.Key, s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly))
	}
	return strings.Join(parts, ", ")
}
