package endpoint

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/plenary-archive/plenary/generator/search/engine"
)

// Live serves the search of an index folder that is rebuilt while it runs,
// as the preview's is: Open switches to the folder's new content and
// closes the old index once no search uses it. /healthz answers 200 from
// the start; /readyz answers 503 until an index is open and while Open
// swaps one for another.
type Live struct {
	opts     Options
	started  time.Time
	swapping atomic.Bool
	mu       sync.RWMutex
	ix       *engine.Index
	h        *Handler

	// beforeSwap, when set, runs once the new index is open and before
	// it replaces the old one (tests look at readiness then).
	beforeSwap func()
}

// NewLive returns a Live with no index yet: until Open succeeds, searches
// answer 503.
func NewLive(opts Options) *Live { return &Live{opts: opts, started: time.Now()} }

// Open opens dir and serves it from now on. On failure the index served
// so far stays.
func (l *Live) Open(dir string) error {
	l.swapping.Store(true)
	defer l.swapping.Store(false)
	ix, err := engine.Open(dir)
	if err != nil {
		return err
	}
	h, err := New(ix, l.opts)
	if err != nil {
		_ = ix.Close()
		return err
	}
	if l.beforeSwap != nil {
		l.beforeSwap()
	}
	l.mu.Lock()
	old := l.ix
	l.ix, l.h = ix, h
	l.mu.Unlock()
	if old != nil {
		return old.Close()
	}
	return nil
}

// ServeHTTP serves the current index. Searches hold a read lock, so Open
// waits for them before it closes the index they use.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/healthz":
		l.mu.RLock()
		var docs uint64
		if l.ix != nil {
			docs = l.ix.Documents()
		}
		l.mu.RUnlock()
		live(w, docs, l.started)
		return
	case "/readyz":
		ready(w, l.notReady())
		return
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.h == nil {
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"the search index is not built yet: fix the build's errors"})
		return
	}
	l.h.ServeHTTP(w, r)
}

// notReady says why searches should go elsewhere now, or "".
func (l *Live) notReady() string {
	if l.swapping.Load() {
		return "the search index is being swapped for a new one"
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.h == nil {
		return "no search index is open yet"
	}
	return l.h.busy()
}

// Documents is how many documents the index served holds.
func (l *Live) Documents() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.ix == nil {
		return 0
	}
	return l.ix.Documents()
}

// Close closes the current index.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ix == nil {
		return nil
	}
	err := l.ix.Close()
	l.ix, l.h = nil, nil
	return err
}
