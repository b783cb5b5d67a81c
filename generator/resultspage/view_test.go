package resultspage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// defaultPartials are the default theme's search partials as written.
func defaultPartials(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "themes", "default", "layouts", "partials", "search-*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no search partials in the default theme (%v)", err)
	}
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out["partials/"+filepath.Base(f)] = string(data)
	}
	return out
}

// TestSkeletonShowsEveryPart renders the default theme's results with the
// skeleton: every part the script may fill in is there, once.
func TestSkeletonShowsEveryPart(t *testing.T) {
	tmpl, err := Parse(defaultPartials(t))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, ResultsPartial, Skeleton()); err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{`data-each="Hits"`, `data-each="Groups"`, `data-each="Links"`, `data-show="Prev"`, `data-show="Next"`,
		`data-show="Relevance"`, `data-show="Newest"`, `data-show="Session"`, `data-show="NamedHere"`, `data-marked="Excerpt"`, `data-text="Status"`,
		`data-show="Notice"`, `data-show="Filters"`, `data-each="Filters"`, `data-href="Remove"`} {
		if n := strings.Count(b.String(), part); n != 1 {
			t.Errorf("the skeleton shows %s %d times, not once", part, n)
		}
	}
	b.Reset()
	if err := tmpl.ExecuteTemplate(&b, ErrorPartial, ErrorSkeleton()); err != nil || !strings.Contains(b.String(), `data-text="Message"`) {
		t.Errorf("error skeleton %q (%v)", b.String(), err)
	}
	b.Reset()
	if err := tmpl.ExecuteTemplate(&b, ResultsPartial, &Results{Status: "No report matches."}); err != nil || strings.Contains(b.String(), "search-hit") {
		t.Errorf("no results: %q (%v)", b.String(), err)
	}
}

func TestParseRefuses(t *testing.T) {
	ok := defaultPartials(t)
	for _, tc := range []struct {
		name string
		edit func(map[string]string)
		want string
	}{
		{"a theme function", func(p map[string]string) { p[ErrorPartial] = `{{date .Message}}` }, "built-in functions only"},
		{"no error partial", func(p map[string]string) { delete(p, ErrorPartial) }, ErrorPartial + " is missing"},
		{"another partial", func(p map[string]string) { p["partials/footer.html"] = "x" }, "not a search partial"},
		{"a syntax error", func(p map[string]string) { p[ResultsPartial] = `{{if}}` }, ResultsPartial},
	} {
		p := map[string]string{}
		for k, v := range ok {
			p[k] = v
		}
		tc.edit(p)
		if _, err := Parse(p); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
