package endpoint_test

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
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
