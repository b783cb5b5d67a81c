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
	// The Site a build returns keeps reading its texts from the file after
	// the build: they are the texts a Site held in memory has.
	for i, r := range res.Site.Reports {
		held := s.Reports[i]
		if r.Slug != held.Slug || len(r.Paragraphs) != len(held.Paragraphs) {
			t.Fatalf("%s: the built Site has other reports or paragraphs than the loaded one", r.Slug)
		}
		texts := r.Texts()
		for j, p := range r.Paragraphs {
			if p.Kept() != textsKept {
				t.Fatalf("%s#%s: text kept in the file: %v, want %v", r.Slug, p.ID, p.Kept(), textsKept)
			}
			want := held.Paragraphs[j].Text()
			if got := p.Text(); got != want || texts[j] != want || p.Len() != len(want) {
				t.Errorf("%s#%s: kept text %q (%q in Texts, length %d), held %q", r.Slug, p.ID, got, texts[j], p.Len(), want)
			}
		}
	}
	reports := 0
	for _, o := range outs {
		if len(o.Deps) != 1 || !strings.HasPrefix(o.Deps[0], "report:") {
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
