package pipeline_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/archivetest"
	"github.com/plenary-archive/plenary/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// archive reads a txtar file of testdata into an in-memory archive.
func archive(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return toFS(a)
}

func toFS(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// site builds fsys into a fresh folder and returns it.
func site(t testing.TB, fsys fs.FS) (string, *pipeline.Result) {
	t.Helper()
	dest := filepath.Join(archivetest.TempDir(t), "public")
	res, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: dest})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return dest, res
}

func read(t testing.TB, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return string(data)
}

// contains asserts that page holds every want; a want starting with "!"
// must not be there.
func contains(t *testing.T, dir, page string, wants ...string) {
	t.Helper()
	html := read(t, dir, page)
	for _, w := range wants {
		if neg := strings.HasPrefix(w, "!"); neg {
			if strings.Contains(html, w[1:]) {
				t.Errorf("%s contains %q, it must not", page, w[1:])
			}
		} else if !strings.Contains(html, w) {
			t.Errorf("%s lacks %q", page, w)
		}
	}
}

func TestCrossLinks(t *testing.T) {
	dir, res := site(t, archive(t, "small.txtar"))
	const rep = "/archive/reports/dialogue/"
	contains(t, dir, "reports/dialogue/index.html",
		`href="/archive/sessions/s2/"`,    // its session
		`href="/archive/states/france/"`,  // states named
		`href="/archive/states/nigeria/"`, //
		`href="/archive/states/niger/"`,   //
		`href="/archive/topics/poa/"`,     // topics by keyword
		`!href="/archive/states/guinea/"`, // nobody said Guinea
		`!href="/archive/topics/law/"`,    // nor spoke of law
		`<time datetime="2022-04-01T14:00:00-04:00">1 April 2022, 14:00–17:00 (UTC−04:00)</time>`,
	)
	// The state page links back to the exact paragraphs.
	contains(t, dir, "states/france/index.html",
		`href="`+rep+`#p-2"`, `href="/archive/reports/law/#p-1"`,
		`Second substantive session`, `Third substantive session`,
		`!`+rep+`#p-1`, // France is not named in paragraph 1
	)
	contains(t, dir, "states/niger/index.html", `href="`+rep+`#p-3"`, `!#p-2`)
	// Kenya is in front matter only: it has a page listing the report, with no statements.
	contains(t, dir, "states/kenya/index.html", `href="/archive/reports/law/"`, `!#p-`)
	contains(t, dir, "sessions/s2/index.html", `href="`+rep+`"`, `href="/archive/states/france/sessions/s2/"`)
	// What a state said at a session, and on a topic, lead to the paragraphs.
	contains(t, dir, "states/france/sessions/s2/index.html", `href="`+rep+`#p-2"`, `<mark>`, `href="/archive/states/france/topics/poa/"`)
	contains(t, dir, "states/france/topics/poa/index.html", `href="`+rep+`#p-2"`, `href="/archive/states/france/sessions/s2/"`)
	contains(t, dir, "states/france/index.html", `href="/archive/states/france/sessions/s2/"`)
	contains(t, dir, "sessions/s2/index.html", `!>1 statements<`)
	contains(t, dir, "topics/poa/index.html", `href="`+rep+`"`, `href="/archive/states/france/"`, `!href="/archive/reports/law/"`)
	contains(t, dir, "topics/law/index.html", `href="/archive/reports/law/"`)
	contains(t, dir, "index.html", `href="`+rep+`"`, `href="/archive/sessions/s3/"`, `href="/archive/topics/law/"`)

	// The newer report comes first in the site, and the session pages
	// chain their reports.
	if got := res.Site.Reports[0].Slug; got != "law" {
		t.Errorf("newest report is %q, want law", got)
	}
	contains(t, dir, "states/index.html", `href="/archive/states/guinea-bissau/"`, `href="/archive/states/papua-new-guinea/"`, `!states/guinea/`)
}

func TestAnchorsAndCounts(t *testing.T) {
	dir, res := site(t, archive(t, "small.txtar"))
	html := read(t, dir, "reports/dialogue/index.html")
	ids := regexp.MustCompile(`id=p-(\d+)`).FindAllStringSubmatch(html, -1)
	var got []string
	for _, m := range ids {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != "1,2,3,4" {
		t.Errorf("paragraph anchors %v, want 1,2,3,4 (two paragraphs, two list items)", got)
	}
	var france *generator.State
	for _, st := range res.Site.States {
		if st.Slug == "france" {
			france = st
		}
	}
	if france == nil {
		t.Fatal("no France")
	}
	if len(france.Statements) != 2 || len(france.Reports) != 2 {
		t.Errorf("France: %d statements in %d reports, want 2 in 2", len(france.Statements), len(france.Reports))
	}
	// The session page counts paragraphs naming each state.
	contains(t, dir, "sessions/s2/index.html", `<a href="/archive/states/france/sessions/s2/">France</a> <span class=count>1</span>`)
	contains(t, dir, "states/index.html", `<a href="/archive/states/france/">France</a> <span class=count>2<span class=visually-hidden> statements</span> · 2<span class=visually-hidden> reports</span></span>`)
}

func TestDraftsExcluded(t *testing.T) {
	dir, _ := site(t, archive(t, "small.txtar"))
	if _, err := os.Stat(filepath.Join(dir, "reports/secret")); err == nil {
		t.Error("the draft has a page")
	}
	if _, err := os.Stat(filepath.Join(dir, "states/liechtenstein")); err == nil {
		t.Error("a state named only in a draft has a page")
	}
	for _, f := range []string{"sitemap.xml", "feed.xml", "index.html", "sessions/s3/index.html"} {
		contains(t, dir, f, "!secret", "!A draft report")
	}
}

func TestNothingFromContentRuns(t *testing.T) {
	dir, _ := site(t, archive(t, "small.txtar"))
	contains(t, dir, "reports/dialogue/index.html", "!<script>alert", "&lt;script>alert(1)&lt;/script>")
	contains(t, dir, "reports/law/index.html", "International law &amp; the &lt;b&gt;Charter&lt;/b&gt;")
	// The minifier leaves "<" as it is inside quoted attribute values
	// (og:title), where it is inert: look for elements outside them.
	outside := regexp.MustCompile(`"[^"]*"`).ReplaceAllString(read(t, dir, "reports/law/index.html"), `""`)
	if strings.Contains(outside, "<b>Charter</b>") || strings.Contains(outside, "<script>alert") {
		t.Error("reports/law/index.html has an element from the title")
	}
	contains(t, dir, "feed.xml", "!<b>Charter</b>")
	// A state's page heads its statements with the report's title.
	contains(t, dir, "states/france/index.html", "International law &amp; the &lt;b>Charter&lt;/b>", "!<b>Charter</b>")
}

func TestDeterministic(t *testing.T) {
	a, _ := site(t, archive(t, "small.txtar"))
	b, _ := site(t, archive(t, "small.txtar"))
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d", len(ta), len(tb))
	}
	for p, data := range ta {
		if !bytes.Equal(data, tb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// tree reads every file of the site at dir, a link to the version
// published.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	fsys := archive(t, "small.txtar")
	dest := filepath.Join(archivetest.TempDir(t), "public")
	if _, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, ".gitkeep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)

	fsys["content/reports/2022/broken.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Broken\ndate = 2022-01-01\n+++\nbody\n")}
	fsys["content/reports/2022/typo.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"T\"\ndate = 2022-04-01\nsesion = \"s2\"\n+++\n")}
	fsys["content/reports/2022/nosession.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"T\"\ndate = 2022-04-01\nsession = \"s9\"\n+++\n")}
	_, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: dest})
	list := generator.AsList(err)
	want := []string{
		"content/reports/2022/broken.md:2: ",
		`content/reports/2022/nosession.md:4: unknown session "s9" (did you mean s2?)`,
		`content/reports/2022/typo.md:4: unknown field "sesion" (did you mean "session"?)`,
	}
	if len(list) < len(want) {
		t.Fatalf("got %d errors, want at least %d: %v", len(list), len(want), err)
	}
	joined := list.Error()
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("errors lack %q:\n%s", w, joined)
		}
	}
	after := tree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("a failed build changed the number of files: %d → %d", len(before), len(after))
	}
	for p, data := range before {
		if !bytes.Equal(data, after[p]) {
			t.Errorf("a failed build changed %s", p)
		}
	}

	// A later good build replaces the site and keeps the placeholder.
	delete(fsys, "content/reports/2022/broken.md")
	delete(fsys, "content/reports/2022/typo.md")
	delete(fsys, "content/reports/2022/nosession.md")
	delete(fsys, "content/reports/2022/law.md")
	if _, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "reports/law")); err == nil {
		t.Error("a deleted report's page survived the rebuild")
	}
	if _, err := os.Stat(filepath.Join(dest, ".gitkeep")); err != nil {
		t.Error("the placeholder was lost")
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*"))
	if len(matches) > 0 {
		t.Errorf("temporary folders left behind: %v", matches)
	}
}

func TestLayoutOverride(t *testing.T) {
	fsys := archive(t, "small.txtar")
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(`<footer>Our own footer</footer>`)}
	dir, _ := site(t, fsys)
	contains(t, dir, "index.html", "Our own footer", "!Atom feed of new reports")
	contains(t, dir, "reports/dialogue/index.html", "Our own footer")
}

// TestStatementListOverride checks that an archive's own partials for the
// lists of statements are what state pages show.
func TestStatementListOverride(t *testing.T) {
	fsys := archive(t, "small.txtar")
	fsys["layouts/partials/statement-list.html"] = &fstest.MapFile{Data: []byte(
		`{{range .Reports}}<div class="ours">{{.Report.Title}}{{range .Statements}}{{template "partials/statement.html" .}}{{end}}</div>{{end}}`)}
	fsys["layouts/partials/statement.html"] = &fstest.MapFile{Data: []byte(`<p class="our-statement"><a href="{{.URL}}">¶ {{.N}}</a></p>`)}
	fsys["layouts/partials/topic-statements.html"] = &fstest.MapFile{Data: []byte(`{{range .}}<li class="our-topic">{{.Report.Title}}</li>{{end}}`)}
	dir, _ := site(t, fsys)
	contains(t, dir, "states/france/index.html", `<div class=ours>`, `<p class=our-statement><a href="/archive/reports/dialogue/#p-`, "!<a class=para")
	contains(t, dir, "states/france/topics/index.html", `<li class=our-topic>`, "!<p class=meta>")
}

func TestFeedSitemapRobots(t *testing.T) {
	dir, _ := site(t, archive(t, "small.txtar"))
	contains(t, dir, "feed.xml", "<updated>2022-07-26T04:00:00Z</updated>", "https://example.org/archive/reports/law/")
	contains(t, dir, "sitemap.xml", "<loc>https://example.org/archive/states/france/</loc>", "<loc>https://example.org/archive/reports/dialogue/</loc>")
	contains(t, dir, "robots.txt", "Sitemap: https://example.org/archive/sitemap.xml")
	contains(t, dir, "404.html", `href="/archive/css/style.css"`)
	contains(t, dir, "css/style.css", "!.chroma", "prefers-color-scheme:dark", "@media print")
	contains(t, dir, "css/code.css", ".chroma", "prefers-color-scheme:dark")
	contains(t, dir, "reports/dialogue/index.html", `href="/archive/css/style.css"`, `!views.css`, `!code.css`, `rel=icon`, `rel=manifest`)
	contains(t, dir, "states/france/index.html", `href="/archive/css/views.css"`)
	contains(t, dir, "manifest.webmanifest", `"name":"Test archive"`, `"src":"favicon.svg"`)
}

func TestGoldenReportPage(t *testing.T) {
	dir, _ := site(t, archive(t, "small.txtar"))
	// One tag a line, so that a change shows as a readable diff.
	got := strings.ReplaceAll(read(t, dir, "reports/dialogue/index.html"), "><", ">\n<")
	golden := filepath.Join("testdata", "report.golden.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("report page differs from %s (run go test ./generator/pipeline -update and review the diff)\ngot:\n%s", golden, got)
	}
}

// TestLongListsArePaged checks that a state's page shows its newest
// statements, that its pages at each session together hold every one of
// its statements once, and that its page on a topic and the archive pages
// behind it, followed through their "older" links, hold every statement
// on the topic once.
func TestLongListsArePaged(t *testing.T) {
	if testing.Short() {
		t.Skip("a long whole-site case: 400 reports")
	}
	dir, res := site(t, corpus.FS(400, 1))
	var busiest *generator.State
	for _, st := range res.Site.States {
		if busiest == nil || len(st.Statements) > len(busiest.Statements) {
			busiest = st
		}
	}
	n := len(busiest.Statements)
	if n <= 200 {
		t.Fatalf("the busiest state has %d statements: too few to page", n)
	}
	statement := regexp.MustCompile(`class=para href="(/reports/[^" >]+#p-\d+)"`)
	said := regexp.MustCompile(`<p class=meta><a href="(/reports/[^" >]+#p-\d+)">Paragraph`)
	links := func(re *regexp.Regexp, page string) []string {
		var out []string
		for _, m := range re.FindAllStringSubmatch(read(t, dir, page), -1) {
			out = append(out, m[1])
		}
		return out
	}
	landing := links(statement, "states/"+busiest.Slug+"/index.html")
	if len(landing) != 50 || landing[0] != busiest.Statements[0].URL() {
		t.Errorf("the landing page shows %d statements starting with %v, want the newest 50", len(landing), landing[:1])
	}
	once := func(what string, seen map[string]int, want int) {
		t.Helper()
		if len(seen) != want {
			t.Errorf("%s link %d distinct statements, want %d", what, len(seen), want)
		}
		for u, c := range seen {
			if c != 1 {
				t.Errorf("%s: %s appears %d times", what, u, c)
			}
		}
	}
	seen := map[string]int{}
	for _, g := range busiest.BySession {
		for _, u := range links(said, "states/"+busiest.Slug+"/sessions/"+g.Session.Key+"/index.html") {
			seen[u]++
		}
	}
	once("the pages at each session", seen, n)

}

// TestStateTopicPaged checks that a state's page on a topic shows its
// newest 100 statements on it, and that the archive pages behind it,
// followed through their "older" links, hold every one once.
func TestStateTopicPaged(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- config.toml --\ntitle = \"T\"\nbaseURL = \"https://example.org/\"\n" +
		"-- content/sessions/s1.md --\n+++\ntitle = \"S1\"\nstart = 2024-01-01\nend = 2024-12-31\n+++\n" +
		"-- content/topics/poa.md --\n+++\ntitle = \"PoA\"\nkeywords = [\"PoA\"]\n+++\n")
	const reports, each = 6, 30
	for r := range reports {
		fmt.Fprintf(&b, "-- content/reports/2024/r%d.md --\n+++\ntitle = \"R%d\"\ndate = 2024-03-%02dT10:00:00Z\nsession = \"s1\"\n+++\n", r, r, r+1)
		for p := range each {
			fmt.Fprintf(&b, "France backed the PoA, point %d.\n\n", p)
		}
	}
	dir, _ := site(t, archivetest.FS(b.String()))
	said := regexp.MustCompile(`<p class=meta><a href="?(/reports/[^" >]+#p-\d+)"?>Paragraph`)
	links := func(page string) []string {
		var out []string
		for _, m := range said.FindAllStringSubmatch(read(t, dir, page), -1) {
			out = append(out, m[1])
		}
		return out
	}
	landing := read(t, dir, "states/france/topics/poa/index.html")
	if got := links("states/france/topics/poa/index.html"); len(got) != 100 || got[0] != "/reports/r5/#p-1" {
		t.Errorf("the page on the topic shows %d statements from %v, want the newest 100", len(got), got[:1])
	}
	m := regexp.MustCompile(`href="?(/states/france/topics/poa/page/[0-9-]+/)"?>All of them`).FindStringSubmatch(landing)
	if m == nil {
		t.Fatal("the state's page on a topic does not link its archive")
	}
	older := regexp.MustCompile(`rel=next href="?(/states/[^" >]+/page/[0-9-]+/)"?>Older`)
	seen := map[string]int{}
	pages := 0
	for url := m[1]; url != ""; pages++ {
		page := strings.TrimPrefix(url, "/") + "index.html"
		for _, u := range links(page) {
			seen[u]++
		}
		url = ""
		if m := older.FindStringSubmatch(read(t, dir, page)); m != nil {
			url = m[1]
		}
		if pages > reports*each {
			t.Fatal("the older links go round in a circle")
		}
	}
	if pages < 2 || len(seen) != reports*each {
		t.Errorf("%d archive pages link %d distinct statements, want %d", pages, len(seen), reports*each)
	}
	for u, c := range seen {
		if c != 1 {
			t.Errorf("%s appears %d times across archive pages", u, c)
		}
	}
}
