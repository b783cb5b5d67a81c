package pipeline_test

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/opendata"
)

// The tests of the public views build testdata/publish.txtar, an archive
// under a sub-path whose titles and text carry what must be escaped, with
// a session and a topic that have no reports.

func publishSite(t *testing.T) (string, *generator.Site) {
	t.Helper()
	dir, res := site(t, archive(t, "publish.txtar"))
	return dir, res.Site
}

// pagePath is the file of the page at a site-relative URL.
func pagePath(s *generator.Site, url string) string {
	return strings.TrimPrefix(url, s.BasePath) + "index.html"
}

func findState(t *testing.T, s *generator.Site, slug string) *generator.State {
	t.Helper()
	for _, st := range s.States {
		if st.Slug == slug {
			return st
		}
	}
	t.Fatalf("no state %s", slug)
	return nil
}

func findTopic(t *testing.T, s *generator.Site, key string) *generator.Topic {
	t.Helper()
	for _, tp := range s.Topics {
		if tp.Key == key {
			return tp
		}
	}
	t.Fatalf("no topic %s", key)
	return nil
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		Title   string     `xml:"title"`
		ID      string     `xml:"id"`
		Updated string     `xml:"updated"`
		Summary string     `xml:"summary"`
		Links   []atomLink `xml:"link"`
	} `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

func link(links []atomLink, rel string) string {
	for _, l := range links {
		if l.Rel == rel || (rel == "alternate" && l.Rel == "") {
			return l.Href
		}
	}
	return ""
}

func parseFeed(t *testing.T, dir, path string) atomFeed {
	t.Helper()
	var f atomFeed
	dec := xml.NewDecoder(strings.NewReader(read(t, dir, path)))
	dec.Strict = true
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s is not an Atom feed: %v", path, err)
	}
	return f
}

// TestTermFeeds checks the feed of every state, topic and session: valid
// Atom with its own id and links, updated as its newest entry, exactly the
// right entries newest first, and linked from its page's head and body.
func TestTermFeeds(t *testing.T) {
	dir, s := publishSite(t)
	type term struct {
		url, permalink string
		reports        []*generator.Report // newest first
		empty          time.Time           // <updated> without entries
	}
	var terms []term
	for _, st := range s.States {
		terms = append(terms, term{st.URL, st.Permalink, st.Reports, time.Unix(0, 0)})
	}
	for _, tp := range s.Topics {
		terms = append(terms, term{tp.URL, tp.Permalink, tp.Reports, time.Unix(0, 0)})
	}
	for _, ss := range s.Sessions {
		rs := slices.Clone(ss.Reports)
		slices.Reverse(rs)
		terms = append(terms, term{ss.URL, ss.Permalink, rs, ss.Start})
	}
	ids := map[string]string{}
	for _, tm := range terms {
		path := strings.TrimPrefix(tm.url, s.BasePath) + "feed.xml"
		f := parseFeed(t, dir, path)
		self := s.BaseURL + path
		if f.ID != self || link(f.Links, "self") != self {
			t.Errorf("%s: id %q and self link %q, want %q", path, f.ID, link(f.Links, "self"), self)
		}
		if prev, dup := ids[f.ID]; dup {
			t.Errorf("%s and %s share the id %s", path, prev, f.ID)
		}
		ids[f.ID] = path
		if got := link(f.Links, "alternate"); got != tm.permalink {
			t.Errorf("%s: alternate link %q, want %q", path, got, tm.permalink)
		}
		if f.Title == "" || f.Author.Name != s.Title {
			t.Errorf("%s: title %q, author %q", path, f.Title, f.Author.Name)
		}
		want := tm.empty
		if len(tm.reports) > 0 {
			want = tm.reports[0].Date
		}
		if up, err := time.Parse(time.RFC3339, f.Updated); err != nil || !up.Equal(want) {
			t.Errorf("%s: updated %q, want %s (%v)", path, f.Updated, want.UTC().Format(time.RFC3339), err)
		}
		var got, exp []string
		for _, e := range f.Entries {
			got = append(got, e.ID)
			if link(e.Links, "alternate") != e.ID {
				t.Errorf("%s: entry %s links %q", path, e.ID, link(e.Links, "alternate"))
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.Title == "" {
				t.Errorf("%s: entry %s: title %q, updated %q", path, e.ID, e.Title, e.Updated)
			}
		}
		for _, r := range tm.reports {
			exp = append(exp, r.Permalink)
		}
		if !slices.Equal(got, exp) {
			t.Errorf("%s: entries\n%v\nwant\n%v", path, got, exp)
		}

		// The page names the feed in its head and links it visibly.
		page := pagePath(s, tm.url)
		headLink := regexp.MustCompile(`<link rel=alternate type=application/atom\+xml title="[^"]+" href="` + regexp.QuoteMeta(tm.url+"feed.xml") + `">`)
		if !headLink.MatchString(read(t, dir, page)) {
			t.Errorf("%s has no <link rel=alternate> to its feed", page)
		}
		contains(t, dir, page, `<a href="`+tm.url+`feed.xml" type=application/atom+xml>`)
	}

	// The same, spelled out for a few feeds, so that a change in the
	// model's order cannot make a wrong feed pass.
	for path, want := range map[string][]string{
		"states/france/feed.xml":  {"late", "law", "dialogue"},
		"states/kenya/feed.xml":   {"law"},
		"topics/law/feed.xml":     {"late", "law"},
		"topics/cbm/feed.xml":     nil,
		"sessions/s3/feed.xml":    {"late", "law"},
		"sessions/s4/feed.xml":    nil,
		"sessions/s2/feed.xml":    {"dialogue"},
		"states/guinea/feed.xml":  nil, // no such state: no feed
		"states/nigeria/feed.xml": {"late", "dialogue"},
		"topics/poa/feed.xml":     {"late", "dialogue"},
		"states/brazil/feed.xml":  {"dialogue"},
		"states/niger/feed.xml":   {"dialogue"},
	} {
		if path == "states/guinea/feed.xml" {
			if _, err := os.Stat(filepath.Join(dir, path)); err == nil {
				t.Errorf("%s exists", path)
			}
			continue
		}
		var got []string
		for _, e := range parseFeed(t, dir, path).Entries {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(e.ID, s.BaseURL+"reports/"), "/"))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", path, got, want)
		}
	}
	contains(t, dir, "topics/cbm/feed.xml", "<updated>1970-01-01T00:00:00Z</updated>")
	contains(t, dir, "sessions/s4/feed.xml", "<updated>2023-03-06T00:00:00Z</updated>")
	// What France said is the summary of its entries.
	contains(t, dir, "states/france/feed.xml", `<summary>France highlighted the Program of Action, saying "a PoA, now". Nigeria agreed with France.</summary>`, "!<script>")
}

var ldScript = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

// jsonLD returns the page's one JSON-LD object.
func jsonLD(t *testing.T, dir, page string) map[string]any {
	t.Helper()
	m := ldScript.FindAllStringSubmatch(read(t, dir, page), -1)
	if len(m) != 1 {
		t.Fatalf("%s has %d JSON-LD scripts, want 1", page, len(m))
	}
	if strings.Contains(m[0][1], "<") {
		t.Errorf("%s: JSON-LD holds a raw '<': %s", page, m[0][1])
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[0][1]), &v); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v\n%s", page, err, m[0][1])
	}
	if v["@context"] != "https://schema.org" {
		t.Errorf("%s: @context %v", page, v["@context"])
	}
	return v
}

// at walks a decoded JSON value by keys and indexes.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func collect(v any, key string) []string {
	var out []string
	a, _ := v.([]any)
	for _, e := range a {
		out = append(out, fmt.Sprint(at(e, key)))
	}
	return out
}

// TestJSONLD checks the schema.org description of every kind of page.
func TestJSONLD(t *testing.T) {
	dir, s := publishSite(t)
	check := func(page string, want map[string]any) map[string]any {
		t.Helper()
		v := jsonLD(t, dir, page)
		for k, w := range want {
			path := []any{}
			for _, p := range strings.Split(k, ".") {
				if n, err := strconv.Atoi(p); err == nil {
					path = append(path, n)
				} else {
					path = append(path, p)
				}
			}
			if got := at(v, path...); fmt.Sprint(got) != fmt.Sprint(w) {
				t.Errorf("%s: %s is %v, want %v", page, k, got, w)
			}
		}
		return v
	}

	var law *generator.Report
	for _, r := range s.Reports {
		if r.Slug == "law" {
			law = r
		}
	}
	v := check("reports/law/index.html", map[string]any{
		"@type": "Report", "name": law.Title, "url": s.BaseURL + "reports/law/", "dateCreated": "2022-07-26",
		"recordedAt.@type": "Event", "recordedAt.name": "Third substantive session", "recordedAt.startDate": "2022-07-25",
		"publisher.name": "Watch & {Co}", "author.name": "A. Rapporteur", "isPartOf.url": s.BaseURL,
	})
	if got := collect(v["mentions"], "identifier"); !slices.Equal(got, []string{"FRA", "GNB", "KEN", "PNG"}) {
		t.Errorf("the law report mentions %v", got)
	}
	if got := collect(v["about"], "termCode"); !slices.Equal(got, []string{"law"}) {
		t.Errorf("the law report is about %v", got)
	}
	check("reports/dialogue/index.html", map[string]any{
		"@type": "Report", "dateCreated": "2022-04-01T14:00:00-04:00", "isBasedOn": "https://example.com/original?id=1&lang=en",
	})
	check("sessions/s2/index.html", map[string]any{
		"@type": "Event", "name": "Second substantive session", "startDate": "2022-03-28", "endDate": "2022-04-01",
		"location.name": "New York", "url": s.BaseURL + "sessions/s2/", "superEvent.name": "OEWG 2021-2025",
	})
	check("states/france/index.html", map[string]any{
		"@type": "ProfilePage", "about.@type": "Country", "about.identifier": "FRA", "about.name": "France", "url": s.BaseURL + "states/france/",
	})
	check("states/france/topics/index.html", map[string]any{"@type": "ProfilePage", "about.identifier": "FRA"})
	check("topics/law/index.html", map[string]any{
		"@type": "CollectionPage", "about.@type": "DefinedTerm", "about.termCode": "law", "about.name": "International law",
	})
	check("index.html", map[string]any{
		"@type": "WebSite", "name": "Test archive", "url": s.BaseURL,
		"potentialAction.@type":              "SearchAction",
		"potentialAction.target.urlTemplate": "https://example.org/archive/search?q={search_term_string}",
	})
	for _, p := range []string{"sessions/index.html", "states/index.html", "topics/index.html", "states/matrix/index.html"} {
		check(p, map[string]any{"@type": "CollectionPage", "isPartOf.@type": "WebSite"})
	}
	check("search/index.html", map[string]any{"@type": "SearchResultsPage"})
	check("404.html", map[string]any{"@type": "WebPage"})
}

var metaTag = regexp.MustCompile(`<meta (?:property|name)="?([a-z:_]+)"? content=(?:"([^"]*)"|([^ >]+))>`)

func metas(t *testing.T, dir, page string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range metaTag.FindAllStringSubmatch(read(t, dir, page), -1) {
		out[m[1]] = html.UnescapeString(m[2] + m[3])
	}
	return out
}

// TestOpenGraph checks the tags link previews read on each kind of page.
func TestOpenGraph(t *testing.T) {
	dir, s := publishSite(t)
	var law *generator.Report
	for _, r := range s.Reports {
		if r.Slug == "law" {
			law = r
		}
	}
	for page, want := range map[string]map[string]string{
		"reports/law/index.html": {
			"og:type": "article", "og:title": law.Title, "og:url": law.Permalink, "og:site_name": "Test archive",
			"og:description":         "France said the UN Charter applies. Guinea-Bissau and Papua New Guinea agreed.",
			"article:published_time": "2022-07-26T00:00:00-04:00",
		},
		"index.html":               {"og:type": "website", "og:title": "Test archive", "og:url": s.BaseURL, "og:description": "Reports for tests."},
		"states/france/index.html": {"og:type": "website", "og:title": "France", "og:url": s.BaseURL + "states/france/"},
		"topics/law/index.html":    {"og:type": "website", "og:title": "International law", "og:description": "How international law applies."},
		"sessions/s2/index.html":   {"og:type": "website", "og:url": s.BaseURL + "sessions/s2/"},
		"states/matrix/index.html": {"og:type": "website", "og:url": s.BaseURL + "states/matrix/"},
	} {
		got := metas(t, dir, page)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: %s is %q, want %q", page, k, got[k], w)
			}
		}
	}
}

// schema compiles one of docs/schema's files.
func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join("..", "..", "docs", "schema", name))
	if err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	return sch
}

func instance(t *testing.T, dir, rel string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(read(t, dir, rel)))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", rel, err)
	}
	return v
}

// TestOpenData validates the open data files against the published
// schemas and checks that their counts are the Site's.
func TestOpenData(t *testing.T) {
	dir, s := publishSite(t)

	// reports.json
	reports := schema(t, "reports.schema.json")
	inst := instance(t, dir, opendata.ReportsPath)
	if err := reports.Validate(inst); err != nil {
		t.Errorf("%s: %v", opendata.ReportsPath, err)
	}
	var rj struct {
		Count   int `json:"count"`
		Reports []struct {
			Slug       string `json:"slug"`
			Statements int    `json:"statements"`
			Date       string `json:"date"`
			Start      string `json:"start"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(read(t, dir, opendata.ReportsPath)), &rj); err != nil {
		t.Fatal(err)
	}
	if rj.Count != len(s.Reports) || len(rj.Reports) != len(s.Reports) {
		t.Errorf("reports.json: count %d, %d reports; the site has %d", rj.Count, len(rj.Reports), len(s.Reports))
	}
	for i, r := range s.Reports {
		if i >= len(rj.Reports) {
			break
		}
		n := 0
		for _, stmt := range r.Statements {
			if stmt.State != nil {
				n++
			}
		}
		if got := rj.Reports[i]; got.Slug != r.Slug || got.Statements != n {
			t.Errorf("reports.json #%d: %s with %d statements, want %s with %d", i, got.Slug, got.Statements, r.Slug, n)
		}
	}
	if got := rj.Reports[len(rj.Reports)-1]; got.Date != "2022-04-01" || got.Start != "2022-04-01T14:00:00-04:00" {
		t.Errorf("the dialogue is dated %q, starting %q", got.Date, got.Start)
	}
	// The schema is strict enough to fail: a report without its slug, or
	// a count as text, must not pass.
	broken := instance(t, dir, opendata.ReportsPath).(map[string]any)
	delete(at(broken, "reports", 0).(map[string]any), "slug")
	if reports.Validate(broken) == nil {
		t.Error("the reports schema accepts a report without a slug")
	}
	broken["count"] = "3"
	if reports.Validate(broken) == nil {
		t.Error("the reports schema accepts a count as text")
	}

	// statements.csv
	row := schema(t, "statement.schema.json")
	cr := csv.NewReader(strings.NewReader(read(t, dir, opendata.StatementsPath)))
	header, err := cr.Read()
	if err != nil || !slices.Equal(header, opendata.StatementsHeader) {
		t.Fatalf("statements.csv header %v (%v)", header, err)
	}
	rows := map[string][]string{} // by url and state code
	n := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("statements.csv row %d: %v", n+2, err)
		}
		n++
		obj := map[string]any{}
		for i, h := range header {
			obj[h] = rec[i]
		}
		if err := row.Validate(obj); err != nil {
			t.Errorf("statements.csv row %d: %v", n+1, err)
		}
		rows[rec[10]+" "+rec[0]] = rec
	}
	want := 0
	for _, st := range s.States {
		want += len(st.Statements) + len(st.Mentions)
		for _, stmt := range append(slices.Clone(st.Statements), st.Mentions...) {
			rec, ok := rows[stmt.Report.Permalink+"#"+stmt.Paragraph.ID+" "+st.Code]
			if !ok {
				t.Errorf("statements.csv lacks %s in %s", st.Code, stmt.URL())
				continue
			}
			// A small archive's Site holds its texts.
			text, ok := stmt.Paragraph.Held()
			if !ok || rec[11] != text || rec[7] != stmt.Role.String() {
				t.Errorf("statements.csv: %s in %s is %q with %q, want %s with %q (held: %v)", st.Code, stmt.URL(), rec[7], rec[11], stmt.Role, text, ok)
			}
		}
	}
	if n != want {
		t.Errorf("statements.csv has %d rows; the states have %d statements and mentions", n, want)
	}
	// Commas, quotes and a line break survive, quoted as RFC 4180 says.
	tricky := rows[s.BaseURL+"reports/law/#p-2 FRA"]
	if len(tricky) == 0 || tricky[11] != "France added, on the UN Charter, \"it applies <i\nclass=x>in full</i>, always\"." {
		t.Errorf("the paragraph with commas, quotes and a line break reads back as %q", tricky)
	}
	contains(t, dir, opendata.StatementsPath,
		`,"France added, on the UN Charter, ""it applies <i`+"\n"+`class=x>in full</i>, always""."`+"\n",
	)

	contains(t, dir, "data/states/france.json", `"text":"France said the UN Charter applies. Guinea-Bissau and Papua New Guinea agreed."`, `"session":"s3"`)

	// speakers.csv: every group's and stakeholder's statements and
	// mentions, each row valid.
	speakerRow := schema(t, "speaker.schema.json")
	cr = csv.NewReader(strings.NewReader(read(t, dir, opendata.SpeakersPath)))
	header, err = cr.Read()
	if err != nil || !slices.Equal(header, opendata.SpeakersHeader) {
		t.Fatalf("speakers.csv header %v (%v)", header, err)
	}
	n, want = 0, 0
	for _, g := range s.Groups {
		want += len(g.Statements) + len(g.Mentions)
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("speakers.csv row %d: %v", n+2, err)
		}
		n++
		obj := map[string]any{}
		for i, h := range header {
			obj[h] = rec[i]
		}
		if err := speakerRow.Validate(obj); err != nil {
			t.Errorf("speakers.csv row %d: %v", n+1, err)
		}
	}
	if n != want || want == 0 {
		t.Errorf("speakers.csv has %d rows; the groups and stakeholders have %d statements and mentions", n, want)
	}

	// One file per state, and no other.
	stateSchema := schema(t, "state.schema.json")
	files, _ := filepath.Glob(filepath.Join(dir, "data", "states", "*.json"))
	if len(files) != len(s.States) {
		t.Errorf("%d state files for %d states", len(files), len(s.States))
	}
	for _, st := range s.States {
		path := opendata.StatePath(st)
		if err := stateSchema.Validate(instance(t, dir, path)); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		var sj struct {
			Code       string `json:"code"`
			Count      int    `json:"statement_count"`
			Statements []struct {
				Report    string
				Paragraph int
				Topics    []string
				Text      string
			} `json:"statements"`
			Reports []struct{ Slug, Session string } `json:"reports"`
		}
		if err := json.Unmarshal([]byte(read(t, dir, path)), &sj); err != nil {
			t.Fatal(err)
		}
		if sj.Code != st.Code || sj.Count != len(st.Statements) || len(sj.Statements) != len(st.Statements) || len(sj.Reports) != len(st.Reports) {
			t.Errorf("%s: %s, %d statements (%d listed), %d reports; want %s, %d, %d", path, sj.Code, sj.Count, len(sj.Statements), len(sj.Reports), st.Code, len(st.Statements), len(st.Reports))
			continue
		}
		for i, stmt := range st.Statements {
			got := sj.Statements[i]
			if got.Report != stmt.Report.Slug || got.Paragraph != stmt.Paragraph.N || len(got.Topics) != len(stmt.Paragraph.Topics) || got.Text == "" {
				t.Errorf("%s: statement %d is %+v, want paragraph %d of %s", path, i, got, stmt.Paragraph.N, stmt.Report.Slug)
			}
		}
	}
}

var bibtex = regexp.MustCompile(`(?s)<pre class="?cite-bibtex"?><code>(.*?)</code></pre>`)

// TestCiteThis checks the citation of a report whose title holds every
// character BibTeX treats specially.
func TestCiteThis(t *testing.T) {
	dir, _ := publishSite(t)
	page := read(t, dir, "reports/law/index.html")
	m := bibtex.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no BibTeX on the report page")
	}
	if strings.Contains(m[1], "<script") {
		t.Error("the BibTeX block carries markup")
	}
	bib := html.UnescapeString(m[1])
	for _, want := range []string{
		"@misc{test-archive:law,\n",
		`  title        = {{International law \& the \{Charter\} at 100\% — \#1\_now \textasciitilde{} \textbackslash{} </script><script>alert(1)</script>}},`,
		"  author       = {{A. Rapporteur}},\n",
		"  publisher    = {Watch \\& \\{Co\\}},\n",
		"  howpublished = {Event report, Third substantive session (OEWG 2021-2025)},\n",
		"  year         = {2022},\n  month        = jul,\n  date         = {2022-07-26},\n",
		"  url          = {https://example.org/archive/reports/law/},\n",
		"  note         = {Archived by Test archive}\n}",
	} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	// Braces balance once escaped ones are set aside, so no title can
	// close the entry early.
	depth := 0
	unescaped := strings.NewReplacer(`\{`, "", `\}`, "").Replace(bib)
	for _, r := range unescaped {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				t.Fatalf("a closing brace without its opening one in\n%s", bib)
			}
		}
	}
	if depth != 0 {
		t.Errorf("unbalanced braces (%d) in\n%s", depth, bib)
	}
	contains(t, dir, "reports/law/index.html",
		"<p class=cite-text><span class=cite-head>A. Rapporteur. “International law &amp; the {Charter} at 100% — #1_now ~ \\ &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;.” Event report, Third substantive session (OEWG 2021-2025), 26 July 2022</span><span class=cite-para></span><span class=cite-tail>. Published by Watch &amp; {Co}. Archived by Test archive: https://example.org/archive/reports/law/</span><span class=cite-accessed></span></p>",
		`"author":{"@type":"Person","name":"A. Rapporteur"}`, `"publisher":{"@type":"Organization","name":"Watch \u0026 {Co}"}`,
	)
	contains(t, dir, "reports/dialogue/index.html",
		`note         = {Archived by Test archive; original report: \url{https://example.com/original?id=1&amp;lang=en}}`,
		"!  author", `!"publisher"`, "The source does not say who wrote or published this report.",
		// Each paragraph links to itself; a script adds copying.
		// Each paragraph links to itself, links the first mention of each
		// state it names, and names who speaks in it after its ¶ link.
		`<p id=p-2><a class=named href=/archive/states/france/>France</a> highlighted the Program of Action, saying "a PoA, now". <a class=named href=/archive/states/nigeria/>Nigeria</a> agreed with France. <a href=#p-2 class=anchor aria-label="Link to paragraph 2">¶</a><span class=speakers><a href="/archive/states/france/">France</a>, <a href="/archive/states/nigeria/">Nigeria</a></span></p>`,
		`<li id=p-3><a class=named href=/archive/states/niger/>Niger</a> supported it. <a href=#p-3 class=anchor aria-label="Link to paragraph 3">¶</a><span class=speakers><a href="/archive/states/niger/">Niger</a></span></li>`,
		`<script src="/archive/js/copylink.js" defer></script>`,
	)
	contains(t, dir, "js/copylink.js", "clipboard")
}
