package importer

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Report is one plain-text event report, read but not yet placed: the caller
// picks its session and file name, then writes it with Source.
type Report struct {
	Title string
	// Start is in the meeting's time zone (the one given to Parse), because
	// the archive shows the time the meeting was held where it was held;
	// midnight when the input gives no time.
	Start time.Time
	// End is zero when the input gives no end time. A meeting that runs
	// past midnight ends on the next day, so End is never before Start.
	End time.Time
	// AllDay records that the input gave a date without a time, so that
	// Start's midnight is not mistaken for a meeting that began at 00:00.
	AllDay bool
	// Kind is the slug of the kind line ("Event report" → "event-report"),
	// so that it can serve as a key in front matter and URLs.
	Kind string
	// Body is Markdown without a trailing newline: paragraphs, "## Heading"
	// for the line introducing a list, "- item" lists, all escaped so that
	// it shows the plain text as written.
	Body string
}

// ParseError points at the line of the input that could not be read, so
// that whoever runs the import can fix the text and run it again. It prints
// as "name:LINE: what is wrong (what to do)", the form editors and CI logs
// understand.
type ParseError struct {
	Name string // the name given to Parse, usually the input's path
	Line int    // 1-based
	Msg  string // what is wrong
	Hint string // what to do about it; may be empty
}

// Error prints the problem in the "name:LINE: msg (hint)" form, so that an
// editor or CI log can jump to the line.
func (e *ParseError) Error() string {
	s := fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// dateExample is quoted in hints, in the shape the published reports use,
// so that people copy a form that is known to import.
const dateExample = `"16 Dec 2021 18:15h - 19:45h"`

// maxKindLen bounds the kind line: a longer line is almost certainly the
// first paragraph of a report that has no kind line, and taking a sentence
// as the kind would silently drop it from the body.
const maxKindLen = 40

// Parse reads one plain-text event report. name is used in errors only.
// Times in the input are read in loc, the meeting's time zone, because
// reports give local times without an offset; nil means UTC.
//
// Errors are *ParseError.
func Parse(name string, data []byte, loc *time.Location) (*Report, error) {
	if loc == nil {
		loc = time.UTC
	}
	ls, err := splitLines(name, data)
	if err != nil {
		return nil, err
	}
	fail := func(line int, hint, format string, args ...any) (*Report, error) {
		return nil, &ParseError{Name: name, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint}
	}

	i := nextNonBlank(ls, 0)
	if i == len(ls) {
		return fail(1, "the first line must be the report's title", "the report is empty")
	}
	titleLine := ls[i]
	title := strings.TrimLeft(titleLine.text, " \t")
	if _, err := parseWhen(title, loc); err == nil {
		return fail(titleLine.n, "put the report's title on the first line, the date on the next",
			"the report starts with a date, not a title")
	}

	i = nextNonBlank(ls, i+1)
	if i == len(ls) {
		return fail(titleLine.n, "add the date on the line after the title, like "+dateExample,
			"the report ends after its title")
	}
	dateLine := ls[i]
	w, derr := parseWhen(dateLine.text, loc)
	if derr != nil {
		return fail(dateLine.n, derr.hint, "%s", derr.msg)
	}

	i = nextNonBlank(ls, i+1)
	if i == len(ls) {
		return fail(dateLine.n, `add the kind of report, like "Event report", on the line after the date`,
			"the report ends after its date")
	}
	kindLine := ls[i]
	kindText := strings.TrimLeft(kindLine.text, " \t")
	if utf8.RuneCountInString(kindText) > maxKindLen {
		return fail(kindLine.n, `the line after the date must name the kind of report, like "Event report"`,
			"expected the kind of report, found a line of %d characters", utf8.RuneCountInString(kindText))
	}
	kind := slug(kindText)
	if kind == "" {
		return fail(kindLine.n, `the line after the date must name the kind of report, like "Event report"`,
			"the kind line %q has no letters or digits", kindText)
	}

	body, err := renderBody(name, ls[i+1:])
	if err != nil {
		return nil, err
	}
	if body == "" {
		return fail(kindLine.n, "add the report's text after the kind line", "the report has no text")
	}
	return &Report{
		Title:  title,
		Start:  w.start,
		End:    w.end,
		AllDay: w.allDay,
		Kind:   kind,
		Body:   body,
	}, nil
}

// line is one input line after normalisation, with its number in the input
// as an editor shows it, so errors point at the right place whatever was
// normalised away.
type line struct {
	n    int
	text string // no line end, no trailing spaces, non-breaking spaces as spaces
}

func (l line) blank() bool { return strings.TrimLeft(l.text, " \t") == "" }

func nextNonBlank(ls []line, i int) int {
	for i < len(ls) && ls[i].blank() {
		i++
	}
	return i
}

// nbspReplacer folds the no-break spaces that copying from web pages and
// word processors leaves in text: they are invisible, so the same report
// with and without them must import the same.
var nbspReplacer = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// splitLines normalises everything an editor or a copy-and-paste may change
// without changing what the text says (byte-order mark, CRLF or CR line
// ends, no-break spaces, trailing spaces) and refuses bytes that cannot be
// plain text, which would otherwise end up unescaped in the output.
func splitLines(name string, data []byte) ([]line, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	raw := strings.Split(string(data), "\n")
	var out []line
	n := 1
	for _, r := range raw {
		// A CR before LF is a CRLF line end; any other CR is an old-style
		// line end of its own, so it counts as a line for error positions.
		r = strings.TrimSuffix(r, "\r")
		for part := range strings.SplitSeq(r, "\r") {
			if !utf8.ValidString(part) {
				return nil, &ParseError{Name: name, Line: n, Msg: "the text is not valid UTF-8", Hint: "save the report as UTF-8"}
			}
			for _, c := range part {
				if (c < 0x20 && c != '\t') || c == 0x7f {
					return nil, &ParseError{Name: name, Line: n,
						Msg:  fmt.Sprintf("control character %U in the text", c),
						Hint: "remove it: a report holds only printable characters, tabs and line ends"}
				}
			}
			out = append(out, line{n: n, text: strings.TrimRight(nbspReplacer.Replace(part), " \t")})
			n++
		}
	}
	return out, nil
}

// slug turns the kind line into a key: lower case, letters and digits, runs
// of anything else as one hyphen, so "Event report" and "Event  Report"
// are the same kind.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		hyphen = true
	}
	return b.String()
}
