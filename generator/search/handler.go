// Package search owns the search endpoint: an http.Handler that answers
// /search from an index folder written by the build, opened read-only, as
// JSON or as the site's own results page, and /healthz. Every request is
// bounded (query length, terms, page depth, time, concurrency) and every
// bad input answers 400 with a message a person can act on. It reads the
// folder and nothing else of the build.
package search

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Options bound and shape the handler.
type Options struct {
	// MaxConcurrent is how many searches run at once; more wait for a
	// slot, in order, until their deadline. 0 means one per CPU: searches
	// are CPU-bound, and more at once only lets the scheduler starve some
	// (8 clients on 2 CPUs: p99 16 ms with 2 slots, 37 ms with 4, 89 ms
	// unbounded, at the same throughput).
	MaxConcurrent int
	// Timeout bounds one search, waiting for a slot included. 0 means 2s.
	Timeout time.Duration
	// CacheSize is how many recent responses are kept; 0 means 512, a
	// negative number none.
	CacheSize int
	// CORSOrigins are the origins (as "https://example.org") whose pages
	// may call the JSON API from the browser; no others may.
	CORSOrigins []string
	// Logger receives errors the person who searched does not see; nil
	// means slog's default.
	Logger *slog.Logger
}

type handler struct {
	ix      *Index
	opts    Options
	slots   chan struct{}
	cache   *cache
	log     *slog.Logger
	started time.Time
}

// NewHandler answers /search (any path ending in /search, so it can be
// mounted under the site's base path) and /healthz from ix.
func NewHandler(ix *Index, opts Options) http.Handler {
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Second
	}
	h := &handler{ix: ix, opts: opts, slots: make(chan struct{}, opts.MaxConcurrent), log: opts.Logger, started: time.Now()}
	if h.log == nil {
		h.log = slog.Default()
	}
	switch {
	case opts.CacheSize == 0:
		h.cache = newCache(512)
	case opts.CacheSize > 0:
		h.cache = newCache(opts.CacheSize)
	}
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	if o := r.Header.Get("Origin"); o != "" && slices.Contains(h.opts.CORSOrigins, o) {
		hd.Set("Access-Control-Allow-Origin", o)
	}
	hd.Add("Vary", "Origin")
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("search: panic", "path", r.URL.Path, "query", clip(r.URL.RawQuery), "panic", fmt.Sprint(p))
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
		h.health(w)
	case strings.HasSuffix(r.URL.Path, "/search"):
		h.search(w, r)
	default:
		h.fail(w, false, "", &httpError{http.StatusNotFound, "not found: search at /search?q=…"})
	}
}

func (h *handler) health(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": h.ix.Documents(), "up_seconds": int(time.Since(h.started).Seconds())})
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	html := htmlWanted(r)
	req, err := parseRequest(r.URL, r.Header.Get("Accept"), h.ix)
	if err != nil {
		h.fail(w, html, r.URL.Query().Get("q"), err)
		return
	}
	key := req.key()
	res := h.cache.get(key)
	if res == nil {
		ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
		defer cancel()
		select {
		case h.slots <- struct{}{}:
		case <-ctx.Done():
			err := errBusy
			if r.Context().Err() != nil {
				err = errGone
			}
			h.fail(w, req.html, req.q, err)
			return
		}
		res, err = h.ix.run(ctx, req)
		<-h.slots
		if err != nil {
			h.fail(w, req.html, req.q, err)
			return
		}
		h.cache.put(key, res)
	}
	out := *res
	out.Took = float64(time.Since(start).Microseconds()) / 1000
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Add("Vary", "Accept")
	if req.html {
		h.writeHTML(w, http.StatusOK, req.q, h.resultsHTML(r.URL, req, &out))
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
func (h *handler) fail(w http.ResponseWriter, html bool, q string, err error) {
	status, msg := statusOf(err)
	if status >= 500 && status != 503 {
		h.log.Error("search failed", "error", err.Error())
	}
	w.Header().Set("Cache-Control", "no-store")
	if status == 503 {
		w.Header().Set("Retry-After", "1")
	}
	if html {
		h.writeHTML(w, status, q, errorHTML(msg))
		return
	}
	writeJSON(w, status, errorBody{msg})
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
