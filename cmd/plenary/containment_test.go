package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is what a file outside the archive holds: no byte of it may reach
// the site.
const secret = "SECRET-OUTSIDE-THE-ARCHIVE"

// published tells whether any file of the site at dir, a link to the
// version published, holds secret.
func published(t *testing.T, dir string) bool {
	t.Helper()
	found := false
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			found = found || bytes.Contains(data, []byte(secret))
		}
		return nil
	})
	return found
}

// TestLinksOutsideRefused plants a symbolic link to a file outside the
// archive where a build reads (a theme's static file, a layout override, a
// report) and checks that build and check fail with an error naming the
// link, and that nothing of the file is published.
func TestLinksOutsideRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte(secret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, link string
		files      map[string]string
	}{
		{"theme static file", "themes/default/static/leak.txt", map[string]string{"themes/default/static/x.txt": "x"}},
		{"layout override", "layouts/partials/footer.html", nil},
		{"report", "content/reports/2022/leak.md", nil},
		{"report folder", "content/reports/2023", nil},
		{"layouts folder", "layouts", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := archive(t)
			write(t, root, map[string]string{"content/reports/2022/good.md": good})
			write(t, root, tc.files)
			if tc.name == "theme static file" {
				copyTheme(t, root)
			}
			target := outside
			if strings.HasSuffix(tc.name, "folder") {
				target = filepath.Dir(outside)
				write(t, filepath.Dir(outside), map[string]string{"2024-01-01-x.md": "+++\ntitle = \"" + secret + "\"\n+++\n" + secret + "\n", "partials/footer.html": secret})
			}
			link := filepath.Join(root, filepath.FromSlash(tc.link))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(t.TempDir(), "site")
			code, _, errs := runCmd(t, "build", "--source", root, "--dest", dest)
			if published(t, dest) {
				t.Fatalf("the site publishes the file behind %s", tc.link)
			}
			if tc.name == "report folder" {
				// A linked folder is not walked into, as before: its
				// reports are neither read nor refused.
				if code != 0 {
					t.Errorf("build: exit %d\n%s", code, errs)
				}
				return
			}
			if code != 1 || !strings.Contains(errs, tc.link+": ") || !strings.Contains(errs, "outside the archive") {
				t.Errorf("build: exit %d, the error does not name %s:\n%s", code, tc.link, errs)
			}
			if !strings.HasPrefix(tc.link, "content/") {
				return
			}
			code, out, _ := runCmd(t, "check", "--source", root)
			if code != 1 || !strings.Contains(out, tc.link+": ") {
				t.Errorf("check: exit %d, the error does not name %s:\n%s", code, tc.link, out)
			}
		})
	}
}

// TestLinksInsideFollowed checks that links which stay inside the archive
// still work: a layout override that links to a file of the archive.
func TestLinksInsideFollowed(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{
		"content/reports/2022/good.md": good,
		"shared/footer.html":           `<footer>A footer of the archive's own</footer>`,
	})
	if err := os.MkdirAll(filepath.Join(root, "layouts/partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../shared/footer.html", filepath.Join(root, "layouts/partials/footer.html")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd(t, "build", "--source", root, "--dest", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !bytes.Contains(home, []byte("A footer of the archive's own")) {
		t.Error("the linked layout was not used")
	}
}

// copyTheme copies the repository's default theme into the archive, so
// that it has a themes/default/static/ of its own.
func copyTheme(t *testing.T, root string) {
	t.Helper()
	src := filepath.Join("..", "..", "themes", "default")
	if err := os.CopyFS(filepath.Join(root, "themes", "default"), os.DirFS(src)); err != nil && !os.IsExist(err) {
		t.Fatal(err)
	}
}

// TestNestedMarkersBuild checks and builds a report of 40,000 nested list
// markers, which took over a minute before nesting was bounded.
func TestNestedMarkersBuild(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{
		"content/reports/2022/nested.md": "+++\ntitle = \"Nested\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\n" + strings.Repeat("- ", 40000) + "France spoke.\n",
	})
	if code, out, errs := runCmd(t, "check", "--source", root); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errs)
	}
	dest := filepath.Join(t.TempDir(), "site")
	if code, out, errs := runCmd(t, "build", "--source", root, "--dest", dest, "--quiet"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errs)
	}
	page, err := os.ReadFile(filepath.Join(dest, "reports/nested/index.html"))
	if err != nil || !bytes.Contains(page, []byte("France spoke.")) {
		t.Errorf("the report page lacks its text: %v", err)
	}
}

// TestReportSizeLimit checks that a report over [build] maxReportSize is
// refused with the file and the limit named.
func TestReportSizeLimit(t *testing.T) {
	root := archive(t)
	config, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, root, map[string]string{
		"config.toml":                  string(config) + "\n[build]\nmaxReportSize = \"1 KiB\"\n",
		"content/reports/2022/good.md": good,
		"content/reports/2022/big.md":  strings.Replace(good, "France spoke.", strings.Repeat("France spoke. ", 100), 1),
	})
	want := "content/reports/2022/big.md: the file is 1.5 KiB (1505 bytes), over the limit of 1 KiB (split it into several reports, or raise [build] maxReportSize in config.toml)"
	code, out, _ := runCmd(t, "check", "--source", root)
	if code != 1 || !strings.Contains(out, want) || strings.Contains(out, "good.md") {
		t.Errorf("check: exit %d, want %q:\n%s", code, want, out)
	}
	code, _, errs := runCmd(t, "build", "--source", root, "--dest", filepath.Join(t.TempDir(), "site"))
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("build: exit %d, want %q:\n%s", code, want, errs)
	}
}
