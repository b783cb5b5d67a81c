package query

import "fmt"

// Error is a request the person who sent it must change, with a message
// written for them: the endpoint answers it with 400.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Errorf makes an *Error.
func Errorf(format string, args ...any) error {
	return &Error{fmt.Sprintf(format, args...)}
}

// Clip shortens s to at most n bytes, on a character boundary, with an
// ellipsis when it cut: for values quoted back in messages and logs.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
