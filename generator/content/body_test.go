package content

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTakeBody hands a report's body over, keeps its front matter, and
// reads the body again from the archive, refusing one that changed since.
func TestTakeBody(t *testing.T) {
	const report = "+++\ntitle = \"A\"\ndate = 2024-03-04\nsession = \"s\"\n+++\n\nFrance spoke.\n"
	fsys := fstest.MapFS{
		"content/sessions/s.md":     {Data: []byte("+++\ntitle = \"S\"\nstart = 2024-03-04\nend = 2024-03-08\n+++\n")},
		"content/reports/2024/a.md": {Data: []byte(report)},
	}
	a, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	f := a.Reports[0]
	front := string(f.File.Front)
	body := f.TakeBody()
	if string(body) != "\nFrance spoke.\n" {
		t.Fatalf("body %q", body)
	}
	if f.Body != nil || string(f.File.Front) != front {
		t.Errorf("after TakeBody: body %q, front %q", f.Body, f.File.Front)
	}
	if again := f.TakeBody(); again != nil {
		t.Errorf("a second TakeBody gave %q", again)
	}
	again, err := ReadBody(a.Root, f.Path, f.Hash)
	if err != nil || !bytes.Equal(again, body) {
		t.Errorf("read again: %q, %v", again, err)
	}
	fsys["content/reports/2024/a.md"].Data = []byte(strings.Replace(report, "France", "Chile", 1))
	if _, err := ReadBody(a.Root, f.Path, f.Hash); err == nil || !strings.Contains(err.Error(), "changed while the site was built") {
		t.Errorf("a changed source read again: %v", err)
	}
}
