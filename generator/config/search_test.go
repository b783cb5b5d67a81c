package config

import (
	"strings"
	"testing"
)

// TestSearchEndpoint resolves [search] endpoint against baseURL: the form
// of a site under a sub-path stays under it, an endpoint elsewhere is
// kept, an empty one is none, and one that could not work is refused.
func TestSearchEndpoint(t *testing.T) {
	tests := []struct {
		name, base, endpoint string // endpoint "-": no key
		want, err            string
	}{
		{"default at the root", "https://e.org/", "-", "/search", ""},
		{"default under a sub-path", "https://owner.github.io/plenary/", "-", "/plenary/search", ""},
		{"relative", "https://e.org/archive/", `"search"`, "/archive/search", ""},
		{"a leading slash is under baseURL too", "https://e.org/archive/", `"/search"`, "/archive/search", ""},
		{"deeper", "https://e.org/archive/", `"api/search"`, "/archive/api/search", ""},
		{"another host", "https://owner.github.io/plenary/", `"https://search.example.org/search"`, "https://search.example.org/search", ""},
		{"none", "https://owner.github.io/plenary/", `""`, "", ""},
		{"leaving baseURL", "https://e.org/archive/", `"../search"`, "", "leaves baseURL"},
		{"a folder", "https://e.org/archive/", `"search/"`, "", "names a folder"},
		{"a query", "https://e.org/archive/", `"search?x=1"`, "", "query or a fragment"},
		{"no scheme", "https://e.org/archive/", `"//search.e.org/search"`, "", "without a scheme"},
		{"not http", "https://e.org/archive/", `"ftp://e.org/search"`, "", "not an http"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "baseURL = \"" + tt.base + "\"\n"
			if tt.endpoint != "-" {
				text += "[search]\nendpoint = " + tt.endpoint + "\n"
			}
			c, err := Parse("config.toml", []byte(text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "config.toml:3: [search] endpoint") {
					t.Fatalf("error %v, want config.toml:3 … %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Search.URL != tt.want {
				t.Errorf("URL %q, want %q", c.Search.URL, tt.want)
			}
		})
	}
}

// TestSearchEndpointFollowsBaseURL sets another base URL in code, as
// --base-url does: the endpoint is worked out again from it.
func TestSearchEndpointFollowsBaseURL(t *testing.T) {
	c, err := Parse("config.toml", []byte("baseURL = \"http://localhost:1313/\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	o := *c
	o.BaseURL = "https://owner.github.io/plenary/"
	got, err := Complete(&o)
	if err != nil {
		t.Fatal(err)
	}
	if got.Search.URL != "/plenary/search" || c.Search.URL != "/search" {
		t.Errorf("URL %q after --base-url (was %q)", got.Search.URL, c.Search.URL)
	}
}
