package dateline

import (
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zone files
)

func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParse(t *testing.T) {
	loc := newYork(t)
	tests := []struct {
		line       string
		start, end string // RFC 3339; end "" for none
		allDay     bool
		zone       string
	}{
		// The published shape and its spellings.
		{line: "16 Dec 2021 18:15h - 19:45h", start: "2021-12-16T18:15:00-05:00", end: "2021-12-16T19:45:00-05:00"},
		{line: "16 December 2021 18:15 - 19:45", start: "2021-12-16T18:15:00-05:00", end: "2021-12-16T19:45:00-05:00"},
		{line: "1 Apr 2022 14:00h – 17:00h", start: "2022-04-01T14:00:00-04:00", end: "2022-04-01T17:00:00-04:00"},
		{line: "1 Apr 2022 14:00h—17:00h", start: "2022-04-01T14:00:00-04:00", end: "2022-04-01T17:00:00-04:00"},
		{line: "1 Apr 2022 14:00h-17:00h", start: "2022-04-01T14:00:00-04:00", end: "2022-04-01T17:00:00-04:00"},
		{line: "1 Apr 2022 9:05 h - 9:35 h", start: "2022-04-01T09:05:00-04:00", end: "2022-04-01T09:35:00-04:00"},
		{line: "  01   april  2022   14:00H ", start: "2022-04-01T14:00:00-04:00"},
		{line: "5 Sept 2022 10:00", start: "2022-09-05T10:00:00-04:00"},
		{line: "5 Sep. 2022 10.00", start: "2022-09-05T10:00:00-04:00"},
		{line: "16 Dec 2021", start: "2021-12-16T00:00:00-05:00", allDay: true},
		{line: "29 Feb 2024", start: "2024-02-29T00:00:00-05:00", allDay: true},
		{line: "31 Dec 2021 23:00h - 01:30h", start: "2021-12-31T23:00:00-05:00", end: "2022-01-01T01:30:00-05:00"},
		{line: "5 Nov 2022 23:00 - 02:00", start: "2022-11-05T23:00:00-04:00", end: "2022-11-06T02:00:00-05:00"},
		// Issue forms: two days, a comma, day ranges.
		{line: "28 Mar 2022 15:00h - 29 Mar 2022 16:30h", start: "2022-03-28T15:00:00-04:00", end: "2022-03-29T16:30:00-04:00"},
		{line: "1 Jun 2021, 09:00h - 18:00h", start: "2021-06-01T09:00:00-04:00", end: "2021-06-01T18:00:00-04:00"},
		{line: "13 Dec 2021 - 17 Dec 2021", start: "2021-12-13T00:00:00-05:00", end: "2021-12-17T00:00:00-05:00", allDay: true},
		{line: "13-17 Dec 2021", start: "2021-12-13T00:00:00-05:00", end: "2021-12-17T00:00:00-05:00", allDay: true},
		{line: "13 – 17 December 2021", start: "2021-12-13T00:00:00-05:00", end: "2021-12-17T00:00:00-05:00", allDay: true},
		{line: "28 Mar - 1 Apr 2022", start: "2022-03-28T00:00:00-04:00", end: "2022-04-01T00:00:00-04:00", allDay: true},
		{line: "30 Dec - 2 Jan 2022", start: "2021-12-30T00:00:00-05:00", end: "2022-01-02T00:00:00-05:00", allDay: true},
		{line: "16 Dec 2021 - 16 Dec 2021", start: "2021-12-16T00:00:00-05:00", allDay: true},
		// Month first, weekdays, ordinals, twelve-hour clocks.
		{line: "December 16, 2021", start: "2021-12-16T00:00:00-05:00", allDay: true},
		{line: "Thursday, December 16, 2021, 6:15 pm - 7:45 pm", start: "2021-12-16T18:15:00-05:00", end: "2021-12-16T19:45:00-05:00"},
		{line: "Thu 16th of December 2021 at 10 am", start: "2021-12-16T10:00:00-05:00"},
		{line: "16 Dec 2021 12 pm - 12:30 p.m.", start: "2021-12-16T12:00:00-05:00", end: "2021-12-16T12:30:00-05:00"},
		{line: "16 Dec 2021 from 10:00 to 13:00", start: "2021-12-16T10:00:00-05:00", end: "2021-12-16T13:00:00-05:00"},
		{line: "Date: 16 Dec 2021", start: "2021-12-16T00:00:00-05:00", allDay: true},
		{line: "16 Dec 2021 15h30 - 17h", start: "2021-12-16T15:30:00-05:00", end: "2021-12-16T17:00:00-05:00"},
		// ISO dates.
		{line: "2021-12-16", start: "2021-12-16T00:00:00-05:00", allDay: true},
		{line: "2021-12-16 18:15 - 19:45", start: "2021-12-16T18:15:00-05:00", end: "2021-12-16T19:45:00-05:00"},
		{line: "2021-12-13 - 2021-12-17", start: "2021-12-13T00:00:00-05:00", end: "2021-12-17T00:00:00-05:00", allDay: true},
		{line: "2021-12-16T18:15:00-05:00", start: "2021-12-16T18:15:00-05:00", zone: "-05:00"},
		{line: "2021-12-16T23:15Z", start: "2021-12-16T23:15:00Z", zone: "Z"},
		// Zones in the line are kept.
		{line: "16 Dec 2021 18:15h - 19:45h UTC", start: "2021-12-16T18:15:00Z", end: "2021-12-16T19:45:00Z", zone: "UTC"},
		{line: "16 Dec 2021 18:15 - 19:45 (GMT)", start: "2021-12-16T18:15:00Z", end: "2021-12-16T19:45:00Z", zone: "GMT"},
		{line: "28 Mar 2022 15:00 CET - 16:00 CET", start: "2022-03-28T15:00:00+01:00", end: "2022-03-28T16:00:00+01:00", zone: "CET"},
		{line: "28 Mar 2022 15:00 - 16:00 CEST", start: "2022-03-28T15:00:00+02:00", end: "2022-03-28T16:00:00+02:00", zone: "CEST"},
		{line: "28 Mar 2022 15:00 +02:00", start: "2022-03-28T15:00:00+02:00", zone: "+02:00"},
		{line: "28 Mar 2022 15:00 UTC+2", start: "2022-03-28T15:00:00+02:00", zone: "UTC+2"},
		{line: "28 Mar 2022 15:00 GMT-05:00", start: "2022-03-28T15:00:00-05:00", zone: "GMT-05:00"},
		{line: "28 Mar 2022 15:00 EST", start: "2022-03-28T15:00:00-05:00", zone: "EST"},
		{line: "28 Mar 2022 10:00 - 11:00 Geneva time", start: "2022-03-28T10:00:00+02:00", end: "2022-03-28T11:00:00+02:00", zone: "Europe/Zurich"},
		{line: "28 Mar 2022 10:00 - 11:00 New York time", start: "2022-03-28T10:00:00-04:00", end: "2022-03-28T11:00:00-04:00", zone: "America/New_York"},
		{line: "28 Mar 2022 10:00 ET", start: "2022-03-28T10:00:00-04:00", zone: "America/New_York"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			s, err := Parse(tc.line, loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Start.Format(time.RFC3339); got != tc.start {
				t.Errorf("Start = %s, want %s", got, tc.start)
			}
			got := ""
			if !s.End.IsZero() {
				got = s.End.Format(time.RFC3339)
			}
			if got != tc.end {
				t.Errorf("End = %q, want %q", got, tc.end)
			}
			if s.AllDay != tc.allDay || s.Zone != tc.zone {
				t.Errorf("AllDay, Zone = %v, %q; want %v, %q", s.AllDay, s.Zone, tc.allDay, tc.zone)
			}
			if !Looks(tc.line) {
				t.Errorf("Looks(%q) = false", tc.line)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	loc := newYork(t)
	tests := []struct{ line, msg string }{
		{"yesterday", `"yesterday" is not a date and time`},
		{"16 Dec 21", "cannot read"},
		{"16 Dec 2021 18:15h -", "the date is missing"},
		{"16 Foo 2021", `"Foo" is not a month`},
		{"16 De 2021", `"De" is not a month`},
		{"32 Dec 2021", "has no day 32"},
		{"0 Dec 2021", "has no day 0"},
		{"29 Feb 2021", "has no day 29"},
		{"16 Dec 1850", "year 1850 is outside 1945–2199"},
		{"16 Dec 2021 25:00h", "25:00 is not a time of day"},
		{"16 Dec 2021 18:15h - 19:60h", "19:60 is not a time of day"},
		{"16 Dec 2021 24:00", "24:00 is not a time of day"},
		{"16 Dec 2021 13 pm", "13 pm is not a time of day"},
		{"13 Mar 2022 02:30h", "does not exist in the time zone America/New_York"},
		{"13/12/2021", "ambiguous"},
		{"16 Dec 2021 10:00 CST", `the zone "CST" is ambiguous`},
		{"16 Dec 2021 10:00 UTC - 11:00 CET", "names two time zones"},
		{"Friday, 16 December 2021", "was a Thursday, not a Friday"},
		{"17 Dec 2021 - 13 Dec 2021", "ends before it starts"},
		{"28 Mar 2022 15:00 - 29 Mar 2022", "ends on a date without a time"},
		{"13 Dec 2021 - 17:00", "gives an end time but no start time"},
		{"28 Mar - 1 Apr", "has no year"},
		{"13-17", "a month's name must follow"},
		{"Dec 2021", "a day must follow the month"},
		{"16 Dec 2021 10:00 Conference Room 4", `cannot read "Conference"`},
		{strings.Repeat("16 Dec 2021 ", 20), "too long"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			_, err := Parse(tc.line, loc)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if !strings.Contains(e.Msg, tc.msg) || e.Hint == "" {
				t.Errorf("got %q (hint %q), want a message with %q and a hint", e.Msg, e.Hint, tc.msg)
			}
		})
	}
}

func TestLooks(t *testing.T) {
	for line, want := range map[string]bool{
		"16 Dec 2021 18:15h - 19:45h": true,
		"16 Foo 2021":                 false, // no month: prose for the caller, which says so
		"2021-12-16":                  true,
		"Published 3 April 2022":      true,
		"Event report":                false,
		"New York, USA":               false,
		"On 16 December the Chair opened the debate.": false,
		"Brazil":            false,
		"May":               false,
		"May 2022 was busy": false,
		"":                  false,
	} {
		if got := Looks(line); got != want {
			t.Errorf("Looks(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestFormsParse(t *testing.T) {
	loc := newYork(t)
	for _, f := range Forms[:len(Forms)-1] {
		if _, err := Parse(f, loc); err != nil {
			t.Errorf("the documented form %q does not parse: %v", f, err)
		}
	}
}
