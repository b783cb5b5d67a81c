package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestChooseSession(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		t.Helper()
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	span := func(key, start, end string) Span { return Span{Key: key, Start: day(start), End: day(end)} }
	spans := []Span{
		span("s7", "2023-12-11", "2023-12-15"),
		span("s1", "2021-12-13", "2021-12-17"),
		span("informal-1", "2021-12-16", "2021-12-16"),
		span("s2", "2022-03-28", "2022-04-01"),
		span("s3", "2022-07-25", "2022-07-29"),
		span("s4", "2022-12-05", "2022-12-09"),
		span("s5", "2023-03-06", "2023-03-10"),
		span("s6", "2023-07-24", "2023-07-28"),
	}
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name  string
		date  time.Time
		spans []Span
		want  string   // the key, or "" for an error
		has   []string // in the error
		hasnt []string // not in the error
	}{
		{name: "one fit", date: at("2022-03-30 14:00"), spans: spans, want: "s2"},
		{name: "first day", date: at("2022-03-28 00:00"), spans: spans, want: "s2"},
		{name: "last day", date: at("2022-04-01 17:00"), spans: spans, want: "s2"},
		// 23:30 in New York on the last day is already the next day in UTC.
		{name: "late on the last day", date: at("2022-04-01 23:30"), spans: spans, want: "s2"},
		// 21:00 in New York the day before is already the first day in UTC.
		{name: "evening before the first day", date: at("2022-03-27 21:00"), spans: spans,
			has: []string{"no session contains 2022-03-27", "s2 (2022-03-28 – 2022-04-01)", "--start 2022-03-27 --end 2022-03-27"}},
		{name: "just after the last day", date: at("2022-04-02 00:30"), spans: spans,
			has: []string{"no session contains 2022-04-02", "s2 (2022-03-28 – 2022-04-01)"}},
		{name: "spans given in another zone", date: at("2022-04-01 23:30"),
			spans: []Span{{Key: "tokyo", Start: time.Date(2022, 3, 28, 0, 0, 0, 0, time.FixedZone("JST", 9*3600)), End: time.Date(2022, 4, 1, 0, 0, 0, 0, time.FixedZone("JST", 9*3600))}},
			want:  "tokyo"},
		{name: "several", date: at("2021-12-16 18:15"), spans: spans,
			has:   []string{"2021-12-16 falls within 2 sessions: s1 (2021-12-13 – 2021-12-17), informal-1 (2021-12-16 – 2021-12-16)", "--session KEY"},
			hasnt: []string{"s2"}},
		{name: "none, nearest five", date: at("2022-05-15 10:00"), spans: spans,
			has:   []string{"no session contains 2022-05-15; the nearest are s1 (2021-12-13 – 2021-12-17), informal-1 (2021-12-16 – 2021-12-16), s2 (2022-03-28 – 2022-04-01), s3 (2022-07-25 – 2022-07-29), s4 (2022-12-05 – 2022-12-09): add a session for it with plenary new session meeting-2022-05-15 --title \"Meeting of 15 May 2022\" --start 2022-05-15 --end 2022-05-15"},
			hasnt: []string{"s5", "s6", "s7"}},
		{name: "none, before all", date: at("2020-01-01 10:00"), spans: spans[:3],
			has: []string{"s1 (2021-12-13 – 2021-12-17), informal-1 (2021-12-16 – 2021-12-16), s7 (2023-12-11 – 2023-12-15)", "plenary new session meeting-2020-01-01"}, hasnt: []string{"--session"}},
		{name: "no sessions", date: at("2022-05-15 10:00"), spans: nil, has: []string{"no sessions", "plenary new session meeting-2022-05-15"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ChooseSession(tc.date, tc.date, tc.spans)
			if tc.want != "" {
				if err != nil || got != tc.want {
					t.Fatalf("ChooseSession = %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ChooseSession = %q, want an error", got)
			}
			if got != "" {
				t.Errorf("key %q returned with an error", got)
			}
			for _, s := range tc.has {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			for _, s := range tc.hasnt {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error %q has %q", err, s)
				}
			}
		})
	}
}

func TestReportSessions(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	spans := []Span{
		{Key: "s2", Start: day("2022-03-28"), End: day("2022-04-01"), Process: "oewg-2021-2025"},
		{Key: "s11", Start: day("2025-07-07"), End: day("2025-07-11"), Process: "oewg-2021-2025"},
	}
	first, last := day("2025-07-10"), day("2025-07-11")
	if err := CheckSession("s11", first, last, spans); err != nil {
		t.Errorf("s11 holds 10 July 2025: %v", err)
	}
	err := CheckSession("s2", first, last, spans)
	if err == nil || !strings.Contains(err.Error(), "--session s2 runs from 2022-03-28 to 2022-04-01, which does not contain the report's date 2025-07-10 (sessions on that day: s11)") {
		t.Errorf("s2: %v", err)
	}
	if err := CheckSession("nope", first, last, spans); err == nil || !strings.Contains(err.Error(), "no such session") {
		t.Errorf("nope: %v", err)
	}
	first, last = day("2025-08-04"), day("2025-08-05")
	_, err = ChooseSession(first, last, spans)
	want := `plenary new session oewg-2021-2025-2025-08-04 --title "Meeting of 4 August to 5 August 2025" --start 2025-08-04 --end 2025-08-05 --process oewg-2021-2025`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("no fit: %v\nwant %s", err, want)
	}
	if err := CheckSession("s2", first, last, spans); err == nil || !strings.Contains(err.Error(), "no session holds that day: add one with plenary new session oewg-2021-2025-2025-08-04") {
		t.Errorf("s2 for August: %v", err)
	}
}
