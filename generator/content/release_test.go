package content

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRelease lets go of a report's body and reads it again, and refuses
// a body that changed meanwhile.
func TestRelease(t *testing.T) {
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
	before, err := f.ReadBody()
	if err != nil || string(before) != "\nFrance spoke.\n" {
		t.Fatalf("body %q, %v", before, err)
	}
	if n := a.Release(); n != int64(len(front)+len(before)) {
		t.Errorf("released %d bytes, want %d", n, len(front)+len(before))
	}
	if f.Body != nil || string(f.File.Front) != front {
		t.Errorf("after Release: body %q, front %q", f.Body, f.File.Front)
	}
	// The archive counts what its files let go of whenever they did: a
	// build lets go of each source as soon as it is analysed.
	if n := a.Release(); n != int64(len(front)+len(before)) {
		t.Errorf("a second Release says %d bytes, want %d", n, len(front)+len(before))
	}
	if n := f.Release(); n != 0 {
		t.Errorf("a second release of the file let go of %d bytes", n)
	}
	again, err := f.ReadBody()
	if err != nil || !bytes.Equal(again, before) {
		t.Errorf("read again: %q, %v", again, err)
	}
	fsys["content/reports/2024/a.md"].Data = []byte(strings.Replace(report, "France", "Chile", 1))
	if _, err := f.ReadBody(); err == nil || !strings.Contains(err.Error(), "changed while the site was built") {
		t.Errorf("a changed source read again: %v", err)
	}
}
