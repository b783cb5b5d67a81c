package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/internal/addresses"
)

// TestEveryAddressUnderTheBaseURL builds the bundled archive for a project
// site (a host's sub-path), as the publish workflow does, with the search
// endpoint beside the site, on another host, and with none: no address
// of any file leads outside the base URL (or to the endpoint elsewhere),
// in every kind of page the theme has, and the search box is a working
// form or, without an endpoint, says so and links what works instead.
func TestEveryAddressUnderTheBaseURL(t *testing.T) {
	const base = "https://example.org/archive/"
	kinds := themeKinds(t)
	for _, tc := range []struct {
		name     string
		endpoint []string // the flag and its value, if given
		action   string   // every search form's action; "" for none
		template string   // the JSON-LD search action's; "" for none
	}{
		{"endpoint beside the site", nil, "/archive/search", base + "search?q={search_term_string}"},
		{"endpoint on another host", []string{"--search-endpoint", "https://search.example.net/search"},
			"https://search.example.net/search", "https://search.example.net/search?q={search_term_string}"},
		{"no endpoint", []string{"--search-endpoint", ""}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			args := append([]string{"build", "--source", t.TempDir(), "--dest", dest, "--quiet",
				"--index", filepath.Join(t.TempDir(), "search.bleve"), "--base-url", base}, tc.endpoint...)
			if code, out, errs := runCmd(t, args...); code != 0 {
				t.Fatalf("exit %d: %s%s", code, out, errs)
			}
			all, err := addresses.Site(os.DirFS(dest))
			if err != nil {
				t.Fatal(err)
			}
			scope := addresses.Scope{Base: mustURL(t, base)}
			if tc.action != "" && strings.Contains(tc.action, "://") {
				scope.Extra = []string{tc.action}
			}
			files := map[string]bool{}
			var actions, templates []string
			for _, a := range all {
				files[a.File] = true
				if why := scope.Escapes(a); why != "" {
					t.Errorf("%s %s", a, why)
				}
				switch {
				case a.Where == "form action" || a.Where == "form data-api":
					actions = append(actions, a.Value)
				case a.Where == "JSON-LD" && strings.Contains(a.Value, "{search_term_string}"):
					templates = append(templates, a.Value)
				}
			}
			if len(all) < 1000 || len(files) < 50 {
				t.Fatalf("%d addresses in %d files: the site was not read", len(all), len(files))
			}
			for _, want := range []string{"index.html", "feed.xml", "sitemap.xml", "robots.txt", "data/reports.json", "data/statements.csv", "search/index.html", "404.html"} {
				if !files[want] {
					t.Errorf("no address found in %s", want)
				}
			}
			for _, k := range kinds {
				if !slices.Contains(pageKinds(t, dest), k) {
					t.Errorf("no page of kind %q was checked", k)
				}
			}
			checkSearchBox(t, dest, tc.action, actions)
			if tc.template == "" && len(templates) > 0 || tc.template != "" && !slices.Equal(templates, []string{tc.template}) {
				t.Errorf("JSON-LD search actions %q, want %q", templates, tc.template)
			}
		})
	}
}

// checkSearchBox checks every search form's action against want, or, with
// no endpoint, that there is none and that pages say so where it would be.
func checkSearchBox(t *testing.T, dest, want string, actions []string) {
	t.Helper()
	if want != "" {
		if len(actions) < 50 {
			t.Errorf("%d search forms", len(actions))
		}
		for _, a := range actions {
			if a != want {
				t.Fatalf("a search form is sent to %q, want %q", a, want)
			}
		}
		return
	}
	if len(actions) > 0 {
		t.Errorf("a site without an endpoint has search forms: %q", actions[:1])
	}
	for file, wants := range map[string][]string{
		"index.html":        {`<p class="search-none note"><a href="/archive/search/">No search on this site</a>`, `<a href="/archive/processes/oewg-2021-2025/">OEWG 2021-2025</a>`},
		"search/index.html": {`without a search service`, `<li><a href="/archive/states/">States</a>`, `<li><a href="/archive/topics/">Topics</a>`},
		"404.html":          {`<a href="/archive/states/">states</a>`},
	} {
		data, err := os.ReadFile(filepath.Join(dest, file))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", file, w)
			}
		}
		for _, not := range []string{"search.js", "search the archive with the form", "data-api"} {
			if strings.Contains(page, not) {
				t.Errorf("%s has %q", file, not)
			}
		}
	}
}

// themeKinds are the page kinds of the bundled theme: one template each.
func themeKinds(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("..", "..", "themes", "default", "layouts"))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".html"); ok && !e.IsDir() && name != "baseof" {
			kinds = append(kinds, name)
		}
	}
	if len(kinds) < 10 {
		t.Fatalf("page kinds %q", kinds)
	}
	return kinds
}

var bodyKind = regexp.MustCompile(`<body class="?kind-([a-z0-9-]+)`)

// pageKinds are the kinds of the HTML pages in dest, a link to the
// version published.
func pageKinds(t *testing.T, dest string) []string {
	t.Helper()
	var kinds []string
	dest, err := filepath.EvalSymlinks(dest)
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		data, err := os.ReadFile(p)
		if m := bodyKind.FindSubmatch(data); m != nil && !slices.Contains(kinds, string(m[1])) {
			kinds = append(kinds, string(m[1]))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return kinds
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
