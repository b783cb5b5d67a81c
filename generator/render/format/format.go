// Package format writes dates, spans and counts as the site's pages show
// them to readers, for the theme's templates and the text made in Go.
package format

import (
	"fmt"
	"time"
)

// When is a meeting's date and time as reports give it: "1 April 2022,
// 14:00–17:00 (UTC−04:00)".
func When(start, end time.Time, allDay bool) string {
	s := start.Format("2 January 2006")
	if allDay {
		if !end.IsZero() && !sameDay(start, end) {
			return Span(start, end)
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

// Span is a session's dates: "28 March – 1 April 2022", "16 December 2021".
func Span(start, end time.Time) string {
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

// Plural is "1 report", "2 reports".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
