// Package endpoint owns the search endpoint's HTTP side: an http.Handler
// that answers /search from an engine.Index as JSON or as the site's own
// results page, /healthz (liveness) and /readyz (readiness), an access
// log, and Live, which serves an index folder that is rebuilt while it
// runs. Every request is bounded (query length, terms, page depth, time,
// concurrency) and every bad input answers 400 with a message a person can
// act on. The results page is the page the build stored with the index,
// filled by concatenation, with the theme's results partials; every link
// on it is made from the site's configured search address.
package endpoint

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// Options bound and shape the handler.
type Options struct {
	// MaxConcurrent is how many searches run at once; more wait for a
	// slot, in order, until their deadline. 0 means one per CPU: searches
	// are CPU-bound, and more at once only lets the scheduler starve some.
	MaxConcurrent int
	// Timeout bounds one search, waiting for a slot included. 0 means 2s.
	Timeout time.Duration
	// CacheSize is how many recent responses are kept; 0 means 512, a
	// negative number none.
	CacheSize int
	// CORSOrigins are the origins (as "https://example.org") whose pages
	// may call the JSON API from the browser, besides the site's own when
	// the index says its search is on another host; no others may.
	CORSOrigins []string
	// Logger receives errors the person who searched does not see; nil
	// means slog's default.
	Logger *slog.Logger
}

// Handler answers searches from one index.
type Handler struct {
	ix      *engine.Index
	opts    Options
	slots   chan struct{}
	cache   *engine.Cache
	log     *slog.Logger
	started time.Time
	page    *page
	site    site
}

// New answers /search (any path ending in /search, so it can be mounted
// under the site's base path), /healthz and /readyz from ix. It fails
// when the index's results partials do not parse.
func New(ix *engine.Index, opts Options) (*Handler, error) {
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Second
	}
	h := &Handler{ix: ix, opts: opts, slots: make(chan struct{}, opts.MaxConcurrent), log: opts.Logger, started: time.Now()}
	if h.log == nil {
		h.log = slog.Default()
	}
	switch {
	case opts.CacheSize == 0:
		h.cache = engine.NewCache(512)
	case opts.CacheSize > 0:
		h.cache = engine.NewCache(opts.CacheSize)
	}
	h.site = siteOf(ix.Facts())
	var err error
	if h.page, err = newPage(ix); err != nil {
		return nil, fmt.Errorf("%s: %w: rebuild it with plenary build", ix.Dir(), err)
	}
	return h, nil
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	if o := r.Header.Get("Origin"); h.corsAllowed(o) {
		hd.Set("Access-Control-Allow-Origin", o)
	}
	hd.Add("Vary", "Origin")
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("search: panic", "path", r.URL.Path, "query", query.Clip(r.URL.RawQuery, 40), "panic", fmt.Sprint(p))
			h.fail(w, false, "", fmt.Errorf("panic: %v", p))
		}
	}()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		h.fail(w, false, "", &httpError{http.StatusMethodNotAllowed, "only GET and HEAD are allowed"})
		return
	}
	switch {
	case r.URL.Path == "/healthz":
		live(w, h.ix.Documents(), h.started)
	case r.URL.Path == "/readyz":
		ready(w, h.busy())
	case strings.HasSuffix(r.URL.Path, "/search"):
		h.search(w, r)
	default:
		h.fail(w, false, "", &httpError{http.StatusNotFound, "not found: search at /search?q=…"})
	}
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	req, html, err := parseRequest(r.URL, r.Header.Get("Accept"), h.ix)
	if err != nil {
		h.fail(w, htmlWanted(r), r.URL.Query().Get("q"), err)
		return
	}
	key := req.Key()
	res := h.cache.Get(key)
	if res == nil {
		ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
		defer cancel()
		select {
		case h.slots <- struct{}{}:
		case <-ctx.Done():
			var err error = errBusy
			if r.Context().Err() != nil {
				err = engine.ErrGone
			}
			h.fail(w, html, req.Query, err)
			return
		}
		res, err = h.ix.Search(ctx, req)
		<-h.slots
		if err != nil {
			h.fail(w, html, req.Query, err)
			return
		}
		h.cache.Put(key, res)
	}
	out := *res
	out.Took = float64(time.Since(start).Microseconds()) / 1000
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Add("Vary", "Accept")
	if html {
		h.writeHTML(w, http.StatusOK, req.Query, h.results(r.URL, req, &out))
		return
	}
	writeJSON(w, http.StatusOK, &out)
}

// htmlWanted says which form an error should take, before the request is
// known to be valid.
func htmlWanted(r *http.Request) bool {
	switch r.URL.Query().Get("format") {
	case "html":
		return true
	case "json":
		return false
	}
	return wantsHTML(r.Header.Get("Accept"))
}

// fail answers an error: JSON {"error": …}, or the results page with the
// message when a browser asked.
func (h *Handler) fail(w http.ResponseWriter, html bool, q string, err error) {
	status, msg := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		h.log.Error("search failed", "error", err.Error())
	}
	w.Header().Set("Cache-Control", "no-store")
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	if html {
		h.writeHTML(w, status, q, h.errorHTML(msg))
		return
	}
	writeJSON(w, status, errorBody{msg})
}

// errorBody is the JSON answer to a request that failed.
type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// Excerpts hold <mark>: escaping it as \u003c would triple its size,
	// and a JSON response with nosniff is never read as HTML.
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeHTML writes the site's search page with the query, escaped, and
// the results.
func (h *Handler) writeHTML(w http.ResponseWriter, status int, q string, results template.HTML) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", h.site.csp)
	w.WriteHeader(status)
	_, _ = w.Write(h.page.fill(q, results))
}
