package build_test

import (
	"bytes"
	"strings"
	"testing"
)

// TestReportBodiesKept checks that a build, which renders report bodies
// where assembly parses them and keeps them in a file until their pages
// are written, writes the report pages that rendering each body from its
// Markdown gives.
func TestReportBodiesKept(t *testing.T) {
	fsys := archive(t, "small.txtar")
	dir, res := site(t, fsys)
	if res.BodiesKept != len(res.Site.Reports) {
		t.Fatalf("%d of %d report bodies kept as HTML", res.BodiesKept, len(res.Site.Reports))
	}
	// The file of bodies closes with the build: the Site it returns
	// renders them from their Markdown.
	for _, r := range res.Site.Reports {
		if r.LoadHTML != nil {
			t.Fatalf("%s: the returned Site still reads its body from the build's file", r.Slug)
		}
	}
	s, outs := loadedOutputs(t, fsys)
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
