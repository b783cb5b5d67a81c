package dateline

import (
	"fmt"
	"time"
)

// resolve checks the parts and combines them into a Span.
func (ps *parts) resolve(text string, loc *time.Location) (Span, error) {
	bad := func(hint, format string, args ...any) (Span, error) {
		return Span{}, &Error{Msg: fmt.Sprintf(format, args...), Hint: hint}
	}
	a, b := ps.a, ps.b
	if a.m == 0 { // "13-17 Dec 2021"
		if !ps.hasB || ps.t1.ok {
			return bad(FormsHint(), "%q is not a date and time: the day %d has no month", text, a.d)
		}
		a.m, a.y = b.m, b.y
	}
	if a.y == 0 {
		if !ps.hasB {
			return bad(FormsHint(), "%q has no year", text)
		}
		a.y = b.y
		if a.m > b.m { // "30 Dec - 2 Jan 2022"
			a.y--
		}
	}
	for _, d := range []day{a, b} {
		if d.y == 0 && d.m == 0 && d.d == 0 {
			continue
		}
		if d.y < minYear || d.y > maxYear {
			return bad("check the year", "the year %d is outside %d–%d", d.y, minYear, maxYear)
		}
		if d.m < 1 || d.m > 12 {
			return bad("check the month", "%q has no month %d", text, d.m)
		}
		if d.d < 1 || d.d > daysIn(d.y, time.Month(d.m)) {
			return bad("check the day", "%s %d has no day %d", time.Month(d.m), d.y, d.d)
		}
	}

	var z *zone
	for _, other := range ps.zones {
		if z != nil && z.name != other.name {
			return bad("give one zone for the whole line", "%q names two time zones, %s and %s", text, z.name, other.name)
		}
		z = other
	}
	span := Span{}
	if z != nil {
		loc = z.loc
		span.Zone = z.name
	}
	if ps.weekday != nil {
		if got := civil(a.y, a.m, a.d).Weekday(); got != *ps.weekday {
			return bad("correct the weekday or the date", "%d %s %d was a %s, not a %s", a.d, time.Month(a.m), a.y, got, *ps.weekday)
		}
	}

	switch {
	case !ps.t1.ok && ps.t2.ok:
		return bad("give the start time too", "%q gives an end time but no start time", text)
	case ps.t1.ok && ps.hasB && !ps.t2.ok:
		return bad("give the end time too, or no times at all", "%q ends on a date without a time", text)
	case !ps.t1.ok:
		span.AllDay = true
		span.Start = time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, loc)
		if ps.hasB {
			end := time.Date(b.y, time.Month(b.m), b.d, 0, 0, 0, 0, loc)
			if civil(b.y, b.m, b.d).Before(civil(a.y, a.m, a.d)) {
				return bad("put the first day first", "%q ends before it starts", text)
			}
			if !civil(b.y, b.m, b.d).Equal(civil(a.y, a.m, a.d)) {
				span.End = end
			}
		}
		if err := wholeMinutes(span.Start, loc); err != nil {
			return Span{}, err
		}
		return span, nil
	}

	start := time.Date(a.y, time.Month(a.m), a.d, ps.t1.h, ps.t1.m, 0, 0, loc)
	if err := exists(start, ps.t1.h, ps.t1.m, loc); err != nil {
		return Span{}, err
	}
	span.Start = start
	if !ps.t2.ok {
		return span, nil
	}
	ey, em, ed := a.y, a.m, a.d
	if ps.hasB {
		ey, em, ed = b.y, b.m, b.d
	} else if ps.t2.h*60+ps.t2.m < ps.t1.h*60+ps.t1.m {
		// Compare clock readings, not instants: an end "before" the
		// start means the meeting ran past midnight, whatever a DST
		// change did that night.
		ed++
	}
	end := time.Date(ey, time.Month(em), ed, ps.t2.h, ps.t2.m, 0, 0, loc)
	if err := exists(end, ps.t2.h, ps.t2.m, loc); err != nil {
		return Span{}, err
	}
	if end.Before(start) {
		return bad("put the start first", "%q ends before it starts", text)
	}
	span.End = end
	return span, nil
}

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// exists refuses clock times that a DST change skipped, which time.Date
// would silently move by an hour, and zone offsets that are not whole
// minutes, which the front matter's RFC 3339 times cannot carry.
func exists(t time.Time, h, m int, loc *time.Location) error {
	if t.Hour() != h || t.Minute() != m {
		return &Error{
			Msg:  fmt.Sprintf("%02d:%02d on %s does not exist in the time zone %s (the clocks were changed)", h, m, t.Format("2 Jan 2006"), loc),
			Hint: "check the time, or import with the meeting's actual time zone",
		}
	}
	return wholeMinutes(t, loc)
}

func wholeMinutes(t time.Time, loc *time.Location) error {
	if _, off := t.Zone(); off%60 != 0 {
		return &Error{
			Msg:  fmt.Sprintf("the time zone %s has an offset of %ds on %s, which is not whole minutes", loc, off, t.Format("2 Jan 2006")),
			Hint: "import with the meeting's actual time zone",
		}
	}
	return nil
}
