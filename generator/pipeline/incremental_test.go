package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/internal/archivetest"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// unpublished is the site folder of the version of dest that is not
// published, which the next build writes.
func unpublished(t *testing.T, dest string) string {
	t.Helper()
	dir := versions.Folder(dest)
	current, err := os.Readlink(filepath.Join(dir, "current"))
	if err != nil {
		t.Fatal(err)
	}
	other := "a"
	if current == "a" {
		other = "b"
	}
	return filepath.Join(dir, other, "site")
}

func writeFiles(t *testing.T, root string, files map[string][]byte) {
	t.Helper()
	for p, data := range files {
		path := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// outOfRacyWindow is a clock for builds of files written just before:
// files changed within the racy window are always read, and this clock
// puts the build past it, so that the next build finds the files by their
// stamps and reads only those changed since.
func outOfRacyWindow() time.Time { return time.Now().Add(content.RacyWindow + time.Second) }

// TestIncrementalEqualsClean changes an archive in every way an editor
// does and checks, after each change, that a build using the cache writes
// exactly what a clean build writes, and that it renders less when only
// reports changed.
func TestIncrementalEqualsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("a long whole-site case: thirty-odd builds")
	}
	scratch := archivetest.TempDir(t)
	root := filepath.Join(scratch, "archive")
	writeFiles(t, root, corpus.FilesWithKeywords(150, 1))
	cache := filepath.Join(root, ".plenary-cache")
	dest := filepath.Join(scratch, "public")
	res, err := pipeline.Build(pipeline.Options{Root: os.DirFS(root), Dest: dest, CacheDir: cache, Now: outOfRacyWindow})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Full {
		t.Fatal("the first build with an empty cache was not full")
	}

	reports, _ := filepath.Glob(filepath.Join(root, "content/reports/*/*.md"))
	linked := filepath.Join(scratch, "statements.csv")
	var linkedData []byte
	edit := func(path string, fn func(string) string) func(t *testing.T) {
		return func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(fn(string(data))), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name        string
		change      func(t *testing.T)
		incremental bool // only some pages may be rendered
		// inPlace: data/statements.csv must be changed in place, its
		// unchanged beginning and end kept, not written whole.
		inPlace bool
		after   func(t *testing.T) // more checks, after the build
	}{
		{"nothing changed", func(t *testing.T) {}, true, false, nil},
		{"add a report", func(t *testing.T) {
			p, data := corpus.Report(1, 150)
			writeFiles(t, root, map[string][]byte{p: data})
		}, true, true, nil},
		{"add a report on the newest session's last day", func(t *testing.T) {
			newest := corpus.Sessions()[0]
			for _, s := range corpus.Sessions() {
				if s.End.After(newest.End) {
					newest = s
				}
			}
			day := newest.End.Format("2006-01-02")
			_, data := corpus.Report(1, 151)
			s := regexp.MustCompile(`(?m)^date = .*$`).ReplaceAllString(string(data), "date = "+day+"T23:00:00Z")
			s = regexp.MustCompile(`(?m)^end = .*$`).ReplaceAllString(s, "end = "+day+"T23:30:00Z")
			s = regexp.MustCompile(`(?m)^session = .*$`).ReplaceAllString(s, `session = "`+newest.Key+`"`)
			writeFiles(t, root, map[string][]byte{"content/reports/" + day[:4] + "/" + day + "-newest.md": []byte(s + "\nFrance and Kenya spoke last.\n")})
		}, true, true, nil},
		{"add a report while the site is hard-linked elsewhere", func(t *testing.T) {
			if err := os.Link(filepath.Join(dest, "data/statements.csv"), linked); err != nil {
				t.Fatal(err)
			}
			var err error
			if linkedData, err = os.ReadFile(linked); err != nil {
				t.Fatal(err)
			}
			p, data := corpus.Report(1, 152)
			writeFiles(t, root, map[string][]byte{p: data})
		}, true, false, func(t *testing.T) {
			if data, err := os.ReadFile(linked); err != nil || !bytes.Equal(data, linkedData) {
				t.Errorf("the other name of statements.csv changed with the site (err %v)", err)
			}
		}},
		// The version this build writes is the one the deploy linked:
		// its copy has another name, and is written whole.
		{"edit a report", edit(reports[3], func(s string) string {
			return s + "\nBrazil and Kenya closed the meeting with a joint statement.\n"
		}), true, false, func(t *testing.T) {
			if data, err := os.ReadFile(linked); err != nil || !bytes.Equal(data, linkedData) {
				t.Errorf("the other name of statements.csv changed with the site (err %v)", err)
			}
		}},
		{"a state speaks on behalf of a group", edit(reports[5], func(s string) string {
			return s + "\nEgypt, on behalf of the Arab Group, stressed the need for capacity building; the ICRC agreed.\n"
		}), true, false, nil},
		{"retitle a report", edit(reports[7], func(s string) string {
			return strings.Replace(s, "title = \"", "title = \"Retitled: ", 1)
		}), true, false, nil},
		{"move a report to another session and month", edit(reports[12], func(s string) string {
			ss := corpus.Sessions()[0]
			day := ss.Start.Format("2006-01-02")
			s = regexp.MustCompile(`(?m)^date = .*$`).ReplaceAllString(s, "date = "+day+"T10:00:00Z")
			s = regexp.MustCompile(`(?m)^end = .*$`).ReplaceAllString(s, "end = "+day+"T13:00:00Z")
			return regexp.MustCompile(`(?m)^session = .*$`).ReplaceAllString(s, `session = "`+ss.Key+`"`)
		}), true, false, nil},
		{"rename a report", func(t *testing.T) {
			if err := os.Rename(reports[10], strings.TrimSuffix(reports[10], ".md")+"-renamed.md"); err != nil {
				t.Fatal(err)
			}
		}, true, false, nil},
		{"delete a report", func(t *testing.T) {
			if err := os.Remove(reports[20]); err != nil {
				t.Fatal(err)
			}
		}, true, true, nil},
		{"add a session after the others", func(t *testing.T) {
			writeFiles(t, root, map[string][]byte{"content/sessions/zz-later.md": []byte("+++\ntitle = \"A later session\"\nstart = 2026-01-12\nend = 2026-01-16\n+++\n")})
		}, false, false, nil},
		// The newest report now opens a session of its own: no report's
		// neighbours change, yet the previous newest entry of reports.json
		// gains the comma the first entry has not.
		{"add the newest report, alone in its session", func(t *testing.T) {
			_, data := corpus.Report(1, 153)
			s := regexp.MustCompile(`(?m)^date = .*$`).ReplaceAllString(string(data), "date = 2026-01-14T10:00:00Z")
			s = regexp.MustCompile(`(?m)^end = .*$`).ReplaceAllString(s, "end = 2026-01-14T13:00:00Z")
			s = regexp.MustCompile(`(?m)^session = .*$`).ReplaceAllString(s, `session = "zz-later"`)
			writeFiles(t, root, map[string][]byte{"content/reports/2026/2026-01-14-alone.md": []byte(s)})
		}, true, true, nil},
		{"edit a session", edit(filepath.Join(root, "content/sessions/oewg-2021-2025-s2.md"), func(s string) string {
			return strings.Replace(s, "Second substantive session", "Second substantive session (resumed)", 1)
		}), false, false, nil},
		{"edit a topic", edit(filepath.Join(root, "content/topics/ransomware.md"), func(s string) string {
			return strings.Replace(s, "keywords = [", "keywords = [\"extortion\", ", 1)
		}), false, false, nil},
		{"override a template", func(t *testing.T) {
			writeFiles(t, root, map[string][]byte{"layouts/partials/footer.html": []byte("<footer>Edited footer</footer>")})
		}, false, false, nil},
		// The registry is part of what a report's text yields: a new
		// stakeholder, then a new name of it, are found in every report.
		{"add speakers.toml", func(t *testing.T) {
			writeFiles(t, root, map[string][]byte{"speakers.toml": []byte("[[speaker]]\nkey = \"development-banks\"\nname = \"Development banks\"\nkind = \"international-organisation\"\naliases = [\"development banks\"]\n")})
		}, false, false, nil},
		{"edit speakers.toml", edit(filepath.Join(root, "speakers.toml"), func(s string) string {
			return s + "\n[[speaker]]\nkey = \"icrc\"\naliases = [\"the humanitarian community\"]\n"
		}), false, false, func(t *testing.T) {
			if data := read(t, dest, "data/speakers.csv"); !strings.Contains(data, "development-banks,") || !strings.Contains(data, "the humanitarian community") {
				t.Errorf("speakers.csv lacks the archive's stakeholder or its new name")
			}
		}},
		{"change the config", edit(filepath.Join(root, "config.toml"), func(s string) string {
			return strings.Replace(s, "Generated archive", "Renamed archive", 1)
		}), false, false, nil},
		{"damaged cache", func(t *testing.T) {
			for _, f := range []string{"site.bin", "detections-00.bin", "detections-07.bin"} {
				if err := os.WriteFile(filepath.Join(cache, f), []byte("not a gob"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, false, false, nil},
		{"site changed by hand", func(t *testing.T) {
			if err := os.Remove(filepath.Join(dest, "index.html")); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dest, "sessions/index.html"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true, false, nil},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			csvPath := filepath.Join(dest, "data/statements.csv")
			// The build writes the version not published, and edits its
			// own copy of the file.
			before, _ := os.Stat(filepath.Join(unpublished(t, dest), "data/statements.csv"))
			step.change(t)
			inc, err := pipeline.Build(pipeline.Options{Root: os.DirFS(root), Dest: dest, CacheDir: cache, Now: outOfRacyWindow})
			if err != nil {
				t.Fatal(err)
			}
			if step.inPlace {
				after, err := os.Stat(csvPath)
				if err != nil {
					t.Fatal(err)
				}
				if before == nil || !os.SameFile(before, after) || after.Size() == before.Size() {
					t.Errorf("statements.csv was written whole (or not at all), not changed in place")
				}
			}
			clean := filepath.Join(archivetest.TempDir(t), "public")
			if _, err := pipeline.Build(pipeline.Options{Root: os.DirFS(root), Dest: clean}); err != nil {
				t.Fatal(err)
			}
			a, b := tree(t, dest), tree(t, clean)
			for p, data := range b {
				if got, ok := a[p]; !ok {
					t.Errorf("%s is missing from the incremental build", p)
				} else if !bytes.Equal(got, data) {
					t.Errorf("%s differs from the clean build", p)
				}
			}
			for p := range a {
				if _, ok := b[p]; !ok {
					t.Errorf("%s is left over in the incremental build", p)
				}
			}
			if step.after != nil {
				step.after(t)
			}
			t.Logf("rendered %d of %d files, %d sources unread", inc.Rendered, inc.Files, inc.Unread)
			if step.incremental && inc.Unread < len(reports)/2 {
				t.Errorf("read %d of %d report sources for a change to a few", len(reports)-inc.Unread, len(reports))
			}
			if step.incremental && inc.Rendered*2 > inc.Files {
				t.Errorf("rendered %d of %d files for a change to reports", inc.Rendered, inc.Files)
			}
			if !step.incremental && !inc.Full {
				t.Errorf("rendered %d of %d files after a change every page shows", inc.Rendered, inc.Files)
			}
		})
	}
}
