package dateline

import (
	"errors"
	"testing"
	"time"
)

// FuzzParse checks that any line either parses into a span that makes
// sense or is refused with a message and a hint; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range Forms {
		f.Add(s)
	}
	for _, s := range []string{
		"28 Mar 2022 15:00h - 29 Mar 2022 16:30h", "13-17 Dec 2021", "2021-12-16T18:15:00-05:00",
		"16 Dec 2021 10:00 UTC+14:00", "16 Dec 2021 12 am", "1/2/3", "+99:99", "UTC-", "- - -",
		"31 Dec 2199 23:59 - 00:00", "1 Jan 1945 00:00h", "13 Mar 2022 01:59h - 03:00h",
		"Thursday 16 Dec 2021 noon", "16 Dec 2021 10:00 New York time - 11:00 ET",
	} {
		f.Add(s)
	}
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		s, err := Parse(line, loc)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg == "" || e.Hint == "" {
				t.Fatalf("error %v (%T) has no message or hint", err, err)
			}
			return
		}
		if s.Start.IsZero() || s.Start.Year() < minYear || s.Start.Year() > maxYear+1 {
			t.Errorf("Start %v out of range", s.Start)
		}
		if !s.End.IsZero() && s.End.Before(s.Start) {
			t.Errorf("End %v before Start %v", s.End, s.Start)
		}
		if _, off := s.Start.Zone(); off%60 != 0 {
			t.Errorf("offset %d is not whole minutes", off)
		}
		if s.AllDay && (s.Start.Hour() != 0 || s.Start.Minute() != 0) {
			t.Errorf("all-day span starts at %v", s.Start)
		}
		_ = Looks(line)
	})
}
