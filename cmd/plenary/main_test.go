package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/content"
)

// archive copies the bundled sessions and topics, without reports, into a
// temporary archive root.
func archive(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content/processes", "content/sessions", "content/topics"} {
		entries, err := os.ReadDir(filepath.Join("..", "..", dir))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join("..", "..", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, dir, e.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	config, err := os.ReadFile(filepath.Join("..", "..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config.toml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestImport(t *testing.T) {
	root := archive(t)
	seed := filepath.Join("testdata", "002_056ffee859feaccf.txt")
	code, out, errs := runCmd(t, "import", "--source", root, seed)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	const rel = "content/reports/2022/2022-04-01-oewg-2021-2025-regular-institutional-dialogue.md"
	for _, want := range []string{
		"wrote " + rel,
		"session: oewg-2021-2025-s2",
		"states (23): Argentina, Australia, Austria, Brazil, Canada, Chile, Colombia, Cuba, Egypt, El Salvador, European Union, France, Iran",
		"programme-of-action",
		"regular-institutional-dialogue",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	written, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	if f, err := content.Split(rel, written); err != nil || !bytes.Contains(f.Front, []byte("date = 2022-04-01T14:00:00-04:00")) {
		t.Errorf("written front matter: %v\n%s", err, written)
	}

	// A second import skips the report, and says how to replace it.
	code, out, errs = runCmd(t, "import", "--source", root, seed)
	if code != 0 || !strings.Contains(out, "skipped "+seed+": "+rel+" exists (pass --force to replace it)") {
		t.Errorf("second import: exit %d, %q %q", code, out, errs)
	}
	if err := os.WriteFile(filepath.Join(root, rel), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs = runCmd(t, "import", "--source", root, "--force", seed); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, errs)
	}
	if again, _ := os.ReadFile(filepath.Join(root, rel)); !bytes.Equal(again, written) {
		t.Error("--force did not restore the imported text")
	}

	// The informal consultation falls within two sessions: the importer
	// asks which, and --session settles it.
	other := filepath.Join("testdata", "000_40c22cd45038eae6.txt")
	code, _, errs = runCmd(t, "import", "--source", root, other)
	if code != 1 || !strings.Contains(errs, "oewg-2021-2025-s1") || !strings.Contains(errs, "--session") {
		t.Errorf("ambiguous session: exit %d, %q", code, errs)
	}
	code, out, errs = runCmd(t, "import", "--source", root, "--session", "oewg-2021-2025-stakeholders-2021-12", other)
	if code != 0 || !strings.Contains(out, "states (0): none") {
		t.Errorf("with --session: exit %d\n%s%s", code, out, errs)
	}

	// The imported archive builds.
	dest := filepath.Join(t.TempDir(), "site")
	if code, out, errs = runCmd(t, "build", "--source", root, "--dest", dest); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "built 2 reports") {
		t.Errorf("build output: %s", out)
	}
	if !strings.Contains(errs, `"Columbia" is a misspelling of Colombia`) {
		t.Errorf("the misspelling warning is missing: %s", errs)
	}
}

func TestBuildFailsWithPositions(t *testing.T) {
	root := archive(t)
	bad := filepath.Join(root, "content/reports/2022/bad.md")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("+++\ntitle = \"Bad\"\ndate = 2022-04-01\nsession = \"oewg-2021-2025-s22\"\n+++\nFrance spoke.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "build", "--source", root, "--dest", filepath.Join(root, "public"))
	want := `content/reports/2022/bad.md:4: unknown session "oewg-2021-2025-s22" (did you mean oewg-2021-2025-s2?)`
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %s", code, errs, want)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("a failed build wrote public/")
	}
}

func TestUsage(t *testing.T) {
	if code, _, errs := runCmd(t); code != 2 || !strings.Contains(errs, "usage") {
		t.Errorf("no arguments: exit %d %q", code, errs)
	}
	if code, _, errs := runCmd(t, "frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d %q", code, errs)
	}
}

// TestBuildForAnotherAddress builds the site for the address a host serves
// it at, as the publish workflow does, and quietly.
func TestBuildForAnotherAddress(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{"content/reports/2022/good.md": good + "\nColumbia agreed.\n"})
	dest := filepath.Join(t.TempDir(), "site")
	code, out, errs := runCmd(t, "build", "--source", root, "--dest", dest, "--quiet", "--base-url", "https://example.github.io/archive/")
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("exit %d; a quiet build printed %q %q", code, out, errs)
	}
	sitemap, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil || !strings.Contains(string(sitemap), "<loc>https://example.github.io/archive/reports/good/</loc>") {
		t.Errorf("the sitemap does not use the given address: %v\n%.300s", err, sitemap)
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !strings.Contains(string(home), `href="/archive/reports/good/"`) {
		t.Error("links are not under the given address's path")
	}
}
