package endpoint_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// TestFiltersInUse: the results page lists every filter in use, however
// it was written, with a link that removes that one value and keeps the
// others; a chosen session shows among its process's sessions.
func TestFiltersInUse(t *testing.T) {
	body := get(t, "format=html&q=consensus&state=brazil&state=THA&session=oewg-2021-2025-s4").Body.String()
	filters := regexp.MustCompile(`(?s)<ul class="?search-filters.*?</ul>`).FindString(body)
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(filters, "")
	if want := "State: Brazil remove this filterState: Thailand remove this filterSession: Fourth substantive session remove this filter"; text != want {
		t.Errorf("the filters in use read %q, want %q", text, want)
	}
	removes := regexp.MustCompile(`<a class=remove[^>]* href="?([^" >]+)`).FindAllStringSubmatch(filters, -1)
	if len(removes) != 3 {
		t.Fatalf("%d remove links in %s", len(removes), filters)
	}
	u, err := url.Parse(html.UnescapeString(removes[0][1]))
	if err != nil {
		t.Fatal(err)
	}
	if v := u.Query(); strings.Join(v["state"], ",") != "THA" || v.Get("session") != "oewg-2021-2025-s4" || v.Get("q") != "consensus" {
		t.Errorf("removing Brazil links to %s", u)
	}
	if !strings.Contains(body, "Sessions · OEWG 2021-2025") {
		t.Error("the sessions are not grouped by process")
	}
}

// TestSimilarWordsNotice: the page says when a word no report holds was
// searched as the words most like it.
func TestSimilarWordsNotice(t *testing.T) {
	res := results(t, "q=consensos")
	if res.Total == 0 || !strings.Contains(res.Notice, "“consensos”") {
		t.Fatalf("total %d, notice %q", res.Total, res.Notice)
	}
	body := get(t, "format=html&q=consensos").Body.String()
	if !strings.Contains(body, "No report contains “consensos”: showing reports with words like it.") {
		t.Error("the page does not show the notice")
	}
}

// TestLinksCountWhatTheyFind: every link from a state's page by topic to
// the search says how many reports the search finds, and it finds that
// many. Kenya speaks on capacity-building in seven paragraphs of three
// reports, one of which also names it elsewhere.
func TestLinksCountWhatTheyFind(t *testing.T) {
	fsys, err := searchfixture.Archive()
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for i, day := range []string{"2023-03-06", "2023-03-08", "2023-03-09"} {
		fmt.Fprintf(&extra, "-- content/reports/2023/%s-kenya.md --\n+++\ntitle = \"Kenya %d\"\ndate = %s\nsession = \"oewg-2021-2025-s4\"\n+++\n\n", day, i, day)
		for range 3 - i/2 {
			extra.WriteString("Kenya asked for capacity building in every region.\n\n")
		}
	}
	dir := t.TempDir()
	_, ixDir, err := searchfixture.Build(searchfixture.With(fsys, txtar.Parse([]byte(extra.String()))), dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := engine.Open(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h, err := endpoint.New(ix, endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "public", "states", "*", "topics", "index.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no state pages by topic (%v)", err)
	}
	link := regexp.MustCompile(`<a href="?[^" >]*/search\?([^" >]+)"?>Search the (\d+) reports? on`)
	found := 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			found++
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/search?"+html.UnescapeString(m[1]), nil))
			var res engine.Response
			if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			if strconv.FormatUint(res.Total, 10) != m[2] {
				t.Errorf("%s: a link says %s reports, the search finds %d", p, m[2], res.Total)
			}
		}
	}
	if found == 0 {
		t.Fatal("no link to the search on any state's page by topic")
	}
}

// TestSpeakerFilterInUse: the speaker filter is listed in use with its
// name, and the speakers of the matches are a facet group of their own.
func TestSpeakerFilterInUse(t *testing.T) {
	body := get(t, "format=html&speaker=egypt").Body.String()
	filters := regexp.MustCompile(`(?s)<ul class="?search-filters.*?</ul>`).FindString(body)
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(filters, "")
	if want := "Speaker: Egypt remove this filter"; text != want {
		t.Errorf("the filters in use read %q, want %q", text, want)
	}
	if !regexp.MustCompile(`>Speakers<`).MatchString(body) {
		t.Error("the results page has no facet group of speakers")
	}
	if res := results(t, "speaker=Egypt"); res.Total == 0 || len(res.Facets.Speakers) == 0 {
		t.Errorf("speaker=Egypt: %d reports, speaker facets %+v", res.Total, res.Facets.Speakers)
	}
}
