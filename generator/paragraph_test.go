package generator_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

// store is a TextStore over a string, which can be made to fail.
type store struct {
	data   string
	broken bool
	reads  int
	failed error
}

func (s *store) ReadAt(b []byte, off int64) (int, error) {
	s.reads++
	if s.broken {
		return 0, errors.New("disk gone")
	}
	return strings.NewReader(s.data).ReadAt(b, off)
}

func (s *store) Failed(err error) { s.failed = err }

// TestParagraphTexts checks that a paragraph's text reads the same held in
// memory or kept in a store, that a report's texts kept side by side come
// in one read, and that a failed read gives empty texts and is recorded.
func TestParagraphTexts(t *testing.T) {
	texts := []string{"Chile said yes.", "", "Kenya — «no».", "Brazil abstained."}
	held := func(*store) *generator.Report {
		r := &generator.Report{}
		for i, text := range texts {
			p := generator.NewParagraph(i+1, "", "", text)
			r.Paragraphs = append(r.Paragraphs, &p)
		}
		return r
	}
	// kept keeps the texts after a prefix, in the order given by at.
	kept := func(order []int) func(*store) *generator.Report {
		return func(s *store) *generator.Report {
			r := &generator.Report{Paragraphs: make([]*generator.Paragraph, len(texts))}
			s.data = "<p>html</p>"
			for _, i := range order {
				p := generator.NewParagraph(i+1, "", "", "")
				p.KeepText(s, int64(len(s.data)), len(texts[i]))
				s.data += texts[i]
				r.Paragraphs[i] = &p
			}
			return r
		}
	}
	for _, tc := range []struct {
		name      string
		report    func(*store) *generator.Report
		broken    bool
		textReads int // reads of Texts
	}{
		{"held", held, false, 0},
		{"kept in order", kept([]int{0, 1, 2, 3}), false, 1},
		{"kept out of order", kept([]int{2, 0, 3, 1}), false, 3}, // the empty text is not read
		{"kept, failing", kept([]int{0, 1, 2, 3}), true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &store{}
			r := tc.report(s)
			s.broken = tc.broken
			got := r.Texts()
			if s.reads != tc.textReads {
				t.Errorf("Texts read %d times, want %d", s.reads, tc.textReads)
			}
			for i, p := range r.Paragraphs {
				want := texts[i]
				if tc.broken {
					want = ""
				}
				if got[i] != want || p.Text() != want {
					t.Errorf("paragraph %d: Texts %q, Text %q, want %q", i+1, got[i], p.Text(), want)
				}
				if p.Len() != len(texts[i]) {
					t.Errorf("paragraph %d: Len %d, want %d", i+1, p.Len(), len(texts[i]))
				}
			}
			if (s.failed != nil) != tc.broken {
				t.Errorf("failure recorded: %v, want one: %v", s.failed, tc.broken)
			}
		})
	}
}
