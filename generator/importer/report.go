package importer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/importer/dateline"
)

// Report is one meeting report, read but not yet placed: the caller picks
// its session and file name, then writes it with Source.
type Report struct {
	Title string
	// Start is in the zone the date line names, else in the meeting's
	// zone given to the Importer, because the archive shows the time the
	// meeting was held where it was held; midnight when the input gives no
	// time.
	Start time.Time
	// End is zero when the input gives no end. A meeting that runs past
	// midnight ends on the next day, so End is never before Start. For a
	// range of days without times (AllDay) it is the last day.
	End time.Time
	// AllDay records that the input gave dates without times, so that
	// Start's midnight is not mistaken for a meeting that began at 00:00.
	AllDay bool
	// Kind is the slug of the kind line ("Event report" → "event-report"),
	// so that it can serve as a key in front matter and URLs; DefaultKind
	// when the input has no kind line.
	Kind string
	// Location is the location line ("New York, USA"), if any.
	Location string
	// SourceURL is the address the report was fetched from, if any.
	SourceURL string
	// Body is Markdown without a trailing newline: paragraphs, "## Heading"
	// for the line introducing a list, "- item" lists, all escaped so that
	// it shows the text as written.
	Body string
	// Speakers maps paragraph IDs ("p-3") to the speakers a transcript's
	// label lines give them.
	Speakers map[string][]string
	// Paragraphs is how many paragraphs and list items Body has, numbered
	// as the site numbers them.
	Paragraphs int
	// Notes are what the import decided that its user should know: lines
	// dropped as page furniture, a missing kind line, suspiciously few
	// paragraphs.
	Notes []Note
}

// Note is something an import did or suspects, with the input line it is
// about (0 for the whole input).
type Note struct {
	Line    int
	Msg     string
	Warning bool
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

// Options are how an Importer reads reports.
type Options struct {
	// Location is the zone of times the input does not name; nil is UTC.
	Location *time.Location
	// Gazetteer tells speakers' labels and places; nil is the built-in one.
	Gazetteer *gazetteer.Gazetteer
	// Kinds are known kinds besides DefaultKinds.
	Kinds []string
	// Drop lists furniture besides DefaultDrop (see DefaultDrop for the
	// form of an entry).
	Drop []string
	// NoDefaultDrop leaves DefaultDrop out.
	NoDefaultDrop bool
}

// Importer reads reports with one set of options; it is safe for
// concurrent use.
type Importer struct {
	loc      *time.Location
	gz       *gazetteer.Gazetteer
	kinds    map[string]bool
	kindList []string
	drop     []dropRule
}

// New makes an Importer; the error names a drop entry that does not
// compile.
func New(opts Options) (*Importer, error) {
	im := &Importer{loc: opts.Location, gz: opts.Gazetteer, kinds: map[string]bool{}}
	if im.loc == nil {
		im.loc = time.UTC
	}
	if im.gz == nil {
		im.gz = gazetteer.Default()
	}
	for _, k := range append(append([]string{}, DefaultKinds...), opts.Kinds...) {
		if !im.kinds[k] {
			im.kinds[k] = true
			im.kindList = append(im.kindList, k)
		}
	}
	sort.Strings(im.kindList)
	var base []dropRule
	if !opts.NoDefaultDrop {
		var err error
		if base, err = defaultRules(); err != nil {
			return nil, err
		}
	}
	extra, err := compileDrop(opts.Drop)
	if err != nil {
		return nil, err
	}
	im.drop = append(append([]dropRule{}, base...), extra...)
	return im, nil
}

// defaultRules compiles DefaultDrop once: every Importer shares it.
var defaultRules = sync.OnceValues(func() ([]dropRule, error) { return compileDrop(DefaultDrop) })

// Parse reads one plain-text report with the default options and the
// meeting zone loc. name is used in errors only.
func Parse(name string, data []byte, loc *time.Location) (*Report, error) {
	im, err := New(Options{Location: loc})
	if err != nil {
		return nil, err
	}
	return im.Parse(name, data)
}

// Parse reads one plain-text report: a title line, header lines (the date
// and time, a location, the kind of report, in any order after the title),
// then the text. name is used in errors only. Errors are *ParseError.
func (im *Importer) Parse(name string, data []byte) (*Report, error) {
	ls, err := splitLines(name, data)
	if err != nil {
		return nil, err
	}
	return im.parseLines(name, ls)
}

func (im *Importer) parseLines(name string, ls []line) (*Report, error) {
	var notes []Note
	loc := im.loc
	for i := range ls {
		text := strings.Join(strings.Fields(ls[i].text), " ")
		if text == "" {
			continue
		}
		if r, ok := dropped(im.drop, text); ok {
			ls[i].dropped = true
			notes = append(notes, Note{Line: ls[i].n, Msg: fmt.Sprintf("dropped %q (page furniture: %s)", shorten(text, 80), r.entry)})
			continue
		}
		if m := zoneNote.FindStringSubmatch(text); m != nil {
			if w, err := dateline.Parse("1 Jan 2000 00:00 "+m[8], nil); err == nil && w.Zone != "" {
				loc = w.Start.Location()
				ls[i].dropped = true
				notes = append(notes, Note{Line: ls[i].n, Msg: fmt.Sprintf("dropped %q: times without a zone are read in %s", shorten(text, 80), w.Zone)})
			}
		}
	}
	fail := func(line int, hint, format string, args ...any) (*Report, error) {
		return nil, &ParseError{Name: name, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint}
	}
	i := nextNonBlank(ls, 0)
	if i == len(ls) {
		return fail(1, "the first line must be the report's title", "the report is empty")
	}
	titleLine := ls[i]
	title := titleLine.trimmed()
	if dateline.Looks(title) {
		if _, err := dateline.Parse(title, loc); err == nil {
			return fail(titleLine.n, "put the report's title on the first line, the date on the next",
				"the report starts with a date, not a title")
		}
	}
	h, err := im.readHeader(name, ls, titleLine, i+1, loc, &notes)
	if err != nil {
		return nil, err
	}
	b, err := im.renderBody(name, ls[h.bodyFrom:], h.kind == "transcript")
	if err != nil {
		return nil, err
	}
	if b.markdown == "" {
		last := ls[nextNonBlank(ls, i+1)].n
		for _, l := range ls[:h.bodyFrom] {
			if !l.blank() {
				last = l.n
			}
		}
		return fail(last, "add the report's text after the header lines", "the report has no text")
	}
	notes = append(notes, fewParagraphs(b)...)
	return &Report{
		Title:      title,
		Start:      h.when.Start,
		End:        h.when.End,
		AllDay:     h.when.AllDay,
		Kind:       h.kind,
		Location:   h.location,
		Body:       b.markdown,
		Speakers:   b.speakers,
		Paragraphs: b.paragraphs,
		Notes:      notes,
	}, nil
}

// A report is suspected of having lost its paragraph breaks when its text
// is long and its paragraphs few, or when one paragraph is very long.
const (
	fewParagraphsFrom = 2000 // characters of text
	longParagraph     = 4000 // characters in one paragraph
)

func fewParagraphs(b *bodyText) []Note {
	switch {
	case b.chars >= fewParagraphsFrom && b.paragraphs <= 2:
		return []Note{{Warning: true, Msg: fmt.Sprintf("%d characters of text make only %d paragraph(s): if the paragraphs were separated by single line breaks that could not be told apart, separate them with blank lines and import again", b.chars, b.paragraphs)}}
	case b.longest.chars >= longParagraph:
		return []Note{{Line: b.longest.line, Warning: true, Msg: fmt.Sprintf("a paragraph of %d characters: check that it is not several paragraphs run together", b.longest.chars)}}
	}
	return nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// slug turns a kind line into a key: lower case, letters and digits, runs
// of anything else as one hyphen, so "Event report" and "Event  Report"
// are the same kind.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if isLetterOrDigit(r) {
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
