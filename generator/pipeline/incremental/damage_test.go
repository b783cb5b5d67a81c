package incremental

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// saveAll writes every file of a cache for the two-report archive, as a
// build does.
func saveAll(t *testing.T, dir string) {
	t.Helper()
	src := t.TempDir()
	if err := os.CopyFS(src, archivetest.FS(twoReports)); err != nil {
		t.Fatal(err)
	}
	c := Open(dir, true)
	a, err := content.LoadKnown(os.DirFS(src), c.Known())
	if err != nil {
		t.Fatal(err)
	}
	s, problems := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: markdown.New(a.Config.BasePath), Cache: c.Detections(a.Config, a, "speakers v1")})
	if len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
	p := c.Plan(s, "global", "/srv/public")
	p.Record(nil, publish.Stats{Sizes: map[string]int64{"index.html": 10}})
	// A load long past the files' changes trusts their stamps.
	c.Save(p, a, time.Now().Add(time.Hour))
}

// TestEveryFlippedByteIsSeen flips each byte of every file of a small
// cache in turn: each time the file is reported damaged, nothing of it is
// used, and the build it would serve renders everything.
func TestEveryFlippedByteIsSeen(t *testing.T) {
	dir := t.TempDir()
	saveAll(t, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	kinds := map[string]bool{}
	for _, name := range names {
		kinds[name[:3]] = true
	}
	if !kinds["sou"] || !kinds["sit"] || !kinds["det"] {
		t.Fatalf("the cache lacks a kind of file: %v", names)
	}
	bits := []byte{0x01, 0x80}
	if testing.Short() {
		bits = bits[:1]
	}
	flips := 0
	for _, name := range names {
		path := filepath.Join(dir, name)
		good, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range good {
			for _, bit := range bits {
				bad := append([]byte(nil), good...)
				bad[i] ^= bit
				if err := os.WriteFile(path, bad, 0o644); err != nil {
					t.Fatal(err)
				}
				c := Open(dir, false)
				warnings := c.Damaged()
				if len(warnings) != 1 || warnings[0].Path != filepath.Base(dir)+"/"+name {
					t.Fatalf("%s with byte %d flipped (%#x): warnings %v, want one naming it", name, i, bit, warnings)
				}
				if !c.Full("global", "/srv/public") {
					t.Fatalf("%s with byte %d flipped: the build is not full", name, i)
				}
				switch name {
				case sourcesFile:
					if c.sources.entries != nil {
						t.Fatalf("%s with byte %d flipped: its entries are used", name, i)
					}
				case manifestFile:
					if c.manifest() != nil {
						t.Fatalf("%s with byte %d flipped: the manifest is used", name, i)
					}
				}
				flips++
			}
		}
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
		c := Open(dir, false)
		if w := c.Damaged(); len(w) != 0 {
			t.Fatalf("the intact cache is reported damaged: %v", w)
		}
	}
	t.Logf("%d flips in %d files", flips, len(names))
}

// TestOlderCacheIsNoDamage checks that files of an older format, without
// a checksum, are ignored without a warning.
func TestOlderCacheIsNoDamage(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		sourcesFile:   "plenary-sources\n\x40go abc",
		manifestFile:  "plenary-manifest\n\x06",
		shardFile(3):  "plenary-detections\n\x06",
		shardFile(11): "plenary-detections 8\n\x08",
	} {
		b := []byte(data)
		if name == shardFile(11) {
			b = seal(b) // a later format, sealed
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := Open(dir, false)
	if w := c.Damaged(); len(w) != 0 {
		t.Errorf("files of other formats are reported damaged: %v", w)
	}
	if c.sources.entries != nil || c.manifest() != nil {
		t.Error("files of other formats are used")
	}
}

// FuzzCacheFileCheck holds the checks of a cache file's first line and checksum to
// never panicking, and to returning only what a sealed file of this
// format holds.
func FuzzCacheFileCheck(f *testing.F) {
	f.Add(seal([]byte(manifestMagic + "\x07")))
	f.Add([]byte("plenary-manifest\n\x06"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		body, err := check(data, manifestMagic)
		if err != nil {
			return
		}
		if len(body) != len(data)-4 || string(body[:len(manifestMagic)]) != manifestMagic {
			t.Fatalf("check returned %q of %q", body, data)
		}
	})
}
