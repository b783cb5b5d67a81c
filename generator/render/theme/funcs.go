package theme

import (
	"html/template"
	"time"

	"github.com/plenary-archive/plenary/generator/render/format"
)

// funcs are the few helpers templates get: formatting only, never access
// to anything beyond the value they are given.
var funcs = template.FuncMap{
	"date":     func(t time.Time) string { return t.Format("2 January 2006") },
	"isodate":  func(t time.Time) string { return t.Format("2006-01-02") },
	"datetime": func(t time.Time) string { return t.Format(time.RFC3339) },
	"when":     format.When,
	"span":     format.Span,
	"plural":   format.Plural,
}
