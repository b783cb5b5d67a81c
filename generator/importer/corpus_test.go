package importer

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// expected is what importing one input of testdata/corpus must give, as
// its .want file says: the front matter, the number of paragraphs, what
// the body holds and lacks, the notes and warnings, or the error.
type expected struct {
	Title      string              `toml:"title"`
	Date       any                 `toml:"date"`
	End        any                 `toml:"end"`
	Kind       string              `toml:"kind"`
	Location   string              `toml:"location"`
	Paragraphs int                 `toml:"paragraphs"`
	Speakers   map[string][]string `toml:"speakers"`
	Body       []string            `toml:"body"`
	NotBody    []string            `toml:"not_body"`
	Notes      []string            `toml:"notes"`
	Warnings   []string            `toml:"warnings"`
	Error      string              `toml:"error"`
	ErrorLine  int                 `toml:"error_line"`
	Hint       string              `toml:"hint"`
}

// TestCorpus imports every report of testdata/corpus, written for the
// shapes editors paste (date forms, header lines, single line breaks,
// furniture, transcripts, web pages, hostile input), and checks it
// against its .want file.
func TestCorpus(t *testing.T) {
	im, err := New(Options{Location: newYork(t)})
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if filepath.Ext(in) == ".want" {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			wantData, err := os.ReadFile(strings.TrimSuffix(in, filepath.Ext(in)) + ".want")
			if err != nil {
				t.Fatal(err)
			}
			var w expected
			dec := toml.NewDecoder(strings.NewReader(string(wantData)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&w); err != nil {
				t.Fatalf("the .want file: %v", err)
			}
			var r *Report
			if filepath.Ext(in) == ".html" {
				r, err = im.ParseHTML(in, data)
			} else {
				r, err = im.Parse(in, data)
			}
			if w.Error != "" {
				checkError(t, err, w)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, r, w)
		})
	}
	if n < 40 {
		t.Errorf("the corpus has %d inputs, fewer than 40", n)
	}
}

func checkError(t *testing.T, err error, w expected) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a *ParseError with %q", err, w.Error)
	}
	if !strings.Contains(pe.Msg, w.Error) || pe.Hint == "" {
		t.Errorf("error %q (hint %q), want one with %q and a hint", pe.Msg, pe.Hint, w.Error)
	}
	if w.ErrorLine != 0 && pe.Line != w.ErrorLine {
		t.Errorf("error on line %d, want %d", pe.Line, w.ErrorLine)
	}
	if !strings.Contains(pe.Hint, w.Hint) {
		t.Errorf("hint %q lacks %q", pe.Hint, w.Hint)
	}
}

func checkReport(t *testing.T, r *Report, w expected) {
	t.Helper()
	if r.Title != w.Title || r.Kind != w.Kind || r.Location != w.Location {
		t.Errorf("title, kind, location = %q, %q, %q; want %q, %q, %q", r.Title, r.Kind, r.Location, w.Title, w.Kind, w.Location)
	}
	checkTime(t, "date", r.Start, r.AllDay, w.Date)
	checkTime(t, "end", r.End, r.AllDay, w.End)
	if r.Paragraphs != w.Paragraphs {
		t.Errorf("%d paragraphs, want %d:\n%s", r.Paragraphs, w.Paragraphs, r.Body)
	}
	if len(r.Speakers) != 0 || len(w.Speakers) != 0 {
		if !reflect.DeepEqual(r.Speakers, w.Speakers) {
			t.Errorf("speakers %v, want %v", r.Speakers, w.Speakers)
		}
	}
	for _, s := range w.Body {
		if !strings.Contains(r.Body, s) {
			t.Errorf("the body lacks %q:\n%s", s, r.Body)
		}
	}
	for _, s := range w.NotBody {
		if strings.Contains(r.Title+"\n"+r.Body, s) {
			t.Errorf("the title or body has %q:\n%s\n%s", s, r.Title, r.Body)
		}
	}
	var notes, warnings []string
	for _, n := range r.Notes {
		if n.Warning {
			warnings = append(warnings, n.Msg)
		} else {
			notes = append(notes, n.Msg)
		}
	}
	for _, s := range w.Notes {
		if !containsAny(notes, s) {
			t.Errorf("no note says %q: %q", s, notes)
		}
	}
	for _, s := range w.Warnings {
		if !containsAny(warnings, s) {
			t.Errorf("no warning says %q: %q", s, warnings)
		}
	}
	if len(w.Warnings) == 0 && len(warnings) > 0 {
		t.Errorf("unexpected warnings: %q", warnings)
	}
}

func containsAny(list []string, s string) bool {
	for _, l := range list {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

func checkTime(t *testing.T, what string, got time.Time, allDay bool, want any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		if !got.IsZero() {
			t.Errorf("%s = %v, want none", what, got)
		}
	case toml.LocalDate:
		y, m, d := got.Date()
		if !allDay || (toml.LocalDate{Year: y, Month: int(m), Day: d}) != w {
			t.Errorf("%s = %v (all day %v), want the day %v", what, got, allDay, w)
		}
	case time.Time:
		if allDay || got.Format(time.RFC3339) != w.Format(time.RFC3339) {
			t.Errorf("%s = %s (all day %v), want %s", what, got.Format(time.RFC3339), allDay, w.Format(time.RFC3339))
		}
	default:
		t.Errorf("%s: the .want file holds a %T", what, want)
	}
}
