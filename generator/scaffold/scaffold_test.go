package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTitleSlug(t *testing.T) {
	long := strings.Repeat("Exchange on confidence-building measures and capacity ", 100)
	other := long + "and more"
	tests := []struct {
		title, want string
		err         bool
	}{
		{title: "OEWG 2021-2025 – Regular institutional dialogue", want: "oewg-2021-2025-regular-institutional-dialogue"},
		{title: "*** ??? ***", err: true},
		{title: "", err: true},
		{title: "中文", err: true},
		{title: "Réunion à Genève 中文", want: "reunion-a-geneve"},
		{title: long, want: "exchange-on-confidence-building-measures-and-capacity-"},
	}
	for _, tt := range tests {
		got, err := TitleSlug(tt.title)
		if tt.err {
			if !errors.Is(err, ErrNoSlug) {
				t.Errorf("%q: %q, %v; want ErrNoSlug", tt.title, got, err)
			}
			continue
		}
		if err != nil || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%.40q: %q, %v; want %q…", tt.title, got, err, tt.want)
		}
		if len(got) > MaxSlug+7 {
			t.Errorf("%.40q: slug of %d characters", tt.title, len(got))
		}
	}
	a, _ := TitleSlug(long)
	b, _ := TitleSlug(other)
	if a == b {
		t.Errorf("two long titles share the slug %q", a)
	}
	p, err := ReportPath(time.Date(2022, 3, 29, 10, 0, 0, 0, time.UTC), long)
	if err != nil || !strings.HasPrefix(p, "content/reports/2022/2022-03-29-exchange-on") || len(filepath.Base(p)) > 100 {
		t.Errorf("ReportPath = %q, %v", p, err)
	}
}

func archive(t *testing.T) (string, *Writer) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "reports", "2022"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

func TestWriterContained(t *testing.T) {
	t.Run("writes and refuses to overwrite", func(t *testing.T) {
		dir, w := archive(t)
		if err := w.Create("content/reports/2023/a.md", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "content/reports/2023/a.md")); string(data) != "x" {
			t.Errorf("wrote %q", data)
		}
		if err := w.Create("content/reports/2023/a.md", []byte("y")); !errors.Is(err, ErrExists) {
			t.Errorf("second create: %v", err)
		}
		if err := w.Replace("content/reports/2023/a.md", []byte("z")); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "content/reports/2023/a.md")); string(data) != "z" {
			t.Errorf("replaced with %q", data)
		}
		left, _ := filepath.Glob(filepath.Join(dir, "content/reports/2023/.plenary-*"))
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
	t.Run("a dangling link", func(t *testing.T) {
		dir, w := archive(t)
		outside := filepath.Join(t.TempDir(), "target.md")
		if err := os.Symlink(outside, filepath.Join(dir, "content/reports/2022/a.md")); err != nil {
			t.Fatal(err)
		}
		if err := w.Create("content/reports/2022/a.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("create through a dangling link: %v", err)
		}
		if err := w.Replace("content/reports/2022/a.md", []byte("x")); err == nil {
			t.Error("replace of a dangling link succeeded")
		}
		if _, err := os.Stat(outside); err == nil {
			t.Error("a file was written outside the archive")
		}
	})
	t.Run("a year folder linked elsewhere", func(t *testing.T) {
		dir, w := archive(t)
		elsewhere := t.TempDir()
		if err := os.Symlink(elsewhere, filepath.Join(dir, "content/reports/2025")); err != nil {
			t.Fatal(err)
		}
		if err := w.Create("content/reports/2025/a.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "content/reports/2025 is a symbolic link") {
			t.Errorf("create in a linked folder: %v", err)
		}
		if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
			t.Errorf("wrote outside the archive: %v", entries)
		}
	})
	t.Run("a folder linked inside the archive", func(t *testing.T) {
		dir, w := archive(t)
		if err := os.Symlink("2022", filepath.Join(dir, "content/reports/2026")); err != nil {
			t.Fatal(err)
		}
		if err := w.Create("content/reports/2026/a.md", []byte("x")); err == nil {
			t.Error("wrote through a link inside the archive")
		}
	})
	t.Run("content linked elsewhere", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Symlink(t.TempDir(), filepath.Join(dir, "content")); err != nil {
			t.Fatal(err)
		}
		w, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if err := w.Create("content/reports/2022/a.md", []byte("x")); err == nil {
			t.Error("wrote through a linked content/")
		}
	})
	t.Run("paths outside content", func(t *testing.T) {
		_, w := archive(t)
		for _, rel := range []string{"config.toml", "content/../x.md", "/etc/x", "content/reports/../../x.md", "content//a.md"} {
			if err := w.Create(rel, []byte("x")); err == nil {
				t.Errorf("%s was written", rel)
			}
		}
	})
}

func TestFrontMatter(t *testing.T) {
	got := string(NewReport(`A "quoted" title`, time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC), "s2"))
	want := "+++\ntitle = 'A \"quoted\" title'\ndate = 2022-03-30\nsession = 's2'\nkind = 'event-report'\nstates = []\ntopics = []\nsource = ''\n+++\n\n"
	if got != want {
		t.Errorf("NewReport\n got %q\nwant %q", got, want)
	}
	got = string(NewSession("Meeting", "oewg-2021-2025", time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC), time.Date(2025, 7, 11, 0, 0, 0, 0, time.UTC)))
	if !strings.Contains(got, "process = 'oewg-2021-2025'\nstart = 2025-07-10\nend = 2025-07-11\n") {
		t.Errorf("NewSession %q", got)
	}
	if TitleFromKey("capacity-building") != "Capacity building" || CheckKey("Bad Key") == nil || CheckKey("good-key") != nil {
		t.Error("keys")
	}
}
