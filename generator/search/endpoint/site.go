package endpoint

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/plenary-archive/plenary/generator/index"
)

// site is where the results page leads, from the index's facts: the
// endpoint may answer on a host of its own, so that its page's links,
// stylesheet, script and form all name the site's (and the search's)
// absolute addresses, which its security policy allows.
type site struct {
	// search is the absolute address searches are sent to, which the
	// results page's links lead to: the site's configured one, never the
	// request's path, which a client chooses ("//evil.example/search"
	// would make every link leave the site).
	search string
	// csp is the results page's Content-Security-Policy.
	csp string
	// origin is the site's origin when its search address is on another
	// one: its pages call the API across origins, so it is allowed to.
	origin string
}

// siteOf reads the facts of an index; an index built without them (by a
// test) gets addresses relative to the endpoint's host.
func siteOf(f *index.Facts) site {
	if f == nil {
		f = &index.Facts{}
	}
	target := f.SearchURL
	if target == "" {
		// A site built without an endpoint: the one it would have beside it.
		target = path.Join("/", f.BasePath, "search")
	}
	s := site{search: target}
	base, err := url.Parse(f.BaseURL)
	if err != nil || base.Host == "" {
		s.csp = pageCSP(nil)
		return s
	}
	ref, err := url.Parse(target)
	if err != nil {
		s.csp = pageCSP(nil)
		return s
	}
	abs := base.ResolveReference(ref)
	s.search = abs.String()
	siteOrigin, searchOrigin := originOf(base), originOf(abs)
	if siteOrigin != searchOrigin {
		s.origin = siteOrigin
	}
	s.csp = pageCSP([]string{siteOrigin, searchOrigin})
	return s
}

func originOf(u *url.URL) string { return u.Scheme + "://" + u.Host }

// pageCSP allows the page's own origin and those given: the site's (its
// stylesheet, script and pages) and the search's (the form and the API).
func pageCSP(origins []string) string {
	src := []string{"'self'"}
	for _, o := range origins {
		if !slices.Contains(src, o) {
			src = append(src, o)
		}
	}
	all := strings.Join(src, " ")
	return "default-src " + all + "; img-src " + all + " data:; object-src 'none'; base-uri 'none'; form-action " + all + "; frame-ancestors 'none'"
}

// corsAllowed tells whether a page of origin o may call the API: one of
// the origins the endpoint was started with, or the site's own when its
// search is on another host.
func (h *Handler) corsAllowed(o string) bool {
	return o != "" && (slices.Contains(h.opts.CORSOrigins, o) || o == h.site.origin)
}
