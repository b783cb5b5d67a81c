package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zone files
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.md from the current output")

func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// seeds are the two published reports the importer was written against,
// with the sessions they belong to.
var seeds = []struct {
	file, session string
}{
	{"000_40c22cd45038eae6.txt", "oewg-2021-2025-informal-1"},
	{"002_056ffee859feaccf.txt", "oewg-2021-2025-s2"},
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGolden(t *testing.T) {
	loc := newYork(t)
	for _, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			r, err := Parse(s.file, readSeed(t, s.file), loc)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Source(s.session)
			golden := filepath.Join("testdata", strings.TrimSuffix(s.file, ".txt")+".golden.md")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Source differs from %s (run go test -update if the change is intended)\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestSeedFacts pins what the goldens are supposed to show, so that a
// wrong golden written by -update does not pass unnoticed.
func TestSeedFacts(t *testing.T) {
	loc := newYork(t)
	r0, err := Parse("a", readSeed(t, seeds[0].file), loc)
	if err != nil {
		t.Fatal(err)
	}
	r1, err := Parse("b", readSeed(t, seeds[1].file), loc)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r0.Title, "Informal consultations of the OEWG Chair with stakeholders"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got, want := r1.Title, "OEWG 2021-2025 – Regular institutional dialogue"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	src0, src1 := string(r0.Source(seeds[0].session)), string(r1.Source(seeds[1].session))
	for _, want := range []string{
		"date = 2021-12-16T18:15:00-05:00\nend = 2021-12-16T19:45:00-05:00\nsession = 'oewg-2021-2025-informal-1'\nkind = 'event-report'\n+++\n\nOver 100",
		"\n\nSome of the proposals which directly reflected on the OEWG agenda items include:\n\n## Emerging risks\n\n- recognising vulnerability exploitation",
		"\n\n## International law, cyber-norms, CBMs, and capacity building\n\n- using",
		"\n- examining prohibitions of interventions;\n",
		"\n\n## Cross-cutting aspects\n\n- integrating",
		"\n\n## Institutional dialogue and cooperation\n\n- further",
		"Let’s Talk Cyber",
		"for the implementation of norms.\n",
	} {
		if !strings.Contains(src0, want) {
			t.Errorf("first seed's source lacks %q", want)
		}
	}
	if strings.Count(src0, "\n- ") != 19 || strings.Count(src0, "\n## ") != 4 {
		t.Errorf("first seed: %d items and %d headings, want 19 and 4", strings.Count(src0, "\n- "), strings.Count(src0, "\n## "))
	}
	for _, want := range []string{
		"date = 2022-04-01T14:00:00-04:00\nend = 2022-04-01T17:00:00-04:00\nsession = 'oewg-2021-2025-s2'\n",
		"with the current OEWG.\n\nFrance highlighted",
		"During the meeting,  delegates", // the no-break space became a space; the space after it stays
		"three tiers – national",
		"‘ In our view",
	} {
		if !strings.Contains(src1, want) {
			t.Errorf("second seed's source lacks %q", want)
		}
	}
	for _, src := range []string{src0, src1} {
		if strings.ContainsAny(src, "\u00a0\r•") || strings.Contains(src, " \n") || !strings.HasSuffix(src, ".\n") {
			t.Errorf("source has a no-break space, CR, bullet, trailing space or a wrong ending:\n%s", src)
		}
	}
}

// TestNormalisation checks that what editors and copying change without
// changing the text does not change the output either.
func TestNormalisation(t *testing.T) {
	loc := newYork(t)
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	cr := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r")) }
	bom := func(b []byte) []byte { return append([]byte("\ufeff"), b...) }
	nbsp := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(" "), []byte("\u00a0")) }
	nnbsp := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(" "), []byte("\u202f")) }
	trailing := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte(" \t\u00a0 \n")) }
	finalNewline := func(b []byte) []byte { return append(b, '\n') }
	transforms := []struct {
		name string
		f    func([]byte) []byte
	}{
		{"crlf", crlf},
		{"cr", cr},
		{"bom", bom},
		{"nbsp", nbsp},
		{"narrow nbsp", nnbsp},
		{"trailing spaces", trailing},
		{"final newline", finalNewline},
		{"all", func(b []byte) []byte { return bom(crlf(trailing(nbsp(finalNewline(b))))) }},
	}
	for _, s := range seeds {
		clean := readSeed(t, s.file)
		r, err := Parse(s.file, clean, loc)
		if err != nil {
			t.Fatal(err)
		}
		want := r.Source(s.session)
		for _, tr := range transforms {
			t.Run(s.file+"/"+tr.name, func(t *testing.T) {
				in := tr.f(bytes.Clone(clean))
				if bytes.Equal(in, clean) {
					t.Fatal("the transformation changed nothing")
				}
				r, err := Parse(s.file, in, loc)
				if err != nil {
					t.Fatal(err)
				}
				if got := r.Source(s.session); !bytes.Equal(got, want) {
					t.Errorf("output differs from the clean input's:\ngot:\n%s\nwant:\n%s", got, want)
				}
			})
		}
	}
}
