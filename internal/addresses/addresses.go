// Package addresses finds every address the files of a built site hold
// (links, forms, scripts, stylesheets, srcset, Open Graph and JSON-LD in
// pages; links and ids in feeds and the sitemap; URLs in the open data,
// robots.txt and stylesheets), each parsed as its format says, and tells
// which leave the site: tests build a site under a sub-path and check that
// none does.
package addresses

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Address is one address a file holds.
type Address struct {
	File  string // the file, relative to the site's root: "reports/x/index.html"
	Where string // what holds it: "a href", "JSON-LD", "sitemap.xml loc"
	Value string // as written
}

func (a Address) String() string { return fmt.Sprintf("%s: %s %q", a.File, a.Where, a.Value) }

// Site lists the addresses of every file of the site in fsys, in the
// order of fs.WalkDir. A file that does not parse as its name says is an
// error.
func Site(fsys fs.FS) ([]Address, error) {
	var out []Address
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		add := func(where, value string) { out = append(out, Address{File: name, Where: where, Value: value}) }
		if err := File(name, data, add); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	})
	return out, err
}

// File calls add for every address in data, a file named name; it knows
// HTML, XML (feeds, the sitemap, SVG), JSON, CSV, CSS and robots.txt, and
// finds nothing in other files.
func File(name string, data []byte, add func(where, value string)) error {
	switch path.Ext(name) {
	case ".html", ".htm":
		return HTML(data, add)
	case ".xml", ".svg":
		return XML(data, add)
	case ".json":
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		jsonStrings(v, "JSON", add)
	case ".csv":
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return err
		}
		for _, row := range rows {
			for _, cell := range row {
				if looksLikeURL(cell) {
					add("CSV", cell)
				}
			}
		}
	case ".css":
		cssURLs(string(data), "CSS url()", add)
	case ".txt":
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "sitemap") {
				add("robots.txt Sitemap", strings.TrimSpace(v))
			}
		}
	}
	return nil
}

// urlAttrs are the HTML attributes whose value is one address.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "cite": true, "poster": true,
	"data": true, "data-api": true, "xlink:href": true, "manifest": true, "background": true,
}

// HTML calls add for every address of an HTML document: attributes that
// hold one, srcset's candidates, url() in styles, <meta> contents that are
// addresses, and every address-like string of JSON-LD.
func HTML(data []byte, add func(where, value string)) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	var script string // the type of the <script> the tokenizer is in
	var style bool
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tt == html.StartTagToken {
				script, style = "", tok.Data == "style"
				if tok.Data == "script" {
					script = "text/javascript"
				}
			}
			for _, a := range tok.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + a.Key
				}
				where := tok.Data + " " + key
				switch {
				case key == "type" && tok.Data == "script":
					script = a.Val
				case urlAttrs[key]:
					add(where, a.Val)
				case key == "srcset" || key == "imagesrcset":
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							add(where, f[0])
						}
					}
				case key == "style":
					cssURLs(a.Val, where+" url()", add)
				case key == "content" && tok.Data == "meta" && looksLikeURL(a.Val):
					add(where, a.Val)
				}
			}
		case html.EndTagToken:
			script, style = "", false
		case html.TextToken:
			text := z.Text()
			switch {
			case script == "application/ld+json":
				var v any
				if err := json.Unmarshal(text, &v); err != nil {
					return fmt.Errorf("JSON-LD: %w", err)
				}
				jsonStrings(v, "JSON-LD", add)
			case style:
				cssURLs(string(text), "style url()", add)
			}
		}
	}
}

// XML calls add for every address of an XML document (an Atom feed, a
// sitemap, an SVG image): attributes that hold one, text that is one (a
// sitemap's <loc>, a feed's <id>), and the addresses of escaped HTML
// content (a feed entry's type="html" <content>).
func XML(data []byte, add func(where, value string)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t)
			for _, a := range t.Attr {
				if a.Name.Local == "href" || a.Name.Local == "src" || a.Name.Local == "uri" {
					add(t.Name.Local+" "+a.Name.Local, a.Value)
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			el := stack[len(stack)-1]
			text := strings.TrimSpace(string(t))
			switch {
			case isHTMLContent(el):
				if err := HTML([]byte(text), func(where, v string) { add(el.Name.Local+" HTML "+where, v) }); err != nil {
					return err
				}
			case looksLikeURL(text):
				add(el.Name.Local, text)
			}
		}
	}
}

// isHTMLContent tells an element whose text is escaped HTML: Atom's
// content, summary or title of type "html".
func isHTMLContent(el xml.StartElement) bool {
	for _, a := range el.Attr {
		if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
			return true
		}
	}
	return false
}

// jsonStrings calls add for every string in v that looks like an address.
func jsonStrings(v any, where string, add func(where, value string)) {
	switch x := v.(type) {
	case string:
		if looksLikeURL(x) {
			add(where, x)
		}
	case []any:
		for _, e := range x {
			jsonStrings(e, where, add)
		}
	case map[string]any:
		for _, e := range x {
			jsonStrings(e, where, add)
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)`)

func cssURLs(css, where string, add func(where, value string)) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		add(where, m[1])
	}
}

// looksLikeURL tells a text that is an address, in places where text may
// be one or not (JSON, CSV, <meta content>): an absolute http(s) URL, a
// protocol-relative one, or a path from the root of the host.
func looksLikeURL(s string) bool {
	if strings.ContainsAny(s, " \n\t") {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/")
}

// Scope says where a site's addresses may lead: anywhere under its base
// URL, to the extra addresses it names (a search endpoint on another host),
// and to other hosts (links to official documents), but nowhere else on the
// site's own host or on the machine it was built on.
type Scope struct {
	Base *url.URL // the site's base URL, with a trailing slash
	// Extra are absolute addresses the site may lead to besides its own,
	// as prefixes: "https://search.example.org/search".
	Extra []string
}

// Escapes says why a leaves the scope, or "" when it stays: it is
// resolved against the address of the file that holds it first.
func (s Scope) Escapes(a Address) string {
	v := strings.TrimSpace(a.Value)
	if v == "" || strings.HasPrefix(v, "#") {
		return ""
	}
	ref, err := url.Parse(v)
	if err != nil {
		return "does not parse: " + err.Error()
	}
	switch ref.Scheme {
	case "", "http", "https":
	case "mailto", "data", "tel", "urn", "tag":
		return ""
	default:
		return "has scheme " + ref.Scheme
	}
	file := s.Base.ResolveReference(&url.URL{Path: strings.TrimSuffix(a.File, "index.html")})
	abs := file.ResolveReference(ref)
	for _, e := range s.Extra {
		if strings.HasPrefix(abs.String(), e) {
			return ""
		}
	}
	if !s.own(abs.Hostname()) {
		return ""
	}
	base := s.Base.String()
	if abs.Scheme != s.Base.Scheme || abs.Host != s.Base.Host || !strings.HasPrefix(abs.Path, s.Base.Path) && abs.String()+"/" != base {
		return "leads to " + abs.String() + ", outside " + base
	}
	return ""
}

// own tells the site's host and the local machine's names, which no
// address may lead to outside the base URL.
func (s Scope) own(host string) bool {
	switch host {
	case s.Base.Hostname(), "localhost", "127.0.0.1", "::1", "":
		return true
	}
	return false
}
