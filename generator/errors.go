package generator

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is a problem in a source file, positioned so that an editor can jump
// to it. It prints as "path:line: message (hint)", the form editors, CI logs
// and `plenary check --format github` all understand.
type Error struct {
	Path    string // slash-separated, relative to the archive's root
	Line    int    // 1-based; 0 when the problem is about the file as a whole
	Msg     string // what is wrong
	Hint    string // what to do about it; may be empty
	Warning bool   // warnings are reported but do not fail a build
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Errorf returns a positioned error; hint says what the editor should do.
func Errorf(path string, line int, hint, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// ErrorList collects every problem of a build, so that editors see all of
// them at once instead of fixing one per run.
type ErrorList []*Error

// Add appends e; nil is ignored so callers can add results unconditionally.
func (l *ErrorList) Add(e *Error) {
	if e != nil {
		*l = append(*l, e)
	}
}

// Sort orders the list by path, line and message, so output is stable
// whatever order parallel stages finished in.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
}

// Errors returns the entries that are not warnings.
func (l ErrorList) Errors() ErrorList {
	var out ErrorList
	for _, e := range l {
		if !e.Warning {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns the entries that are warnings.
func (l ErrorList) Warnings() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Warning {
			out = append(out, e)
		}
	}
	return out
}

// Err returns the list as an error when it holds at least one non-warning,
// and nil otherwise.
func (l ErrorList) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// AsList returns err as an ErrorList: the list itself, a single *Error, or
// nil when err carries no position.
func AsList(err error) ErrorList {
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return nil
}
