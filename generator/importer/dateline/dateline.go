// Package dateline reads the date-and-time line of a meeting report in the
// forms editors paste: "16 Dec 2021 18:15h - 19:45h", a range over two days,
// a comma after the date, a range of days with or without times, a day
// range within a month ("13-17 Dec 2021"), full month names, month-first
// dates ("December 16, 2021"), ISO dates, twelve-hour clocks, and an
// explicit zone ("UTC", "CET", "+02:00", "UTC+1", "New York time").
//
// It reads a line into a Span or refuses it with an Error that says why and
// lists the accepted forms; it never guesses, because a wrong date files a
// report under the wrong session. Looks tells a line that tries to be a
// date from prose, so that a caller can refuse a date it cannot read
// instead of taking it for text.
package dateline

import (
	"fmt"
	"strings"
	"time"
)

// Span is what a date line says. Start and End are in the zone the line
// names, else in the zone given to Parse.
type Span struct {
	Start time.Time
	// End is zero when the line gives no end. A meeting that runs past
	// midnight ends on the next day, so End is never before Start.
	End time.Time
	// AllDay records that the line gives dates without times: Start (and
	// End, for a range of days) are at midnight.
	AllDay bool
	// Zone is the zone the line names ("UTC", "CET", "+02:00"), empty
	// when the times were read in the zone given to Parse.
	Zone string
}

// Error is a date line that cannot be read: what is wrong and what to do.
type Error struct {
	Msg  string
	Hint string
}

// Error prints what is wrong, then what to do in brackets.
func (e *Error) Error() string { return e.Msg + " (" + e.Hint + ")" }

// Forms are the accepted shapes, quoted in errors so that an editor can
// copy one that is known to import.
var Forms = []string{
	"16 Dec 2021",
	"16 December 2021 18:15 - 19:45",
	"16 Dec 2021 18:15h - 19:45h",
	"1 Jun 2021, 09:00h - 18:00h",
	"28 Mar 2022 15:00h - 29 Mar 2022 16:30h",
	"13 Dec 2021 - 17 Dec 2021",
	"13-17 Dec 2021",
	"28 Mar - 1 Apr 2022",
	"Thursday, December 16, 2021, 6:15 pm - 7:45 pm",
	"2021-12-16 18:15 - 19:45",
	"any of these followed by a zone: UTC, GMT, CET, EST, +02:00, UTC+1, New York time",
}

// FormsHint is Forms as one hint.
func FormsHint() string {
	return "accepted forms: " + strings.Join(quoteAll(Forms[:len(Forms)-1]), ", ") + "; " + Forms[len(Forms)-1]
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// Years outside this range are typing mistakes in an archive of UN
// meetings; refusing them also keeps times away from the local mean time
// of old zone data, whose offsets have seconds that RFC 3339 cannot write.
const minYear, maxYear = 1945, 2199

// maxLine bounds what is read as a date line: a longer line is prose.
const maxLine = 120

// Parse reads a date line. Times without a zone in the line are read in
// loc (nil means UTC). Errors are *Error.
func Parse(line string, loc *time.Location) (Span, error) {
	if loc == nil {
		loc = time.UTC
	}
	text := strings.Join(strings.Fields(line), " ")
	if len(text) > maxLine {
		return Span{}, &Error{Msg: fmt.Sprintf("a date line of %d characters is too long to be a date", len(text)), Hint: FormsHint()}
	}
	toks, err := tokenize(text)
	if err != nil {
		return Span{}, err
	}
	p := &parser{toks: toks, text: text}
	parts, err := p.parse()
	if err != nil {
		return Span{}, err
	}
	return parts.resolve(text, loc)
}

// Looks tells whether a line tries to be a date: it is short, does not end
// like a sentence, and names a month next to a day or holds an ISO
// date. Prose that mentions a date ("On 16 December the Chair said …")
// ends in a full stop or is long, and does not look like one.
func Looks(line string) bool {
	text := strings.Join(strings.Fields(line), " ")
	if text == "" || len(text) > maxLine || strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "m.") {
		return false
	}
	toks, err := tokenize(text)
	if err != nil {
		return false
	}
	for i, t := range toks {
		switch t.kind {
		case tISO:
			return true
		case tWord:
			if _, ok := months[t.word]; ok {
				prev := i - 1
				if prev > 0 && toks[prev].kind == tWord && toks[prev].word == "of" {
					prev--
				}
				if prev >= 0 && isDay(toks[prev]) || i+1 < len(toks) && isDay(toks[i+1]) {
					return true
				}
			}
		}
	}
	return false
}

func isDay(t token) bool { return t.kind == tNum && t.digits <= 2 }
