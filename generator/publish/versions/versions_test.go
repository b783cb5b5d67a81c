package versions

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// files writes files (path → content) under dir.
func files(t *testing.T, dir string, fs map[string]string) {
	t.Helper()
	for p, data := range fs {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// read reads every file under dir, following the links of dir itself and
// of its entries as a reader does.
func read(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(path, rel string)
	walk = func(path, rel string) {
		entries, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p, r := filepath.Join(path, e.Name()), filepath.ToSlash(filepath.Join(rel, e.Name()))
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				walk(p, r)
				continue
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[r] = string(data)
		}
	}
	walk(dir, "")
	return out
}

// publish opens the versions, has write write the slot, and commits.
func publish(t *testing.T, dest, index string, update bool, write func(s *Set) Changes) *Set {
	t.Helper()
	s, err := Open(dest, index, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if update {
		if err := s.Mirror(func(rel string) bool { return strings.HasSuffix(rel, ".csv") }); err != nil {
			t.Fatal(err)
		}
	}
	c := write(s)
	if err := s.Commit(c); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVersionsAlternate(t *testing.T) {
	root := t.TempDir()
	dest, index := filepath.Join(root, "public"), filepath.Join(root, "archive", "search.bleve")
	v1 := map[string]string{"index.html": "home 1", "reports/a/index.html": "a", "reports/b/index.html": "b", "data/s.csv": "rows 1\n"}
	publish(t, dest, index, false, func(s *Set) Changes {
		if site, idx := s.Previous(); site != "" || idx != "" {
			t.Errorf("a first build finds a previous version: %q %q", site, idx)
		}
		files(t, s.Site(), v1)
		files(t, s.Index(), map[string]string{"index_meta.json": "meta 1", "store/1.zap": "segment 1"})
		return Changes{Full: true}
	})
	if got := read(t, dest); !reflect.DeepEqual(got, v1) {
		t.Fatalf("published %v, want %v", got, v1)
	}
	if target, err := os.Readlink(dest); err != nil || target != ".public.versions/current/site" {
		t.Errorf("the destination is %q (%v), want a link through current", target, err)
	}
	if st, err := os.Lstat(index); err != nil || !st.IsDir() {
		t.Fatalf("the index is not a folder: %v", err)
	}
	if got := read(t, index); got["store/1.zap"] != "segment 1" || got["index_meta.json"] != "meta 1" {
		t.Errorf("the index folder shows %v", got)
	}
	if real, err := Resolve(index); err != nil || real != filepath.Join(Folder(dest), "a", "index") {
		t.Errorf("the index resolves to %q (%v)", real, err)
	}

	// An update: the slot is made a copy of the published site by links,
	// files made of parts are copied, and one page changes.
	v2 := map[string]string{"index.html": "home 2", "reports/a/index.html": "a", "data/s.csv": "rows 1\nrows 2\n"}
	publish(t, dest, index, true, func(s *Set) Changes {
		prev, prevIndex := s.Previous()
		if prev != filepath.Join(Folder(dest), "a", "site") || prevIndex == "" {
			t.Errorf("the previous version is %q %q", prev, prevIndex)
		}
		a, _ := os.Stat(filepath.Join(prev, "reports/a/index.html"))
		b, _ := os.Stat(filepath.Join(s.Site(), "reports/a/index.html"))
		if a == nil || b == nil || !os.SameFile(a, b) {
			t.Error("an unchanged page is not a link to the published one")
		}
		if st, _ := os.Stat(filepath.Join(s.Site(), "data/s.csv")); st == nil || Shared(st) {
			t.Error("a file made of parts is not the slot's own")
		}
		files(t, s.Site(), map[string]string{"index.html": "home 2"})
		f, err := os.OpenFile(filepath.Join(s.Site(), "data/s.csv"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("rows 2\n")
		f.Close()
		if err := s.Remove([]string{"reports/b/index.html"}); err != nil {
			t.Fatal(err)
		}
		files(t, s.Index(), map[string]string{"index_meta.json": "meta 2", "store/2.zap": "segment 2"})
		return Changes{Written: []string{"index.html"}, Removed: []string{"reports/b/index.html"}, Parts: map[string]int64{"data/s.csv": 7}}
	})
	if got := read(t, dest); !reflect.DeepEqual(got, v2) {
		t.Fatalf("published %v, want %v", got, v2)
	}
	if got := read(t, index); got["store/2.zap"] != "segment 2" || got["store/1.zap"] != "" {
		t.Errorf("the index folder shows %v", got)
	}
	if _, err := os.Stat(filepath.Join(Folder(dest), "b", "site", "reports", "b")); err == nil {
		t.Error("a removed page left its folder")
	}

	// The next update finds slot a by the state file's list alone.
	s, err := Open(dest, index, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.diff == nil {
		t.Fatal("the state file's list of differences was not read")
	}
	var listed []string
	listed = append(listed, s.diff.files...)
	sort.Strings(listed)
	if want := []string{"index.html", "reports/b/index.html"}; !reflect.DeepEqual(listed, want) || s.diff.parts["data/s.csv"] != 7 {
		t.Errorf("differences %v %v, want %v and data/s.csv from 7", listed, s.diff.parts, want)
	}
	if err := s.Mirror(func(string) bool { return false }); err != nil {
		t.Fatal(err)
	}
	if got := read(t, s.Site()); !reflect.DeepEqual(got, v2) {
		t.Errorf("the slot brought up to date holds %v, want %v", got, v2)
	}
	s.Close()
}

// TestMigrate turns a site and an index written before versions into the
// published version without changing what they show.
func TestMigrate(t *testing.T) {
	root := t.TempDir()
	dest, index := filepath.Join(root, "public"), filepath.Join(root, "search.bleve")
	site := map[string]string{"index.html": "old home", ".gitkeep": "", "reports/a/index.html": "a"}
	idx := map[string]string{"index_meta.json": "meta", "store/1.zap": "segment", "plenary-site.json": "{}"}
	files(t, dest, site)
	files(t, index, idx)
	files(t, root, map[string]string{".public.new-123/x": "left by a killed build", ".search.bleve.new-9/y": "too"})
	s, err := Open(dest, index, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, dest); !reflect.DeepEqual(got, site) {
		t.Errorf("after the migration the site shows %v, want %v", got, site)
	}
	if got := read(t, index); !reflect.DeepEqual(got, idx) {
		t.Errorf("after the migration the index shows %v, want %v", got, idx)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".*.new-*")); len(left) > 0 {
		t.Errorf("left by killed builds and not removed: %v", left)
	}
	if prev, _ := s.Previous(); prev != filepath.Join(Folder(dest), "b", "site") {
		t.Errorf("the previous version is %q", prev)
	}
	files(t, s.Site(), map[string]string{"index.html": "new home"})
	if err := os.MkdirAll(s.Index(), 0o755); err != nil {
		t.Fatal(err)
	}
	files(t, s.Index(), map[string]string{"index_meta.json": "meta 2"})
	if err := s.CarryDotFiles(); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(Changes{Full: true}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got, want := read(t, dest), map[string]string{"index.html": "new home", ".gitkeep": ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	if got := read(t, index); !reflect.DeepEqual(got, map[string]string{"index_meta.json": "meta 2"}) {
		t.Errorf("the index folder shows %v", got)
	}
}

// TestNotCommitted checks that a build that stops before Commit leaves the
// published version as it was, and that a slot made for it goes.
func TestNotCommitted(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	s, err := Open(dest, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	files(t, s.Site(), map[string]string{"index.html": "never published"})
	s.Close()
	if _, err := os.Lstat(dest); err == nil {
		t.Error("a build that did not commit made the destination")
	}
	if _, err := os.Stat(filepath.Join(Folder(dest), "a")); err == nil {
		t.Error("the slot made for a build that did not commit is still there")
	}
}

func TestPrune(t *testing.T) {
	root := t.TempDir()
	s, err := Open(filepath.Join(root, "public"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	files(t, s.Site(), map[string]string{"a/b/c.html": "", "a/d.html": "", "e.html": "", ".keep": ""})
	if err := s.Prune(func(rel string) bool { return rel == "a/d.html" || rel == ".keep" }); err != nil {
		t.Fatal(err)
	}
	if got := read(t, s.Site()); !reflect.DeepEqual(got, map[string]string{"a/d.html": "", ".keep": ""}) {
		t.Errorf("after pruning: %v", got)
	}
	if _, err := os.Stat(filepath.Join(s.Site(), "a", "b")); err == nil {
		t.Error("an emptied folder stayed")
	}
}

func TestStateFile(t *testing.T) {
	dir := t.TempDir()
	c := &Changes{Written: []string{"b.html", "a/x.html"}, Removed: []string{"c.html"}, Parts: map[string]int64{"data/s.csv": 42}}
	if err := writeState(dir, "b", c); err != nil {
		t.Fatal(err)
	}
	if d := readState(dir, "a"); d != nil {
		t.Error("a state file written for slot b was read for slot a")
	}
	d := readState(dir, "b")
	if d == nil || !reflect.DeepEqual(d.files, []string{"a/x.html", "b.html", "c.html"}) || d.parts["data/s.csv"] != 42 {
		t.Fatalf("read back %+v", d)
	}
	for _, bad := range []string{
		stateHeader + "\ncurrent b\nf ../outside\n",
		stateHeader + "\ncurrent b\np x data/s.csv\n",
		stateHeader + "\ncurrent b\nunknown\n",
		stateHeader + "\ncurrent b\nz what\n",
		"another header\ncurrent b\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, stateFile), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if d := readState(dir, "b"); d != nil {
			t.Errorf("%q was read as %+v", bad, d)
		}
	}
}

// TestHeldByAnother checks that a second Open waits for the first, or,
// without waiting, says who holds the versions.
func TestHeldByAnother(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Open(dest, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dest, "", Options{NoWait: true}); err == nil || !strings.Contains(err.Error(), "holds") {
		t.Errorf("a second Open without waiting: %v", err)
	}
	first.Close()
	second, err := Open(dest, "", Options{NoWait: true})
	if err != nil {
		t.Fatal(err)
	}
	second.Close()
}

// FuzzVersionsState holds the state file's reader to never panicking and
// to never listing a path that leaves the site.
func FuzzVersionsState(f *testing.F) {
	f.Add([]byte(stateHeader + "\ncurrent a\nf index.html\np 12 data/s.csv\n"))
	f.Add([]byte(stateHeader + "\ncurrent a\nunknown\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := parseState(data, "a")
		if d == nil {
			return
		}
		for _, p := range d.files {
			if !local(p) {
				t.Fatalf("%q leaves the site", p)
			}
		}
		for p, n := range d.parts {
			if !local(p) || n < 0 {
				t.Fatalf("%q %d", p, n)
			}
		}
	})
}
