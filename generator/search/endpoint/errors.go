package endpoint

import (
	"errors"
	"net/http"

	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// httpError is an error with the status it answers and a message written
// for the person who made the request.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// errBusy is the server's limit speaking, not the request's fault: it
// answers 503 so clients retry.
var errBusy = &httpError{http.StatusServiceUnavailable, "the search service is busy: try again in a moment"}

// statusOf maps an error to its status and public message. Errors that
// are neither the request's nor the server's limits are the server's own:
// the person sees a plain sentence, the log sees the detail.
func statusOf(err error) (int, string) {
	var he *httpError
	var qe *query.Error
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.As(err, &qe):
		return http.StatusBadRequest, qe.Msg
	case errors.Is(err, engine.ErrSlow):
		return http.StatusServiceUnavailable, err.Error()
	case errors.Is(err, engine.ErrGone):
		// Logged when the client left before its answer: 499, as
		// proxies log it.
		return 499, err.Error()
	}
	return http.StatusInternalServerError, "internal error: the search failed; it was logged"
}
