package render_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/render/lists"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// listsArchive has what lists escape and cut: quotes, ampersands, angle
// brackets and plus signs in titles, texts and names, a date with a
// positive offset, long paragraphs, several reports per session and per
// topic, a state speaking on behalf of a group, stakeholders.
var listsArchive = sessions + archivetest.Topic +
	"-- content/reports/2024/a.md --\n+++\ntitle = \"France's \\\"view\\\" <on> A&B + C\"\ndate = 2024-03-04T10:00:00+02:00\nsession = \"s1\"\n+++\n" +
	"France & Chile backed the *PoA* (\"it's > nothing\") + more.\n\n- Kenya — «no», said Kenya's delegate.\n- Brazil abstained on the PoA.\n\n" +
	"Peru closed. France spoke at length on the Programme of Action, and then at greater length, and then France again, with words 'quoted' & more < less.\n" +
	"-- content/reports/2024/b.md --\n+++\ntitle = \"Second\"\ndate = 2024-03-05T09:00:00Z\nsession = \"s1\"\n+++\n" +
	"France and Kenya discussed the PoA. " + "Long text follows here without end. " + "Long text follows here without end. " +
	"Long text follows here without end. Long text follows here without end. Long text follows here without end. Long text follows here without end. Long text follows here without end.\n\n" +
	strings.Repeat("Words before the name. ", 12) + "Then France spoke, " + strings.Repeat("and words after it. ", 12) + "\n" +
	"-- content/reports/2024/c.md --\n+++\ntitle = \"Third\"\ndate = 2024-03-12T09:00:00-05:00\nsession = \"s2\"\n+++\n" +
	"Kenya & France on the PoA.\n\nFrance alone.\n\nEgypt, on behalf of the Arab Group, stressed the PoA.\n\n" +
	"Let's Talk Cyber and the Korea Internet & Security Agency called for action; France agreed.\n"

// forced overrides the lists' partials with copies that differ from the
// bundled ones only by a comment, which forces the template path.
func forced(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{lists.SessionPartial, lists.StatementPartial, lists.TopicPartial, lists.MarkPartial} {
		src, err := os.ReadFile("../../themes/default/layouts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: append(src, "{{/* forced */}}"...)}
	}
	return fsys
}

// TestListsFastPathIsThePartials renders a whole site with the lists
// written in Go and with the theme's partials forced, minified and not,
// and compares every file.
func TestListsFastPathIsThePartials(t *testing.T) {
	s := archivetest.Site(t, listsArchive)
	for _, m := range []*minify.M{nil, publish.TemplateMinifier()} {
		fast, err := render.LoadTheme(os.DirFS("../../themes/default"), nil, m)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := render.LoadTheme(os.DirFS("../../themes/default"), forced(t), m)
		if err != nil {
			t.Fatal(err)
		}
		if a, b, c := render.FastLists(fast); !a || !b || !c {
			t.Fatalf("the bundled theme's lists are not written in Go: %v %v %v", a, b, c)
		}
		if a, b, c := render.FastLists(slow); a || b || c {
			t.Fatalf("overridden partials are written in Go: %v %v %v", a, b, c)
		}
		want := renderAll(t, s, fast, nil)
		got := renderAll(t, s, slow, nil)
		if len(got) != len(want) {
			t.Fatalf("%d files, want %d", len(got), len(want))
		}
		lists := 0
		for path, w := range want {
			if !bytes.Equal(got[path].data, w.data) {
				t.Errorf("%s (minified %v): the partials give\n%s\nGo gives\n%s", path, m != nil, got[path].data, w.data)
			}
			if bytes.Contains(w.data, []byte(`<a class=para href=`)) || bytes.Contains(w.data, []byte(`<p class=meta><a href=`)) {
				lists++
			}
		}
		for _, w := range []string{"states/egypt/index.html", "groups/arab-group/index.html", "reports/c/index.html"} {
			if !bytes.Contains(want[w].data, []byte("arab-group/")) {
				t.Errorf("%s does not link to the Arab Group", w)
			}
		}
		if !bytes.Contains(want["reports/c/index.html"].data, []byte("Let&#39;s Talk Cyber")) {
			t.Errorf("report c lacks its stakeholder's name, escaped:\n%s", want["reports/c/index.html"].data)
		}
		if lists < 4 {
			t.Errorf("only %d files show a list of statements", lists)
		}
		page := string(want["states/france/index.html"].data)
		for _, w := range []string{"France's \"view\" &lt;on> A&amp;B + C", `datetime="2024-03-04T10:00:00&#43;02:00"`, "<p>… Words", "and …</p>"} {
			if !strings.Contains(page, w) {
				t.Errorf("France's page lacks %q", w)
			}
		}
	}
}
