package render

import (
	"bytes"
	"os"
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// TestChromeOnce checks that rendering the header and footer once per
// kind gives every page the bytes it has when they are rendered on every
// page, and that a header reading the page's title is rendered per page.
func TestChromeOnce(t *testing.T) {
	s := archivetest.Site(t, archivetest.Topic+`-- content/sessions/s1.md --
+++
title = "Session one"
start = 2024-03-01
end = 2024-03-08
+++
-- content/reports/2024/a.md --
+++
title = "Report a"
date = 2024-03-04T10:00:00Z
session = "s1"
+++
France and Chile backed the PoA.
-- content/reports/2024/b.md --
+++
title = "Report b"
date = 2024-03-05T10:00:00Z
session = "s1"
+++
Chile agreed on the PoA.
`)
	render := func(th *Theme) map[string][]byte {
		out := map[string][]byte{}
		for _, o := range New(s, th, markdown.New(s.BasePath), nil).Outputs() {
			if o.Parts != nil {
				continue
			}
			var b bytes.Buffer
			if err := o.Render(&b); err != nil {
				t.Fatalf("%s: %v", o.Path, err)
			}
			out[o.Path] = b.Bytes()
		}
		return out
	}
	th, err := LoadTheme(os.DirFS("../../themes/default"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !th.ChromeOnce("report") || !th.ChromeOnce("home") || !th.ChromeOnce("statesession") {
		t.Fatal("the bundled header and footer are rendered on every page")
	}
	once := render(th)
	every := render(th.EveryPage())
	for path, data := range every {
		if !bytes.Equal(once[path], data) {
			t.Errorf("%s differs when its header and footer are rendered once", path)
		}
	}
	nosy, err := LoadTheme(os.DirFS("../../themes/default"), fstest.MapFS{
		"partials/footer.html": {Data: []byte(`<footer>{{.Title}}</footer>`)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if nosy.ChromeOnce("report") {
		t.Fatal("a footer reading the page's title is rendered once per kind")
	}
	pages := render(nosy)
	if !bytes.Contains(pages["reports/a/index.html"], []byte("<footer>Report a</footer>")) ||
		!bytes.Contains(pages["reports/b/index.html"], []byte("<footer>Report b</footer>")) {
		t.Error("a footer reading the page's title does not show each page's")
	}
}
