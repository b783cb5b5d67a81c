package site_test

import (
	"bytes"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/generator/site/detect"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// TestBodiesKept checks that with a body store assembly keeps each report
// body's HTML, the HTML rendering its Markdown gives, and with KeepTexts
// the paragraphs' texts, the texts a Site that holds them has; and that
// the Site holds the Markdown only where asked and no HTML replaces it.
func TestBodiesKept(t *testing.T) {
	archive := archivetest.Session + archivetest.Topic +
		report("a", 4, "", "France & Chile backed the *PoA*.\n\n## Views\n\n- Kenya — «no».\n- Brazil abstained.") +
		report("b", 5, "", "Peru closed [the session](/sessions/s1/).")
	held := archivetest.Site(t, archive)
	md := markdown.New("/")
	for _, tc := range []struct {
		name                    string
		keepTexts, holdMarkdown bool
	}{
		{"texts kept", true, false},
		{"texts held", false, false},
		{"texts kept, Markdown held", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, err := bodies.Open(t.TempDir(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			s, problems := archivetest.Load(t, archive, site.Options{Bodies: store, KeepTexts: tc.keepTexts, HoldMarkdown: tc.holdMarkdown})
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			for i, r := range s.Reports {
				want := held.Reports[i]
				var html bytes.Buffer
				if err := md.HTML(&html, want.Body); err != nil {
					t.Fatal(err)
				}
				got, err := store.HTML(r)
				if err != nil || !bytes.Equal(got, html.Bytes()) {
					t.Errorf("%s: kept HTML %q (%v), want %q", r.Slug, got, err, html.Bytes())
				}
				// The HTML replaces the Markdown: no Site holds both.
				if r.Body != nil {
					t.Errorf("%s: the Site holds the Markdown of a body kept as HTML", r.Slug)
				}
				texts, err := store.Texts(r)
				if err != nil {
					t.Fatal(err)
				}
				for j, p := range r.Paragraphs {
					wantText, _ := want.Paragraphs[j].Held()
					if _, kept := p.Kept(); kept != tc.keepTexts {
						t.Errorf("%s#%s: kept %v, want %v", r.Slug, p.ID, kept, tc.keepTexts)
					}
					if texts[j] != wantText || p.Len() != len(wantText) {
						t.Errorf("%s#%s: text %q (length %d), want %q", r.Slug, p.ID, texts[j], p.Len(), wantText)
					}
				}
			}
		})
	}
}

// cache is a DetectionCache in memory.
type cache map[[32]byte]*detect.Detection

func (c cache) Get(k [32]byte) *detect.Detection    { return c[k] }
func (c cache) Put(k [32]byte, d *detect.Detection) { c[k] = d }

// TestDetectionCache checks that a detection found in the cache is used
// as it is, its report neither parsed nor kept as HTML, and its Markdown
// held only when asked.
func TestDetectionCache(t *testing.T) {
	archive := archivetest.Session + archivetest.Topic + report("a", 4, "", "France spoke.")
	c := cache{}
	first, _ := archivetest.Load(t, archive, site.Options{Cache: c, HoldMarkdown: true})
	if len(c) != 1 {
		t.Fatalf("%d detections cached for one report", len(c))
	}
	for k, det := range c {
		det.Paragraphs[0].Names = []detect.Name{{Code: "CHL", Speaker: true}} // what an old build found
		c[k] = det
	}
	for _, hold := range []bool{false, true} {
		store, err := bodies.Open(t.TempDir(), nil)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := archivetest.Load(t, archive, site.Options{Cache: c, Bodies: store, HoldMarkdown: hold})
		r := s.Reports[0]
		if got := codes(r.Paragraphs[0].States); len(got) != 1 || got[0] != "CHL" {
			t.Errorf("states %v: the cached detection was not used", got)
		}
		if r.HTML != (generator.Span{}) {
			t.Errorf("a report detected from the cache has its HTML kept: %+v", r.HTML)
		}
		if (r.Body != nil) != hold {
			t.Errorf("HoldMarkdown %v: the Site holds the Markdown: %v", hold, r.Body != nil)
		}
		store.Close()
	}
	if first.Reports[0].Body == nil {
		t.Error("a Site without a store does not hold the Markdown asked for")
	}
}
