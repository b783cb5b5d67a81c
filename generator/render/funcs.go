package render

import (
	"fmt"
	"html/template"
	"time"
)

// funcs are the few helpers templates get: formatting only, never access
// to anything beyond the value they are given.
var funcs = template.FuncMap{
	"date":     func(t time.Time) string { return t.Format("2 January 2006") },
	"isodate":  func(t time.Time) string { return t.Format("2006-01-02") },
	"datetime": func(t time.Time) string { return t.Format(time.RFC3339) },
	"when":     when,
	"span":     span,
	"plural":   plural,
}

// when is a meeting's date and time as reports give it: "1 April 2022,
// 14:00–17:00 (UTC−04:00)".
func when(start, end time.Time, allDay bool) string {
	s := start.Format("2 January 2006")
	if allDay {
		if !end.IsZero() && !sameDay(start, end) {
			return span(start, end)
		}
		return s
	}
	s += ", " + start.Format("15:04")
	if !end.IsZero() {
		if end.YearDay() != start.YearDay() || end.Year() != start.Year() {
			s += " – " + end.Format("2 January 2006, 15:04")
		} else {
			s += "–" + end.Format("15:04")
		}
	}
	_, off := start.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	return s + fmt.Sprintf(" (UTC%s%02d:%02d)", sign, off/3600, off%3600/60)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// span is a session's dates: "28 March – 1 April 2022", "16 December 2021".
func span(start, end time.Time) string {
	switch {
	case end.IsZero() || start.Equal(end):
		return start.Format("2 January 2006")
	case start.Year() != end.Year():
		return start.Format("2 January 2006") + " – " + end.Format("2 January 2006")
	case start.Month() != end.Month():
		return start.Format("2 January") + " – " + end.Format("2 January 2006")
	default:
		return start.Format("2") + "–" + end.Format("2 January 2006")
	}
}

// plural is "1 report", "2 reports".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
