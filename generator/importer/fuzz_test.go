package importer

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator/markdown"
)

// hasLeadBefore tells whether a paragraph before paragraph n (of the same
// turn) names who as its lead-in.
func (r *Report) hasLeadBefore(n int, who string, blocks []markdown.Block) bool {
	for k := n - 1; k >= 1; k-- {
		if strings.HasPrefix(blocks[k-1].Text, who+":") {
			return true
		}
	}
	return false
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(readSeed(f, s.file))
	}
	for _, s := range []string{
		"",
		"\ufeff",
		"Title",
		"T\n16 Dec 2021\nEvent report\nText.",
		"T\r\n16 Dec 2021 18:15h - 19:45h\r\nEvent report\r\n\r\n• a\r\n",
		"T\r16 Dec 2021\rEvent report\r\rText.",
		`He said "no" \ 'yes' '''` + "\n1 Apr 2022 14:00h – 17:00h\nEvent report\n\nText.",
		"\"\"\"\n1 Apr 2022\nkind\n+++\n",
		"+++\n1 Apr 2022\n+++\n+++\n+++",
		"T\n31 Dec 2199 23:59 - 00:00\nEvent report\nText.",
		"T\n13 Mar 2022 01:59h - 03:00h\nEvent report\nText.",
		"T\n6 Nov 2022 01:30h - 01:15h\nEvent report\nText.",
		"T\n1 Jan 1945 00:00h\nEvent report\nText.",
		"T\n16 Dec 2021\nEvent report\n\nList:\n\n  • *a*\n  – b\n    more\n◦\n",
		"T\n16 Dec 2021\nEvent report\n\n# x\n1. y\n> z\n<b>&amp;</b> `c` [d](e) \\\n===\n---\n",
		"T\u00a0\u202f\n16\u00a0Dec\u202f2021\n\u00a0Event\u00a0report\u00a0\n\u00a0\nText.\u00a0",
		"T\t\n\t16 Dec 2021\t\nE\tR\n\tText\t",
		"\x00\n\x7f\n\xff",
		"T\n28 Mar 2022 15:00h - 29 Mar 2022 16:30h\n\nNew York, USA\n\nTranscript\n\nBrazil\n\nWe thank the Chair.\n\n• one\n\nJapan:\n1. a\n2. b\n",
		"T\n13-17 Dec 2021\nLive blog\nTable of contents\nUruguay proposed X.\nFinland agreed.\nProposals:\nx;\ny;\nz.\n",
	} {
		f.Add([]byte(s))
	}
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	md := markdown.New("/")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.txt", data, loc)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Msg == "" || !strings.HasPrefix(err.Error(), "fuzz.txt:") {
				t.Fatalf("error %q (%T) is not a positioned *ParseError", err, err)
			}
			return
		}
		src := r.Source("s")
		d, body := decodeSource(t, src)
		if d.Title != r.Title || d.Kind != r.Kind || d.Session != "s" {
			t.Errorf("decoded %q, %q, %q; want %q, %q, \"s\"", d.Title, d.Kind, d.Session, r.Title, r.Kind)
		}
		if r.AllDay {
			y, m, dd := r.Start.Date()
			if d.Date != (toml.LocalDate{Year: y, Month: int(m), Day: dd}) || (d.End != nil) != !r.End.IsZero() {
				t.Errorf("all-day report decodes to %#v – %#v, want %v – %v", d.Date, d.End, r.Start, r.End)
			}
		} else {
			start, ok := d.Date.(time.Time)
			_, off := r.Start.Zone()
			_, decodedOff := start.Zone()
			if !ok || !start.Equal(r.Start) || off != decodedOff {
				t.Errorf("date decodes to %#v, want %v", d.Date, r.Start)
			}
			if r.End.IsZero() {
				if d.End != nil {
					t.Errorf("end decodes to %#v, want none", d.End)
				}
			} else if end, ok := d.End.(time.Time); !ok || !end.Equal(r.End) || r.End.Before(r.Start) {
				t.Errorf("end decodes to %#v, want %v after %v", d.End, r.End, r.Start)
			}
		}
		if body != "\n"+r.Body+"\n" || r.Body == "" || strings.HasSuffix(r.Body, "\n") {
			t.Errorf("body %q does not follow the front matter as %q", body, r.Body)
		}
		// Paragraphs are numbered as the site numbers them, so the
		// speakers table points at the paragraphs it means.
		blocks := md.Analyse([]byte(r.Body)).Blocks
		if len(blocks) != r.Paragraphs {
			t.Errorf("the site finds %d paragraphs, the import counted %d:\n%s", len(blocks), r.Paragraphs, r.Body)
		}
		if len(d.Speakers) != len(r.Speakers) {
			t.Errorf("speakers decode to %v, want %v", d.Speakers, r.Speakers)
		}
		for id, names := range r.Speakers {
			n, err := strconv.Atoi(strings.TrimPrefix(id, "p-"))
			if err != nil || n < 1 || n > len(blocks) || len(names) == 0 || names[0] == "" {
				t.Errorf("speakers entry %s = %v points nowhere (%d paragraphs)", id, names, len(blocks))
				continue
			}
			if !strings.Contains(blocks[n-1].Text, names[0]) && !r.hasLeadBefore(n, names[0], blocks) {
				t.Errorf("paragraph %s does not belong to %s: %q", id, names[0], blocks[n-1].Text)
			}
		}
		if strings.ContainsAny(r.Body, "\r\u00a0\u202f") || strings.Contains(r.Body, " \n") || strings.Contains(r.Title, "\u00a0") {
			t.Errorf("body or title keeps a CR, no-break space or trailing space: %q", src)
		}

		// Line ends and a byte-order mark must not change the output.
		if !bytes.ContainsRune(data, '\r') && !bytes.HasPrefix(data, []byte("\ufeff")) {
			crlf := append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
			r2, err := Parse("fuzz.txt", crlf, loc)
			if err != nil {
				t.Fatalf("CRLF and BOM version fails: %v", err)
			}
			if got := r2.Source("s"); !bytes.Equal(got, src) {
				t.Errorf("CRLF and BOM version differs:\n%s\nwant:\n%s", got, src)
			}
		}
	})
}
