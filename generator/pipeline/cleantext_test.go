package pipeline_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plenary-archive/plenary/generator/importer"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// tricky is a pasted report whose text is full of what Markdown reads as
// markup: brackets, asterisks, underscores, "<", "&", character
// references and lines that look like numbered lists.
const tricky = `Drafting session on the progress report

31 Mar 2022 15:00h - 18:00h

Event report

Brazil proposed that paragraph [15] of the draft be deleted, and said A < B for *all* states_parties & observers, not &amp; nor &lt;b&gt;.

2. Brazil added that [a link](http://x.example) and <b>bold</b> are text, as are __dunder__ names, 5 * 3 and back\slash.
`

// TestCleanTextEverywhere imports tricky and checks every plain-text use
// of its text (descriptions, JSON-LD, the feeds, statements.csv, the
// data files, a state's pages, the search index's excerpts) for
// Markdown's escapes and for text escaped twice: each says what the page
// shows.
func TestCleanTextEverywhere(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	r, err := importer.Parse("tricky.txt", []byte(tricky), loc)
	if err != nil {
		t.Fatal(err)
	}
	src := string(r.Source("s1"))
	for _, needless := range []string{`\[15\]`, `states\_parties`, `A \< B`, `5 \* 3`} {
		if strings.Contains(src, needless) {
			t.Errorf("the import escapes what Markdown reads as text: %s", needless)
		}
	}
	fsys := archivetest.FS(`-- config.toml --
title = "T"
baseURL = "https://example.org/"
-- content/sessions/s1.md --
+++
title = "S1"
start = 2022-03-28
end = 2022-04-01
+++
`)
	fsys["content/reports/2022/tricky.md"] = &fstest.MapFile{Data: []byte(src)}
	dest := filepath.Join(archivetest.TempDir(t), "public")
	idx := filepath.Join(archivetest.TempDir(t), "search.bleve")
	if _, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: dest, IndexDir: idx}); err != nil {
		t.Fatal(err)
	}
	// What the text says, as its page shows it.
	wants := []string{"[15]", "A < B", "*all*", "states_parties", "& observers", "not &amp; nor &lt;b&gt;", "2. Brazil added", "[a link](http://x.example)", "<b>bold</b>", "__dunder__", "5 * 3", `back\slash`}
	// The escapes that must not be left: Markdown's, and a text escaped
	// twice where it is written as HTML or XML.
	leftover := regexp.MustCompile(`\\[\[\]*_<&.#]|&amp;lt;|&amp;amp;b|&lt;b&gt;bold`)
	check := func(where, text string, want ...string) {
		t.Helper()
		if m := leftover.FindString(text); m != "" {
			t.Errorf("%s carries %q: %.300s", where, m, text)
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q: %.300s", where, w, text)
			}
		}
	}
	page := read(t, dest, "reports/tricky/index.html")
	for _, m := range regexp.MustCompile(`<meta (?:name|property)="?(?:description|og:description)"? content="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		check("the report's description", html.UnescapeString(m[1]), "[15]", "A < B", "*all*", "states_parties")
	}
	ld := regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`).FindStringSubmatch(page)
	var node struct{ Description string }
	if ld == nil || json.Unmarshal([]byte(ld[1]), &node) != nil {
		t.Fatal("no JSON-LD on the report page")
	}
	check("JSON-LD", node.Description, "[15]", "A < B", "*all*")
	for _, f := range []string{"feed.xml", "states/brazil/feed.xml", "sessions/s1/feed.xml"} {
		feed := parseFeed(t, dest, f)
		if len(feed.Entries) == 0 {
			t.Fatalf("%s has no entry", f)
		}
		check(f, feed.Entries[0].Summary, "[15]", "A < B")
	}
	rows, err := csv.NewReader(strings.NewReader(read(t, dest, "data/statements.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, row := range rows[1:] {
		texts = append(texts, row[len(row)-1])
	}
	check("statements.csv", strings.Join(texts, "\n"), wants...)
	var state struct{ Statements []struct{ Text string } }
	if err := json.Unmarshal([]byte(read(t, dest, "data/states/brazil.json")), &state); err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, s := range state.Statements {
		said = append(said, s.Text)
	}
	check("data/states/brazil.json", strings.Join(said, "\n"), "[15]", "A < B", "*all*", "states_parties", "<b>bold</b>")
	for _, p := range []string{"states/brazil/index.html", "states/brazil/sessions/s1/index.html"} {
		quotes := regexp.MustCompile(`(?s)<blockquote[^>]*><p>(.*?)</p></blockquote>`).FindAllStringSubmatch(read(t, dest, p), -1)
		var all []string
		for _, q := range quotes {
			all = append(all, html.UnescapeString(regexp.MustCompile(`</?mark>`).ReplaceAllString(q[1], "")))
		}
		check(p, strings.Join(all, "\n"), "[15]", "A < B", "*all*", "states_parties")
	}
	ix, err := engine.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	req, err := ix.ParseQuery("deleted")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), req)
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("no hit: %v", err)
	}
	excerpt := html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(res.Hits[0].Excerpt))
	check("the search excerpt", excerpt, "A < B", "*all*", "states_parties")
}
