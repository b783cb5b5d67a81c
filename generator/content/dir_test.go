package content_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator/content"
)

// plant makes files (path → text; a text starting with "->" is a symbolic
// link to the rest) under dir.
func plant(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(text, "->"); ok {
			err = os.Symlink(target, path)
		} else {
			err = os.WriteFile(path, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestRootConfines reads through an archive's root: files and links that
// stay inside are read, links that lead outside fail with a LinkError
// naming the link, whether it is the file or a folder on its way.
func TestRootConfines(t *testing.T) {
	outside := t.TempDir()
	plant(t, outside, map[string]string{"secret.txt": "secret", "dir/secret.txt": "secret"})
	dir := t.TempDir()
	plant(t, dir, map[string]string{
		"config.toml":                    "",
		"layouts/partials/footer.html":   "footer",
		"layouts/partials/inside.html":   "->footer.html",
		"layouts/partials/climbing.html": "->../../shared/header.html",
		"shared/header.html":             "header",
		"layouts/linked":                 "->../shared",
		"static/absolute.txt":            "->" + filepath.Join(outside, "secret.txt"),
		"static/relative.txt":            "->../../" + filepath.Base(outside) + "/secret.txt",
		"static/dangling.txt":            "->" + filepath.Join(outside, "none.txt"),
		"static/folder":                  "->" + filepath.Join(outside, "dir"),
		"static/missing-inside.txt":      "->nowhere.txt",
	})
	root, err := content.OpenRoot(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fsys := root.FS()
	for name, want := range map[string]string{
		"layouts/partials/footer.html":   "footer",
		"layouts/partials/inside.html":   "footer",
		"layouts/partials/climbing.html": "header",
		"layouts/linked/header.html":     "header",
	} {
		if data, err := fs.ReadFile(fsys, name); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v; want %q", name, data, err, want)
		}
		if _, err := fs.Stat(fsys, name); err != nil {
			t.Errorf("stat %s: %v", name, err)
		}
	}
	for name, link := range map[string]string{
		"static/absolute.txt":      "static/absolute.txt",
		"static/relative.txt":      "static/relative.txt",
		"static/dangling.txt":      "static/dangling.txt",
		"static/folder/secret.txt": "static/folder",
		"static/folder":            "static/folder",
	} {
		for op, read := range map[string]func() error{
			"read": func() error { _, err := fs.ReadFile(fsys, name); return err },
			"stat": func() error { _, err := fs.Stat(fsys, name); return err },
			"open": func() error { _, err := fsys.Open(name); return err },
		} {
			var le *content.LinkError
			if err := read(); !errors.As(err, &le) || le.Path != link || !strings.Contains(err.Error(), link+": a symbolic link to ") {
				t.Errorf("%s %s: %v, want a LinkError naming %s", op, name, err, link)
			}
		}
	}
	if _, err := fs.ReadFile(fsys, "static/missing-inside.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dangling link inside: %v, want not found", err)
	}
	// A walk lists the links without following them, sorted.
	var names []string
	if err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, " "); got != "static static/absolute.txt static/dangling.txt static/folder static/missing-inside.txt static/relative.txt" {
		t.Errorf("walk: %s", got)
	}
}

// TestOpenRootSample checks that a folder without an archive reads as the
// sample, and one with either config.toml or content/ as itself.
func TestOpenRootSample(t *testing.T) {
	sample := fstest.MapFS{"config.toml": {Data: []byte("title = \"Sample\"")}}
	for files, wantSample := range map[string]bool{"": true, "config.toml": false, "content/topics/x.md": false, "notes.txt": true} {
		dir := t.TempDir()
		if files != "" {
			plant(t, dir, map[string]string{files: ""})
		}
		root, err := content.OpenRoot(dir, sample)
		if err != nil {
			t.Fatal(err)
		}
		if root.Sample() != wantSample || (root.CacheDir() == "") != wantSample {
			t.Errorf("%q: sample %v, cache %q", files, root.Sample(), root.CacheDir())
		}
		root.Close()
	}
	if _, err := content.OpenRoot(filepath.Join(t.TempDir(), "none"), sample); err == nil {
		t.Error("a missing folder opened")
	}
}
