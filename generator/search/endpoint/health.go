package endpoint

import (
	"net/http"
	"time"
)

// Liveness and readiness are apart, as orchestrators probe them: /healthz
// says the process is up and answers (restart it if not); /readyz says it
// should be sent searches now (take it out of the pool if not, and wait),
// which is not the case while it sheds load or swaps its index.

// live answers /healthz: 200 while the process runs.
func live(w http.ResponseWriter, docs uint64, started time.Time) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": docs, "up_seconds": int(time.Since(started).Seconds())})
}

// ready answers /readyz: 200, or 503 with why not.
func ready(w http.ResponseWriter, why string) {
	w.Header().Set("Cache-Control", "no-store")
	if why != "" {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "not ready", "reason": why})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready"})
}

// busy says why the handler sheds load, or "": every search slot is taken,
// so a new search would wait and may be refused.
func (h *Handler) busy() string {
	if len(h.slots) == cap(h.slots) {
		return "every search slot is taken: the endpoint is shedding load"
	}
	return ""
}
