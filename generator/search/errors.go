package search

import (
	"errors"
	"fmt"
	"net/http"
)

// httpError is an error with the status it answers and a message written
// for the person who made the request.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// statusOf maps an error to its status and public message. Errors that are
// not httpErrors are the server's own: the person sees a plain sentence,
// the log sees the detail.
func statusOf(err error) (int, string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, he.msg
	}
	return http.StatusInternalServerError, "internal error: the search failed; it was logged"
}
