package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/search/engine"
)

// TestOpenRefusesDamagedIndex garbles one byte of a segment of a copy of
// the test index: Open refuses it with a message naming the folder and
// saying to rebuild, where bleve alone would open it and answer wrongly.
func TestOpenRefusesDamagedIndex(t *testing.T) {
	_, one := fixture(t)
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if err := os.CopyFS(dir, os.DirFS(one)); err != nil {
		t.Fatal(err)
	}
	ix, err := engine.Open(dir)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	_ = ix.Close()
	segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment")
	}
	data, err := os.ReadFile(segs[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/3] ^= 0x01
	if err := os.WriteFile(segs[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = engine.Open(dir)
	if err == nil {
		t.Fatal("a damaged index opened")
	}
	for _, w := range []string{dir, filepath.Base(segs[0]), "damaged", "rebuild"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}
