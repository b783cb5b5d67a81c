package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
)

func TestDateLine(t *testing.T) {
	loc := newYork(t)
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		line       string
		start, end string // "2006-01-02 15:04" in New York; end "" for none
		allDay     bool
	}{
		{line: "16 Dec 2021 18:15h - 19:45h", start: "2021-12-16 18:15", end: "2021-12-16 19:45"},
		{line: "1 Apr 2022 14:00h - 17:00h", start: "2022-04-01 14:00", end: "2022-04-01 17:00"},
		{line: "16 December 2021 18:15 - 19:45", start: "2021-12-16 18:15", end: "2021-12-16 19:45"},
		{line: "1 Apr 2022 14:00h – 17:00h", start: "2022-04-01 14:00", end: "2022-04-01 17:00"},
		{line: "1 Apr 2022 14:00h—17:00h", start: "2022-04-01 14:00", end: "2022-04-01 17:00"},
		{line: "1 Apr 2022 14:00h-17:00h", start: "2022-04-01 14:00", end: "2022-04-01 17:00"},
		{line: "1 Apr 2022 9:05 h - 9:35 h", start: "2022-04-01 09:05", end: "2022-04-01 09:35"},
		{line: "  01   april  2022   14:00H ", start: "2022-04-01 14:00"},
		{line: "5 Sept 2022 10:00", start: "2022-09-05 10:00"},
		{line: "5 Sep. 2022 10:00", start: "2022-09-05 10:00"},
		{line: "16 Dec 2021", start: "2021-12-16 00:00", allDay: true},
		{line: "16 December 2021", start: "2021-12-16 00:00", allDay: true},
		{line: "29 Feb 2024", start: "2024-02-29 00:00", allDay: true},
		{line: "31 Dec 2021 23:00h - 01:30h", start: "2021-12-31 23:00", end: "2022-01-01 01:30"},
		{line: "16 Dec 2021 18:00 - 00:00", start: "2021-12-16 18:00", end: "2021-12-17 00:00"},
		// The night the clocks go back: 02:00 comes after 01:59 EDT as EST.
		{line: "5 Nov 2022 23:00 - 02:00", start: "2022-11-05 23:00", end: "2022-11-06 02:00"},
		{line: "Dec 16 2021", start: "2021-12-16 00:00", allDay: true},
		{line: "2021-12-16", start: "2021-12-16 00:00", allDay: true},
		{line: "13 Dec 2021 - 17 Dec 2021", start: "2021-12-13 00:00", end: "2021-12-17 00:00", allDay: true},
		{line: "28 Mar 2022 15:00h - 29 Mar 2022 16:30h", start: "2022-03-28 15:00", end: "2022-03-29 16:30"},
		{line: "1 Jun 2021, 09:00h - 18:00h", start: "2021-06-01 09:00", end: "2021-06-01 18:00"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			r, err := Parse("r.txt", []byte("Title\n\n"+tc.line+"\n\nEvent report\n\nText.\n"), loc)
			if err != nil {
				t.Fatal(err)
			}
			if want := at(tc.start); !r.Start.Equal(want) || r.Start.Location() != loc {
				t.Errorf("Start = %v, want %v in %v", r.Start, want, loc)
			}
			if tc.end == "" {
				if !r.End.IsZero() {
					t.Errorf("End = %v, want zero", r.End)
				}
			} else if want := at(tc.end); !r.End.Equal(want) {
				t.Errorf("End = %v, want %v", r.End, want)
			}
			if r.AllDay != tc.allDay {
				t.Errorf("AllDay = %v, want %v", r.AllDay, tc.allDay)
			}
		})
	}
}

func TestDateLineErrors(t *testing.T) {
	loc := newYork(t)
	tests := []struct {
		line, msg string
	}{
		{"yesterday", `"yesterday" is not a date: the date line must follow the title`},
		{"16 Dec 21", `cannot read "21"`},
		{"16 Dec 2021 18:15h -", "the date is missing"},
		{"16 Dec 2021 18:15h - 19:45h XYZ", `cannot read "XYZ"`},
		{"16 Foo 2021", `"Foo" is not a month`},
		{"16 De 2021", `"De" is not a month`},
		{"32 Dec 2021", "has no day 32"},
		{"0 Dec 2021", "has no day 0"},
		{"29 Feb 2021", "has no day 29"},
		{"16 Dec 1850", "year 1850 is outside 1945–2199"},
		{"16 Dec 2021 25:00h", "25:00 is not a time of day"},
		{"16 Dec 2021 18:15h - 19:60h", "19:60 is not a time of day"},
		{"16 Dec 2021 24:00", "24:00 is not a time of day"},
		{"13 Mar 2022 02:30h", "does not exist in the time zone America/New_York"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			// Blank lines before the title shift the date to line 5, so
			// the test sees that lines are counted in the input.
			_, err := Parse("r.txt", []byte("\n\nTitle\n\n"+tc.line+"\n\nEvent report\n\nText.\n"), loc)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Line != 5 || pe.Name != "r.txt" || !strings.Contains(pe.Msg, tc.msg) || pe.Hint == "" {
				t.Errorf("got %#v, want line 5, a message with %q and a hint", pe, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "r.txt:5: ") || !strings.HasSuffix(err.Error(), ")") {
				t.Errorf("Error() = %q, want \"r.txt:5: msg (hint)\"", err)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	loc := newYork(t)
	long := strings.Repeat("word ", 20)
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"empty", "", 1, "the report is empty"},
		{"blank lines", "\n  \n\u00a0\n\r\n", 1, "the report is empty"},
		{"only a title", "Only a title", 1, "ends after its title"},
		{"only a title after blank lines", "\n\nOnly a title\n\n", 3, "ends after its title"},
		{"no text", "Title\n\n16 Dec 2021", 3, "the report has no text"},
		{"no text after the kind", "Title\n16 Dec 2021\nEvent report\n\n", 3, "the report has no text"},
		{"no title", "16 Dec 2021 18:15h\n\nEvent report\n\nText.", 1, "starts with a date"},
		{"no date", "Title\n\nEvent report\n\nText.", 3, `"Event report" is not a date`},
		{"unreadable date", "Title\n16 Dec 2021 10:00 in the morning\n\nText.", 2, `cannot read "in"`},
		{"date after prose", "Title\n" + long + "\n16 Dec 2021\n\nText.", 2, "is not a date"},
		{"empty bullet", "Title\n16 Dec 2021\nEvent report\n\nList:\n• a\n•\n• c", 7, "empty list item"},
		{"invalid UTF-8", "Title\n16 Dec 2021\nEvent report\n\nText \xff.", 5, "not valid UTF-8"},
		{"control character", "Title\n16 Dec 2021\nEvent report\n\nBell\a.", 5, "control character U+0007"},
		{"control character after CR lines", "Title\r16 Dec 2021\rEvent report\r\rText\x00.", 5, "control character U+0000"},
		{"CRLF line numbers", "Title\r\n\r\n16 Foo 2021\r\nEvent report\r\n\r\nText.", 3, `"Foo" is not a month`},
		{"CR line numbers", "Title\r\r16 Foo 2021\rEvent report\r\rText.", 3, `"Foo" is not a month`},
		{"DEL", "Title\x7f\n16 Dec 2021\nEvent report\n\nText.", 1, "control character U+007F"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("in.txt", []byte(tc.in), loc)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse = %+v, %v; want a *ParseError", r, err)
			}
			if pe.Line != tc.line || !strings.Contains(pe.Msg, tc.msg) || pe.Hint == "" {
				t.Errorf("got %q, want line %d, a message with %q and a hint", err, tc.line, tc.msg)
			}
		})
	}
}

// body parses a report around text and returns its Markdown body.
func body(t *testing.T, text string) string {
	t.Helper()
	r, err := Parse("r.txt", []byte("Title\n\n16 Dec 2021\n\nEvent report\n\n"+text), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return r.Body
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "One.\n\nTwo.\n\n\n\nThree.", "One.\n\nTwo.\n\nThree."},
		{"wrapped paragraph", "One line\n  and the next\nand a third.", "One line\nand the next\nand a third."},
		{"single line breaks", "One line.\nThe next.\nA third.", "One line.\n\nThe next.\n\nA third."},
		{"single line breaks and a title", "One line.\nCapacity building\nThe next.", "One line.\n\nCapacity building\n\nThe next."},
		{"hard-wrapped paragraphs", "France highlighted that 57 member states, as well as the EU, are\npromoting the establishment of a programme of action. Chile agreed\nand said so.\nBrazil disagreed with the proposal as it stood.",
			"France highlighted that 57 member states, as well as the EU, are\npromoting the establishment of a programme of action. Chile agreed\nand said so.\n\nBrazil disagreed with the proposal as it stood."},
		{"first-line indents", "France highlighted that 57 member states, as well as the EU, are\npromoting the establishment of a programme of action.\n   Chile agreed with the proposal as it was then put by France and\nothers in the room.",
			"France highlighted that 57 member states, as well as the EU, are\npromoting the establishment of a programme of action.\n\nChile agreed with the proposal as it was then put by France and\nothers in the room."},
		{"numbered list", "Proposals:\n1. first;\n2. second.\n3. third", "## Proposals\n\n1. first;\n2. second.\n3. third"},
		{"numbers that are no list", "1. alone\n\n3. apart", "1\\. alone\n\n3\\. apart"},
		{"list without bullets", "Proposals included:\nrecognising threats;\nexamining law;\nbuilding capacity.", "## Proposals included\n\n- recognising threats;\n- examining law;\n- building capacity."},
		{"speaker labels", "Brazil\n\nWe thank the Chair.\n\nMore from us.\n\nJapan:\nWe agree.", "**Brazil:** We thank the Chair.\n\nMore from us.\n\n**Japan:** We agree."},
		{"a label before a list outside transcripts is a heading", "Brazil:\n• one\n• two", "## Brazil\n\n- one\n- two"},
		{"a state named alone mid-paragraph is text", "It was said by\nBrazil\nand others.", "It was said by\nBrazil\nand others."},
		{"heading, blank, bullets", "Risks:\n\n  • one;\n  • two;", "## Risks\n\n- one;\n- two;"},
		{"heading right above bullets", "Risks:\n• one\n• two", "## Risks\n\n- one\n- two"},
		{"heading after blank lines", "Risks :\n\n\n\n• one", "## Risks\n\n- one"},
		{"colon line before prose stays prose", "They said:\n\nWe agree.", "They said:\n\nWe agree."},
		{"colon line before a heading stays prose", "Proposals include:\n\nRisks:\n\n• one", "Proposals include:\n\n## Risks\n\n- one"},
		{"heading at the end of a paragraph", "Some context.\nRisks:\n• one", "Some context.\n\n## Risks\n\n- one"},
		{"bare colon is not a heading", ":\n• one", ":\n\n- one"},
		{"text with a colon inside stays prose", "Thailand: the PoA.\n\nMore.", "Thailand: the PoA.\n\nMore."},
		{"bullets without a heading", "Intro.\n\n• one\n• two", "Intro.\n\n- one\n- two"},
		{"bullet kinds", "• a\n- b\n* c\n– d\n◦ e\n\t• f\n•g\n◦h", "- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h"},
		{"blank lines between bullets keep one list", "• a\n\n• b\n\n\n• c", "- a\n- b\n- c"},
		{"indented continuation", "• a long item\n  that wraps\n• b", "- a long item\n  that wraps\n- b"},
		{"unindented line ends the list", "• a\nAfter.", "- a\n\nAfter."},
		{"indented line after a blank ends the list", "• a\n\n  After.", "- a\n\nAfter."},
		{"two lists with headings", "A:\n• a\nB:\n• b", "## A\n\n- a\n\n## B\n\n- b"},
		{"not bullets", "-5 degrees\n*note*\n–dash", "-5 degrees\n\\*note\\*\n–dash"},
		{"paragraph after a list", "H:\n\n• a\n\nText.", "## H\n\n- a\n\nText."},
		{"indented prose loses its indent", "    not code", "not code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := body(t, tc.in); got != tc.want {
				t.Errorf("body\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestEscaping(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"emphasis", "Use * and _ and **bold** here", `Use * and _ and \*\*bold\*\* here`},
		{"intraword underscores", "states_parties and 5*3", `states_parties and 5\*3`},
		{"brackets and less-than", "paragraph [15] of it, A < B, a > b, x & y", "paragraph [15] of it, A < B, a > b, x & y"},
		{"html", "<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"heading", "# not a heading", `\# not a heading`},
		{"hash inside", "item #3", "item #3"},
		{"ordered list", "1. not a list", `1\. not a list`},
		{"ordered list paren", "12) neither", `12\) neither`},
		{"number inside", "In 2021. Then", "In 2021. Then"},
		{"quote", "> not a quote", `\> not a quote`},
		{"plus", "+ plus", `\+ plus`},
		{"setext", "Text\n===", "Text\n\\==="},
		{"front matter delimiter", "+++", `\+++`},
		{"link", "[link](http://x) and [def]: y", `[link\](http://x) and [def\]: y`},
		{"code", "`code`", "\\`code\\`"},
		{"backslash", `back\slash, \* and line end\`, `back\slash, \\\* and line end\\`},
		{"strikethrough and table", "a ~~b~~ | c", `a \~\~b\~\~ | c`},
		{"table", "a | b\n--|--", "a | b\n\\--|--"},
		{"one backtick", "it`s", "it`s"},
		{"entities", "&amp; &#169; &#x41; but AT&T & co", `\&amp; \&#169; \&#x41; but AT&T & co`},
		{"kept as written", "It’s “quoted” – 'single' \"double\" — ok… 中文 ñ", "It’s “quoted” – 'single' \"double\" — ok… 中文 ñ"},
		{"second line", "First\n# second\n2. third", "First\n\\# second\n2\\. third"},
		{"list items", "• # not a heading\n• 1. first\n• - dash\n• *star*\n• > q", "- \\# not a heading\n- 1\\. first\n- \\- dash\n- \\*star\\*\n- \\> q"},
		{"heading", "C# and *stars* #:\n• x", "## C# and \\*stars\\* \\#\n\n- x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := body(t, tc.in); got != tc.want {
				t.Errorf("body\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// decoded is what the content loader reads back; unknown keys are an error
// so that Source cannot grow a key nobody reads.
type decoded struct {
	Title    string              `toml:"title"`
	Date     any                 `toml:"date"`
	End      any                 `toml:"end"`
	Session  string              `toml:"session"`
	Kind     string              `toml:"kind"`
	Location string              `toml:"location"`
	Source   string              `toml:"source"`
	Speakers map[string][]string `toml:"speakers"`
}

// decodeSource splits a source file at its "+++" lines and decodes the
// front matter strictly.
func decodeSource(t testing.TB, src []byte) (decoded, string) {
	t.Helper()
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		t.Fatalf("source does not start with +++:\n%s", src)
	}
	front, body, ok := bytes.Cut(rest, []byte("\n+++\n"))
	if !ok {
		t.Fatalf("front matter is not closed:\n%s", src)
	}
	var d decoded
	dec := toml.NewDecoder(bytes.NewReader(front))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("front matter does not decode: %v\n%s", err, front)
	}
	return d, string(body)
}

func TestTitleRoundTrip(t *testing.T) {
	titles := []string{
		`He said "no"`,
		`back\slash and \" and \n`,
		`It's`,
		`'''single''' and """double"""`,
		"OEWG 2021-2025 – Regular institutional dialogue",
		"tab\tinside",
		`C:\path\`,
		"+++",
		"# [x](y) <b>",
		"中文 – ñ “q”",
	}
	for _, title := range titles {
		t.Run(title, func(t *testing.T) {
			r, err := Parse("r.txt", []byte(title+"\n16 Dec 2021 18:15h\nEvent report\n\nText."), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != title {
				t.Fatalf("Title = %q, want %q", r.Title, title)
			}
			d, _ := decodeSource(t, r.Source("s"))
			if d.Title != title {
				t.Errorf("decoded title %q, want %q", d.Title, title)
			}
		})
	}
}

func TestSourceDates(t *testing.T) {
	loc := newYork(t)
	parse := func(date string) *Report {
		t.Helper()
		r, err := Parse("r.txt", []byte("T\n"+date+"\nEvent report\nText."), loc)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	src := string(parse("16 Dec 2021").Source("s1"))
	if want := "+++\ntitle = 'T'\ndate = 2021-12-16\nsession = 's1'\nkind = 'event-report'\n+++\n\nText.\n"; src != want {
		t.Errorf("all-day source\n got %q\nwant %q", src, want)
	}
	d, _ := decodeSource(t, []byte(src))
	if d.Date != (toml.LocalDate{Year: 2021, Month: 12, Day: 16}) || d.End != nil {
		t.Errorf("all-day decodes to date %#v, end %#v; want a local date and no end", d.Date, d.End)
	}

	src = string(parse("1 Apr 2022 14:00h").Source("s2"))
	if want := "+++\ntitle = 'T'\ndate = 2022-04-01T14:00:00-04:00\nsession = 's2'\nkind = 'event-report'\n+++\n\nText.\n"; src != want {
		t.Errorf("no-end source\n got %q\nwant %q", src, want)
	}

	r := parse("31 Dec 2021 23:00h - 01:30h")
	src = string(r.Source(""))
	if strings.Contains(src, "session") {
		t.Errorf("an empty session is written:\n%s", src)
	}
	d, _ = decodeSource(t, []byte(src))
	start, ok1 := d.Date.(time.Time)
	end, ok2 := d.End.(time.Time)
	if !ok1 || !ok2 || !start.Equal(r.Start) || !end.Equal(r.End) || end.Day() != 1 || end.Year() != 2022 {
		t.Errorf("decoded %#v – %#v, want %v – %v", d.Date, d.End, r.Start, r.End)
	}
	if _, off := start.Zone(); off != -5*3600 {
		t.Errorf("decoded offset %d, want -05:00", off)
	}
}

func TestSourceBodyEnding(t *testing.T) {
	r := &Report{Title: "T", Start: time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC), AllDay: true, Kind: "k", Body: "Text.\n\n"}
	if got := string(r.Source("s")); !strings.HasSuffix(got, "\n\nText.\n") {
		t.Errorf("Source ends %q, want one newline after the body", got)
	}
	r.Body = ""
	if got := string(r.Source("s")); !strings.HasSuffix(got, "kind = 'k'\n+++\n") {
		t.Errorf("Source of an empty body ends %q", got)
	}
}

// TestDateErrorsQuoteTheLine checks that every refused date line is quoted
// in the error, with the accepted forms in the hint.
func TestDateErrorsQuoteTheLine(t *testing.T) {
	for _, l := range []string{"32 Dec 2021 10:00h", "16 Foo 2021", "16 Dec 2021 25:00h", "13/12/2021", "Friday, 16 December 2021"} {
		_, err := Parse("r.txt", []byte("Title\n\n"+l+"\n\nEvent report\n\nText.\n"), time.UTC)
		var pe *ParseError
		if !errors.As(err, &pe) || !strings.Contains(pe.Msg, `"`+l+`"`) || !strings.Contains(pe.Hint, "accepted forms: ") {
			t.Errorf("%q: %v", l, err)
		}
	}
}
