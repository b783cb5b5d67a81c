package pipeline_test

import (
	"bytes"
	"testing"

	"github.com/plenary-archive/plenary/generator/pipeline"
)

// TestReportBodiesKept checks that a build keeps every report body as
// HTML where assembly parses it, keeps the paragraphs' texts in its file
// from the size of sources a large archive has, and writes the same site
// either way.
func TestReportBodiesKept(t *testing.T) {
	sites := map[bool]map[string][]byte{}
	for _, textsKept := range []bool{true, false} {
		from := int64(0)
		if !textsKept {
			from = 1 << 40
		}
		pipeline.SetTextsKeptFrom(t, from)
		dir, res := site(t, archive(t, "small.txtar"))
		if res.BodiesKept != len(res.Site.Reports) {
			t.Errorf("%d of %d report bodies kept as HTML", res.BodiesKept, len(res.Site.Reports))
		}
		for _, r := range res.Site.Reports {
			for _, p := range r.Paragraphs {
				if _, kept := p.Kept(); kept != textsKept {
					t.Fatalf("%s#%s: text kept in the file: %v, want %v", r.Slug, p.ID, kept, textsKept)
				}
			}
		}
		sites[textsKept] = tree(t, dir)
	}
	for path, data := range sites[false] {
		if !bytes.Equal(sites[true][path], data) {
			t.Errorf("%s differs when the texts are kept in the file", path)
		}
	}
	if len(sites[true]) != len(sites[false]) {
		t.Errorf("%d files against %d", len(sites[true]), len(sites[false]))
	}
}
