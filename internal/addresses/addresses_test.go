package addresses

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestFileFindsEveryAddress(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []string // "where value"
	}{
		{"page", "x/index.html",
			`<!DOCTYPE html><html><head><link rel=stylesheet href=/a/css/style.css><meta property=og:url content="https://e.org/a/x/"><meta name=description content="Not /an address, text">` +
				`<script type="application/ld+json">{"url":"https://e.org/a/","potentialAction":{"target":{"urlTemplate":"/search?q={q}"}},"name":"/ no"}</script>` +
				`<style>body{background:url('/bg.png')}</style></head><body><a href=../y/>y</a><form action=/search data-api=/search></form>` +
				`<img src=a.png srcset="/i/1.png 1x, /i/2.png 2x" style="background:url(/s.png)"><svg><use xlink:href="/sprite.svg#i"></use></svg>` +
				`<template><a href=/in-template/>t</a></template><script>var x = "/not/read";</script></body></html>`,
			[]string{"link href /a/css/style.css", "meta content https://e.org/a/x/", "JSON-LD https://e.org/a/", "JSON-LD /search?q={q}",
				"style url() /bg.png", "a href ../y/", "form action /search", "form data-api /search", "img src a.png",
				"img srcset /i/1.png", "img srcset /i/2.png", "img style url() /s.png", "use xlink:href /sprite.svg#i", "a href /in-template/"}},
		{"feed", "feed.xml",
			`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.org/a/</id><link href="https://e.org/a/feed.xml" rel="self"/>` +
				`<entry><title>T</title><content type="html">&lt;p&gt;&lt;a href="/a/reports/r/"&gt;r&lt;/a&gt;&lt;/p&gt;</content><author><uri>https://e.org/a/</uri></author></entry></feed>`,
			[]string{"id https://e.org/a/", "link href https://e.org/a/feed.xml", "content HTML a href /a/reports/r/", "uri https://e.org/a/"}},
		{"sitemap", "sitemap.xml", `<urlset><url><loc>https://e.org/a/x/</loc></url></urlset>`, []string{"loc https://e.org/a/x/"}},
		{"open data", "data/r.json", `{"reports":[{"url":"https://e.org/a/r/","title":"/ not one"}]}`, []string{"JSON https://e.org/a/r/"}},
		{"statements", "data/s.csv", "date,url,text\n2022-01-01,https://e.org/a/r/#p-1,said /things\n", []string{"CSV https://e.org/a/r/#p-1"}},
		{"robots", "robots.txt", "User-agent: *\nSitemap: https://e.org/a/sitemap.xml\n", []string{"robots.txt Sitemap https://e.org/a/sitemap.xml"}},
		{"stylesheet", "css/style.css", `a{background:url("/a/i.svg")}`, []string{"CSS url() /a/i.svg"}},
		{"script", "js/search.js", `fetch("/search")`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			if err := File(tt.file, []byte(tt.data), func(where, v string) { got = append(got, where+" "+v) }); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("found %d, want %d: %q", len(got), len(tt.want), got)
			}
		})
	}
}

func TestFileRefusesWhatDoesNotParse(t *testing.T) {
	for file, data := range map[string]string{
		"x.html":    `<script type="application/ld+json">{"url": </script>`,
		"feed.xml":  `<feed><id>x</feed>`,
		"data.json": `{"a":`,
	} {
		if err := File(file, []byte(data), func(string, string) {}); err == nil {
			t.Errorf("%s: no error", file)
		}
	}
}

func TestEscapes(t *testing.T) {
	base, _ := url.Parse("https://e.org/a/")
	scope := Scope{Base: base, Extra: []string{"https://search.e.net/search"}}
	tests := []struct {
		file, value string
		escapes     bool
	}{
		{"index.html", "/a/reports/r/", false},
		{"index.html", "https://e.org/a/", false},
		{"index.html", "https://e.org/a", false},
		{"reports/r/index.html", "../s/", false},
		{"reports/r/index.html", "#p-1", false},
		{"index.html", "https://un.org/doc", false},
		{"index.html", "https://search.e.net/search?q=x", false},
		{"index.html", "mailto:x@e.org", false},
		{"index.html", "data:image/png;base64,AAAA", false},
		{"index.html", "/search", true},
		{"index.html", "https://e.org/search?q={q}", true},
		{"index.html", "http://e.org/a/", true},
		{"index.html", "//e.org/other/", true},
		{"reports/r/index.html", "../../../x/", true},
		{"index.html", "http://localhost:1313/a/", true},
		{"index.html", "https://search.e.net/other", false}, // another host
		{"index.html", "javascript:alert(1)", true},
	}
	for _, tt := range tests {
		why := scope.Escapes(Address{File: tt.file, Where: "a href", Value: tt.value})
		if (why != "") != tt.escapes {
			t.Errorf("%s in %s: escapes %q, want %v", tt.value, tt.file, why, tt.escapes)
		}
		if tt.escapes && !strings.Contains(why, " ") {
			t.Errorf("%s: reason %q", tt.value, why)
		}
	}
}
