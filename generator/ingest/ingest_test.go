package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/content"
)

const session = "+++\ntitle = \"S2\"\nstart = 2022-03-28\nend = 2022-04-01\n+++\n"

// archive writes a small archive with one session and returns its root.
func archive(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	write(t, root, map[string]string{
		"config.toml":              "timeZone = \"America/New_York\"\n",
		"content/sessions/s2.md":   session,
		"content/sessions/s11.md":  "+++\ntitle = \"S11\"\nstart = 2025-07-07\nend = 2025-07-11\n+++\n",
		"content/reports/.keep.md": "",
	})
	return root
}

func write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func report(title, date, text string) string {
	return title + "\n\n" + date + "\n\nEvent report\n\n" + text + "\n"
}

func runB(b *testing.B, root string, inputs []string) *Summary {
	b.Helper()
	a, err := content.Load(os.DirFS(root))
	if a == nil {
		b.Fatal(err)
	}
	im, err := NewImporter(a.Config, "")
	if err != nil {
		b.Fatal(err)
	}
	sum, err := Run(context.Background(), a, inputs, Options{Dir: root, Importer: im})
	if err != nil {
		b.Fatal(err)
	}
	return sum
}

func run(t *testing.T, root string, inputs []string, opts Options) *Summary {
	t.Helper()
	a, err := content.Load(os.DirFS(root))
	if a == nil {
		t.Fatal(err)
	}
	im, err := NewImporter(a.Config, "")
	if err != nil {
		t.Fatal(err)
	}
	opts.Dir, opts.Importer = root, im
	sum, err := Run(context.Background(), a, inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestRun(t *testing.T) {
	root := archive(t)
	in := t.TempDir()
	write(t, in, map[string]string{
		"a.txt":        report("Morning on norms", "29 Mar 2022 10:00h - 13:00h", "Chile spoke."),
		"b.txt":        report("Afternoon on law", "29 Mar 2022 15:00h - 18:00h", "Mexico spoke."),
		"sub/c.html":   "<article><h1>A saved page</h1><p>30 Mar 2022</p><p>Peru spoke.</p></article>",
		"bad-date.txt": report("Bad date", "32 Mar 2022", "x"),
		"outside.txt":  report("Outside every session", "10 Aug 2023", "x"),
		"no-slug.txt":  report("*** ??? ***", "29 Mar 2022", "Ghana spoke."),
		".hidden.txt":  report("Hidden", "29 Mar 2022", "x"),
		"notes.md":     "not an input",
	})
	sum := run(t, root, []string{in, filepath.Join(in, "missing.txt")}, Options{})
	got := map[string]Status{}
	for _, o := range sum.Outcomes {
		got[filepath.Base(o.Input)] = o.Status
	}
	want := map[string]Status{"a.txt": Written, "b.txt": Written, "c.html": Written, "bad-date.txt": Refused,
		"outside.txt": Refused, "no-slug.txt": Refused, "missing.txt": Refused}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outcomes %v, want %v", got, want)
	}
	if sum.Count(Written) != 3 || sum.Count(Refused) != 4 {
		t.Errorf("counts %d written, %d refused", sum.Count(Written), sum.Count(Refused))
	}
	for _, o := range sum.Outcomes {
		if filepath.Base(o.Input) == "outside.txt" && !strings.Contains(o.Err.Error(), "plenary new session") {
			t.Errorf("outside: %v", o.Err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content/reports/2022/2022-03-29-morning-on-norms.md")); err != nil {
		t.Error(err)
	}

	// Again: the same reports are skipped, or replaced with Force.
	sum = run(t, root, []string{filepath.Join(in, "a.txt")}, Options{})
	if sum.Outcomes[0].Status != Skipped {
		t.Errorf("second import: %v", sum.Outcomes[0].Status)
	}
	sum = run(t, root, []string{filepath.Join(in, "a.txt")}, Options{Force: true})
	if sum.Outcomes[0].Status != Replaced {
		t.Errorf("forced import: %v", sum.Outcomes[0].Status)
	}

	// A chosen session must hold the date; nothing is written otherwise.
	write(t, in, map[string]string{"later.txt": report("Later", "10 Jul 2025 10:00h - 13:00h", "Peru spoke.")})
	sum = run(t, root, []string{filepath.Join(in, "later.txt")}, Options{Session: "s2"})
	if o := sum.Outcomes[0]; o.Status != Refused || !strings.Contains(o.Err.Error(), "--session s2 runs from 2022-03-28 to 2022-04-01") {
		t.Errorf("wrong session: %v %v", o.Status, o.Err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/reports/2025")); err == nil {
		t.Error("a refused import wrote its folder")
	}
}

// TestRunSameName imports two reports of one day whose titles make the
// same file name: the second gets a name of its own, and importing either
// again finds it.
func TestRunSameName(t *testing.T) {
	root := archive(t)
	in := t.TempDir()
	write(t, in, map[string]string{
		"a.txt": report("Cyber: capacity building", "29 Mar 2022 10:00h - 11:00h", "Ghana spoke."),
		"b.txt": report("Cyber capacity-building", "29 Mar 2022 15:00h - 16:00h", "Kenya spoke."),
	})
	for i, input := range []string{"a.txt", "b.txt", "a.txt", "b.txt"} {
		sum := run(t, root, []string{filepath.Join(in, input)}, Options{})
		want := Written
		if i >= 2 {
			want = Skipped
		}
		if o := sum.Outcomes[0]; o.Status != want {
			t.Errorf("import %d of %s: %v (%v), want %v", i+1, input, o.Status, o.Err, want)
		}
	}
	a, _ := os.ReadFile(filepath.Join(root, "content/reports/2022/2022-03-29-cyber-capacity-building.md"))
	others, _ := filepath.Glob(filepath.Join(root, "content/reports/2022/2022-03-29-cyber-capacity-building-*.md"))
	if !strings.Contains(string(a), "Ghana") || len(others) != 1 {
		t.Fatalf("the first report is not under its name, or the second not under one of its own: %v", others)
	}
	if b, _ := os.ReadFile(others[0]); !strings.Contains(string(b), "Kenya") {
		t.Error("the second report's file does not hold it")
	}
}

func TestRunContained(t *testing.T) {
	root := archive(t)
	elsewhere := t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(root, "content/reports/2025")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "content/reports/2022"), 0o755); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(t.TempDir(), "nowhere.md")
	if err := os.Symlink(dangling, filepath.Join(root, "content/reports/2022/2022-03-29-morning-on-norms.md")); err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	write(t, in, map[string]string{
		"future.txt": report("A future report", "10 Jul 2025 10:00h - 11:00h", "Peru spoke."),
		"a.txt":      report("Morning on norms", "29 Mar 2022 10:00h - 13:00h", "Chile spoke."),
	})
	for _, force := range []bool{false, true} {
		sum := run(t, root, []string{in}, Options{Force: force})
		for _, o := range sum.Outcomes {
			if o.Status != Refused || !strings.Contains(o.Err.Error(), "symbolic link") {
				t.Errorf("force %v: %s: %v %v", force, o.Input, o.Status, o.Err)
			}
		}
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("wrote outside the archive: %v", entries)
	}
	if _, err := os.Stat(dangling); err == nil {
		t.Error("wrote through a dangling link")
	}
}

func TestRunAddress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/report", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><script>alert(1)</script><article><h1>Fetched report</h1><p>31 Mar 2022 10:00h - 13:00h</p><p>Event report</p><p onclick="x">Chile <a href="javascript:alert(1)">spoke</a>.</p></article></body></html>`)
	}))
	defer srv.Close()
	root := archive(t)
	sum := run(t, root, []string{srv.URL + "/old", "ftp://example.org/x"}, Options{})
	if o := sum.Outcomes[0]; o.Status != Written {
		t.Fatalf("fetched: %v %v", o.Status, o.Err)
	}
	if o := sum.Outcomes[1]; o.Status != Refused || !strings.Contains(o.Err.Error(), "only http and https") {
		t.Errorf("ftp: %v %v", o.Status, o.Err)
	}
	data, err := os.ReadFile(filepath.Join(root, "content/reports/2022/2022-03-31-fetched-report.md"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	if !strings.Contains(src, "source = '"+srv.URL+"/report'") || !strings.Contains(src, "\n\nChile spoke.\n") || strings.Contains(src, "alert") {
		t.Errorf("source:\n%s", src)
	}
}
