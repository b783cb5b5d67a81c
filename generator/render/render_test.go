package render_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// theme is the bundled default theme, from the repository's themes/.
func theme(t *testing.T) *render.Theme {
	t.Helper()
	th, err := render.LoadTheme(os.DirFS("../../themes/default"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// file is an output rendered: its bytes, and its parts' when it has parts.
type file struct {
	output render.Output
	data   []byte
	parts  map[string][]byte
}

// renderAll renders every output of s with th, reading what the Site does
// not hold from texts.
func renderAll(t *testing.T, s *generator.Site, th *render.Theme, texts *bodies.Store) map[string]file {
	t.Helper()
	out := map[string]file{}
	for _, o := range render.New(s, th, markdown.New(s.BasePath), texts).Outputs() {
		f := file{output: o}
		var b bytes.Buffer
		if o.Parts == nil {
			if err := o.Render(&b); err != nil {
				t.Fatalf("%s: %v", o.Path, err)
			}
		} else {
			f.parts = map[string][]byte{}
			for _, p := range o.Parts {
				var pb bytes.Buffer
				if err := p.Render(&pb); err != nil {
					t.Fatalf("%s, part %s: %v", o.Path, p.Name, err)
				}
				f.parts[p.Name] = pb.Bytes()
				b.Write(pb.Bytes())
			}
		}
		f.data = b.Bytes()
		out[o.Path] = f
	}
	return out
}

// report is a report file of session key dated 2024-03-day.
func report(slug, session string, day int, front, body string) string {
	return fmt.Sprintf("-- content/reports/2024/%s.md --\n+++\ntitle = %q\ndate = 2024-03-%02dT10:00:00Z\nsession = %q\n%s+++\n%s\n",
		slug, "Report "+slug, day, session, front, body)
}

const sessions = archivetest.Session + "-- content/sessions/s2.md --\n+++\ntitle = \"Second session\"\nstart = 2024-03-11\nend = 2024-03-15\n+++\n"

// TestBodiesKeptRenderTheSame checks that a Site whose report bodies are
// kept as HTML and whose texts are kept in a store renders every file
// byte for byte as a Site that holds its Markdown and texts.
func TestBodiesKeptRenderTheSame(t *testing.T) {
	archive := sessions + archivetest.Topic +
		report("a", "s1", 4, "", "France & Chile backed the *PoA*.\n\n## Views\n\n- Kenya — «no».\n- Brazil abstained.") +
		report("b", "s1", 5, "", "Peru closed [the session](/sessions/s1/). "+strings.Repeat("France spoke at length. ", 30))
	th := theme(t)
	want := renderAll(t, archivetest.Site(t, archive), th, nil)
	store, err := bodies.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s, problems := archivetest.Load(t, archive, site.Options{Bodies: store, KeepTexts: true})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := renderAll(t, s, th, store)
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for path, w := range want {
		if !bytes.Equal(got[path].data, w.data) {
			t.Errorf("%s differs when bodies and texts are kept", path)
		}
	}
}
