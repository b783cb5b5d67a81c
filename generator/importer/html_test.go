package importer

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseHTML(t *testing.T) {
	im, err := New(Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("webpage/testdata/hostile.html")
	if err != nil {
		t.Fatal(err)
	}
	r, err := im.ParseHTML("hostile.html", data)
	if err != nil {
		t.Fatal(err)
	}
	src := string(r.Source("s"))
	for _, bad := range []string{"tracker", "alert", "javascript", "onerror", "Subscribe", "Tweet", "cookies"} {
		if strings.Contains(src, bad) {
			t.Errorf("the source keeps %q:\n%s", bad, src)
		}
	}
	for _, want := range []string{"title = 'OEWG – Hostile page'", "date = 2022-03-29T15:00:00Z", "kind = 'event-report'",
		"\n\nEstonia warned about attacks on hospitals.\n\nColombia described its team.\n\n- first item;\n- second item.\n"} {
		if !strings.Contains(src, want) {
			t.Errorf("the source lacks %q:\n%s", want, src)
		}
	}
	if r.Paragraphs != 4 {
		t.Errorf("%d paragraphs, want 4", r.Paragraphs)
	}
}
