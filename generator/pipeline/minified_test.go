package pipeline_test

import (
	"bytes"
	"path"
	"testing"

	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/themes"
)

// TestThemeMinifiedOnce checks that minifying the theme's templates once,
// and the markup put into them, loses nothing: every page rendered from
// the minified theme, once minified as a whole, is byte for byte the page
// of the theme as written, minified as a whole, which is how pages were
// published before. Whitespace a template needs between an action and
// its text, or markup the template minifier took for something else,
// would show as a difference.
func TestThemeMinifiedOnce(t *testing.T) {
	themeFS, err := themes.Lookup("default")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := render.LoadTheme(themeFS, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	minified, err := render.LoadTheme(themeFS, nil, publish.TemplateMinifier())
	if err != nil {
		t.Fatal(err)
	}
	m := publish.Minifier()
	for _, name := range []string{"small.txtar", "publish.txtar"} {
		fsys := archive(t, name)
		s, cfg, _, _, err := pipeline.Load(pipeline.Options{Root: fsys})
		if err != nil || s == nil {
			t.Fatalf("%s: load: %v", name, err)
		}
		md := markdown.New(cfg.BasePath)
		as, bs := render.New(s, plain, md, nil).Outputs(), render.New(s, minified, md, nil).Outputs()
		if len(as) != len(bs) {
			t.Fatalf("%s: %d outputs against %d", name, len(bs), len(as))
		}
		pages, sizeA, sizeB, sizeMin := 0, 0, 0, 0
		for i, a := range as {
			b := bs[i]
			if path.Ext(a.Path) != ".html" {
				if b.Minified {
					t.Errorf("%s: %s is said to be minified HTML", name, b.Path)
				}
				continue
			}
			if a.Minified || !b.Minified {
				t.Errorf("%s: %s: minified %v with the theme as written, %v with the minified theme", name, a.Path, a.Minified, b.Minified)
			}
			var ra, rb bytes.Buffer
			if err := a.Render(&ra); err != nil {
				t.Fatal(err)
			}
			if err := b.Render(&rb); err != nil {
				t.Fatal(err)
			}
			sizeA, sizeB = sizeA+ra.Len(), sizeB+rb.Len()
			ma, err := m.Bytes("text/html", ra.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			mb, err := m.Bytes("text/html", rb.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			sizeMin += len(ma)
			if !bytes.Equal(ma, mb) {
				n := 0
				for n < len(ma) && n < len(mb) && ma[n] == mb[n] {
					n++
				}
				t.Errorf("%s: %s differs from byte %d:\n minified theme: %q\n theme as written: %q", name, a.Path, n, around(mb, n), around(ma, n))
			}
		}
		if pages < 10 {
			t.Errorf("%s: only %d pages compared", name, pages)
		}
		// The minified theme's pages are smaller than the theme's as
		// written, and within a few percent of minified: a page-wide pass
		// would take off no more than quotes around values and escapes.
		t.Logf("%s: %d pages: %d bytes from the theme as written, %d from the minified theme, %d minified", name, pages, sizeA, sizeB, sizeMin)
		if sizeB >= sizeA || sizeB > sizeMin*105/100 {
			t.Errorf("%s: pages of the minified theme are %d bytes, of the theme as written %d, minified %d", name, sizeB, sizeA, sizeMin)
		}
	}
}

func around(b []byte, n int) []byte {
	return b[max(0, n-60):min(len(b), n+60)]
}
