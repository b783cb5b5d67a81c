package pipeline_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/pipeline"
)

// TestReportBodiesKept checks that a build, which renders report bodies
// where assembly parses them and keeps them in a file until their pages
// are written, writes the report pages that rendering each body from its
// Markdown gives, with the paragraphs' texts in the file (as a large
// archive has them) and in memory (as a small one has).
func TestReportBodiesKept(t *testing.T) {
	for _, tc := range []struct {
		name      string
		keptFrom  int64 // bytes of sources
		textsKept bool
	}{
		{"texts in the file", 0, true},
		{"texts in memory", 1 << 40, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pipeline.SetTextsKeptFrom(t, tc.keptFrom)
			checkBodiesKept(t, tc.textsKept)
		})
	}
}

func checkBodiesKept(t *testing.T, textsKept bool) {
	fsys := archive(t, "small.txtar")
	dir, res := site(t, fsys)
	if res.BodiesKept != len(res.Site.Reports) {
		t.Fatalf("%d of %d report bodies kept as HTML", res.BodiesKept, len(res.Site.Reports))
	}
	s, outs := loadedOutputs(t, fsys)
	for i, r := range res.Site.Reports {
		held := s.Reports[i]
		if r.Slug != held.Slug || len(r.Paragraphs) != len(held.Paragraphs) {
			t.Fatalf("%s: the built Site has other reports or paragraphs than the loaded one", r.Slug)
		}
		for j, p := range r.Paragraphs {
			if _, kept := p.Kept(); kept != textsKept {
				t.Fatalf("%s#%s: text kept in the file: %v, want %v", r.Slug, p.ID, kept, textsKept)
			}
			if want := held.Paragraphs[j].Len(); p.Len() != want {
				t.Errorf("%s#%s: kept text of %d bytes, held %d", r.Slug, p.ID, p.Len(), want)
			}
		}
	}
	reports := 0
	for _, o := range outs {
		if len(o.Deps) != 1 || !strings.HasPrefix(o.Deps[0].String(), "report:") {
			continue
		}
		reports++
		var want bytes.Buffer
		if err := o.Render(&want); err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, o.Path); got != want.String() {
			t.Errorf("%s differs from the page rendered from Markdown", o.Path)
		}
	}
	if reports != len(s.Reports) {
		t.Errorf("%d report pages for %d reports", reports, len(s.Reports))
	}
}
