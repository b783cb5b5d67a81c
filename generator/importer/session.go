package importer

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Span is a session's dates, so the importer can file a report without
// loading the sessions' sources. Start and End are civil dates, inclusive;
// only their year, month and day count (the site keeps them at midnight
// UTC).
type Span struct {
	Key        string
	Start, End time.Time
}

// maxNearest bounds how many sessions an error suggests: enough to show
// the neighbourhood of the date, few enough to read.
const maxNearest = 5

// ChooseSession picks the session whose span contains date. The date is
// compared as a civil date in its own time zone: a meeting at 23:30 in New
// York on a session's last day belongs to that session, although it is the
// next day in UTC.
//
// It never guesses: when no span or more than one contains the date (an
// informal meeting nested inside a longer session), the error lists the
// candidates and asks for --session KEY, because a report filed under the
// wrong session is hard to notice afterwards.
func ChooseSession(date time.Time, spans []Span) (string, error) {
	day := civil(date)
	var fits []Span
	for _, s := range spans {
		if civil(s.Start) <= day && day <= civil(s.End) {
			fits = append(fits, s)
		}
	}
	byStart := func(a, b Span) int {
		return cmp.Or(cmp.Compare(civil(a.Start), civil(b.Start)), cmp.Compare(civil(a.End), civil(b.End)), strings.Compare(a.Key, b.Key))
	}
	switch {
	case len(fits) == 1:
		return fits[0].Key, nil
	case len(fits) > 1:
		slices.SortFunc(fits, byStart)
		return "", fmt.Errorf("%s falls within %d sessions: %s (pass --session KEY to choose one)",
			date.Format(time.DateOnly), len(fits), listSpans(fits))
	case len(spans) == 0:
		return "", errors.New("there are no sessions to file the report under (add the session, or pass --session KEY)")
	}
	near := slices.Clone(spans)
	slices.SortStableFunc(near, func(a, b Span) int {
		return cmp.Or(cmp.Compare(distance(day, a), distance(day, b)), byStart(a, b))
	})
	near = near[:min(len(near), maxNearest)]
	slices.SortFunc(near, byStart)
	return "", fmt.Errorf("no session contains %s; the nearest are %s (pass --session KEY to choose one, or add the session)",
		date.Format(time.DateOnly), listSpans(near))
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
