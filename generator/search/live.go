package search

import (
	"net/http"
	"sync"
)

// Live serves the search of an index folder that is rebuilt while it runs,
// as the preview's is: Open switches to the folder's new content and
// closes the old index once no search uses it.
type Live struct {
	opts Options
	mu   sync.RWMutex
	ix   *Index
	h    http.Handler
}

// NewLive returns a Live with no index yet: until Open succeeds it answers
// 503.
func NewLive(opts Options) *Live { return &Live{opts: opts} }

// Open opens dir and serves it from now on.
func (l *Live) Open(dir string) error {
	ix, err := Open(dir)
	if err != nil {
		return err
	}
	h := NewHandler(ix, l.opts)
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
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.h == nil {
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"the search index is not built yet: fix the build's errors"})
		return
	}
	l.h.ServeHTTP(w, r)
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
