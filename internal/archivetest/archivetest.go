// Package archivetest makes small archives for tests: a txtar text with
// one file per section (config.toml, content/..., layouts/...) becomes an
// in-memory fs.FS, and Assemble loads and assembles it as a build does,
// without a store, a cache or anything written to disk.
package archivetest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site"
)

// Session and Topic are the front matter of a session and a topic that
// tests' archives may share.
const (
	Session = "-- content/sessions/s1.md --\n+++\ntitle = \"First session\"\nprocess = \"OEWG\"\nstart = 2024-03-04\nend = 2024-03-08\n+++\n"
	Topic   = "-- content/topics/poa.md --\n+++\ntitle = \"Programme of Action\"\nsummary = \"A permanent mechanism.\"\nkeywords = [\"Programme of Action\", \"PoA\"]\n+++\n"
)

// FS is the archive the txtar text describes. Leading tabs are not
// stripped: write the text flush left.
func FS(text string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(text)).Files {
		fsys[strings.TrimSpace(f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Load reads the archive of text and assembles it with opts, whose
// gazetteer and Markdown renderer default to the build's; it returns the
// Site (nil on errors) and every problem found. A file that does not load
// fails the test.
func Load(tb testing.TB, text string, opts site.Options) (*generator.Site, generator.ErrorList) {
	tb.Helper()
	a, err := content.Load(FS(text))
	if a == nil {
		tb.Fatalf("load: %v", err)
	}
	if opts.Gazetteer == nil {
		opts.Gazetteer = gazetteer.Default()
	}
	if opts.Markdown == nil {
		opts.Markdown = markdown.New(a.Config.BasePath)
	}
	s, problems := site.Assemble(a, opts)
	return s, append(generator.AsList(err), problems...)
}

// Site is the assembled Site of text, holding every text and Markdown
// body; any error fails the test.
func Site(tb testing.TB, text string) *generator.Site {
	tb.Helper()
	s, problems := Load(tb, text, site.Options{HoldMarkdown: true})
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	return s
}

// TempDir is a folder for a test's built sites, removed when the test
// ends. It is on a memory file system (/dev/shm) where there is one and
// TMPDIR does not say otherwise: whole-site tests write thousands of small
// files, and on a disk creating and removing them costs the kernel more
// time than building them costs the program. The folder is made directly
// in the temporary folder, not under a private one of the test's, so that
// a test may open it to another user (builds run as nobody).
func TempDir(tb testing.TB) string {
	tb.Helper()
	base := "" // TMPDIR, or the system's default
	if os.Getenv("TMPDIR") == "" {
		base = "/dev/shm"
	}
	if dir, err := os.MkdirTemp(base, "plenary-test-"); err == nil {
		tb.Cleanup(func() { _ = os.RemoveAll(dir) })
		return dir
	}
	return tb.TempDir()
}
