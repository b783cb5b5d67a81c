package render_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/themes"
)

const archive = `
-- content/processes/oewg-2019-2021.md --
+++
title = "OEWG 2019-2021"
name = "Open-ended Working Group <2019>"
start = 2019-06-03
end = 2021-03-12
documents = [{title = "Final report (A/75/816)", url = "https://undocs.org/en/A/75/816"}]
+++
The first OEWG.
-- content/sessions/org.md --
+++
title = "Organisational session"
process = "oewg-2019-2021"
start = 2019-06-03
end = 2019-06-04
location = "New York"
+++
-- content/sessions/s3.md --
+++
title = "Third substantive session"
process = "oewg-2019-2021"
start = 2021-03-08
end = 2021-03-12
documents = [{title = "A/75/816", url = "https://undocs.org/en/A/75/816"}]
+++
-- content/reports/2021/r.md --
+++
title = "R"
date = 2021-03-08
end = 2021-03-12
session = "s3"
location = "New York, USA"
+++
Egypt spoke.
`

func renderSite(t *testing.T, theme fs.FS) map[string]string {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	a, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(a.Config.BasePath)
	s, errs := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: md, HoldMarkdown: true})
	if s == nil {
		t.Fatal(errs)
	}
	th, err := render.LoadTheme(theme, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, o := range render.New(s, th, md, nil).Outputs() {
		if !strings.HasSuffix(o.Path, ".html") || o.Render == nil {
			continue
		}
		var b bytes.Buffer
		if err := o.Render(&b); err != nil {
			t.Fatalf("%s: %v", o.Path, err)
		}
		pages[o.Path] = b.String()
	}
	return pages
}

func TestProcessPage(t *testing.T) {
	theme, err := themes.Lookup("default")
	if err != nil {
		t.Fatal(err)
	}
	pages := renderSite(t, theme)
	p, ok := pages["processes/oewg-2019-2021/index.html"]
	if !ok {
		t.Fatal("no process page")
	}
	for _, want := range []string{
		"<h1>OEWG 2019-2021</h1>",
		"Open-ended Working Group &lt;2019&gt;",
		`<time datetime="2019-06-03">3 June 2019</time> – <time datetime="2021-03-12">12 March 2021</time> · 2 sessions`,
		"<h3>2019</h3>", "<h3>2021</h3>",
		`<a href="/sessions/org/">Organisational session</a>`, "3–4 June 2019", "New York",
		`<a href="https://undocs.org/en/A/75/816" rel="external noopener">A/75/816</a>`,
		"1 report",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the process page lacks %q:\n%s", want, p)
		}
	}
	if !strings.Contains(pages["sessions/s3/index.html"], `<a href="/processes/oewg-2019-2021/">OEWG 2019-2021</a>`) {
		t.Error("the session page does not link its process")
	}
	if !strings.Contains(pages["index.html"], `<h3><a href="/processes/oewg-2019-2021/">OEWG 2019-2021</a></h3>`) {
		t.Error("the home page's timeline does not link the process")
	}
	r := pages["reports/r/index.html"]
	if !strings.Contains(r, "8–12 March 2021") || !strings.Contains(r, " · New York, USA") {
		t.Errorf("the report page lacks its days or its location:\n%s", r)
	}
}

// TestProcessPageOptional checks that a theme made before process pages
// still loads, and writes none.
func TestProcessPageOptional(t *testing.T) {
	theme, err := themes.Lookup("default")
	if err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{}
	err = fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "layouts/process.html" {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		old[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for path := range renderSite(t, old) {
		if strings.HasPrefix(path, "processes/") {
			t.Errorf("%s written by a theme without process.html", path)
		}
	}
}
