package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// when is what a date line says.
type when struct {
	start, end time.Time
	allDay     bool
}

// dateError is a date line's problem, without position: Parse adds the line.
type dateError struct{ msg, hint string }

// dateLine accepts the shapes reports are published in: "16 Dec 2021
// 18:15h - 19:45h", full month names, times with or without "h", a hyphen,
// en dash or em dash between the times, no end time, or no time at all.
// Anything else is refused rather than guessed, since a wrong date files a
// report under the wrong session.
var dateLine = regexp.MustCompile(`^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})` +
	`(?: (\d{1,2}):(\d{2}) ?[hH]?(?: ?[-–—] ?(\d{1,2}):(\d{2}) ?[hH]?)?)?$`)

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		months[full] = m
		months[full[:3]] = m
	}
	months["sept"] = time.September
}

// Years outside this range are typing mistakes in an archive of UN
// meetings; refusing them also keeps times away from the local mean time
// of old zone data, whose offsets have seconds that RFC 3339 cannot write.
const minYear, maxYear = 1945, 2199

func parseWhen(s string, loc *time.Location) (when, *dateError) {
	text := strings.Join(strings.Fields(s), " ")
	bad := func(hint, format string, args ...any) (when, *dateError) {
		return when{}, &dateError{msg: fmt.Sprintf(format, args...), hint: hint}
	}
	m := dateLine.FindStringSubmatch(text)
	if m == nil {
		return bad("write the date on the line after the title, like "+dateExample+` or "16 December 2021"`,
			"%q is not a date and time", text)
	}
	day, _ := strconv.Atoi(m[1])
	month, ok := months[strings.ToLower(m[2])]
	if !ok {
		return bad(`write the month in English, like "Dec" or "December"`, "%q is not a month", m[2])
	}
	year, _ := strconv.Atoi(m[3])
	if year < minYear || year > maxYear {
		return bad("check the year", "the year %d is outside %d–%d", year, minYear, maxYear)
	}
	if day < 1 || day > daysIn(year, month) {
		return bad("check the day", "%s %d has no day %d", month, year, day)
	}
	if m[4] == "" {
		return when{start: time.Date(year, month, day, 0, 0, 0, 0, loc), allDay: true}, nil
	}

	sh, sm, err := clock(m[4], m[5])
	if err != nil {
		return when{}, err
	}
	start := time.Date(year, month, day, sh, sm, 0, 0, loc)
	if err := exists(start, sh, sm, loc); err != nil {
		return when{}, err
	}
	w := when{start: start}
	if m[6] == "" {
		return w, nil
	}
	eh, em, err := clock(m[6], m[7])
	if err != nil {
		return when{}, err
	}
	endDay := day
	// Compare clock readings, not instants: an end "before" the start means
	// the meeting ran past midnight, whatever a DST change did that night.
	if eh*60+em < sh*60+sm {
		endDay++
	}
	w.end = time.Date(year, month, endDay, eh, em, 0, 0, loc)
	if err := exists(w.end, eh, em, loc); err != nil {
		return when{}, err
	}
	return w, nil
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func clock(hh, mm string) (h, m int, err *dateError) {
	h, _ = strconv.Atoi(hh)
	m, _ = strconv.Atoi(mm)
	if h > 23 || m > 59 {
		return 0, 0, &dateError{
			msg:  fmt.Sprintf("%s:%s is not a time of day", hh, mm),
			hint: `write times from 00:00 to 23:59; a meeting that ends at midnight ends at "00:00"`,
		}
	}
	return h, m, nil
}

// exists refuses clock times that a DST change skipped, which time.Date
// would silently move by an hour, and zone offsets that are not whole
// minutes, which the front matter's RFC 3339 times cannot carry.
func exists(t time.Time, h, m int, loc *time.Location) *dateError {
	if t.Hour() != h || t.Minute() != m {
		return &dateError{
			msg:  fmt.Sprintf("%02d:%02d on %s does not exist in the time zone %s (the clocks were changed)", h, m, t.Format("2 Jan 2006"), loc),
			hint: "check the time, or import with the meeting's actual time zone",
		}
	}
	if _, off := t.Zone(); off%60 != 0 {
		return &dateError{
			msg:  fmt.Sprintf("the time zone %s has an offset of %ds on %s, which is not whole minutes", loc, off, t.Format("2 Jan 2006")),
			hint: "import with the meeting's actual time zone",
		}
	}
	return nil
}
