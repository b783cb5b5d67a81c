package importer

import (
	"bytes"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// frontMatter fixes the order of the keys, so that the same report always
// writes the same file. Date is a time.Time (a TOML offset date-time) or,
// for a report without a time, a toml.LocalDate, so that no time of day
// is invented.
type frontMatter struct {
	Title   string    `toml:"title"`
	Date    any       `toml:"date"`
	End     time.Time `toml:"end,omitzero"`
	Session string    `toml:"session,omitempty"`
	Kind    string    `toml:"kind"`
}

// Source renders the report as an archive source file: TOML front matter
// between "+++" lines, a blank line, then the Markdown body, ending in one
// newline. Values go through go-toml, never hand-built quoting, because
// titles contain quotes, backslashes and dashes. An empty session is left
// out, so the content loader reports it as missing instead of reading a
// key that names nothing.
func (r *Report) Source(session string) []byte {
	fm := frontMatter{Title: r.Title, Session: session, Kind: r.Kind}
	if r.AllDay {
		y, m, d := r.Start.Date()
		fm.Date = toml.LocalDate{Year: y, Month: int(m), Day: d}
	} else {
		fm.Date = r.Start
		fm.End = r.End
	}
	front, err := toml.Marshal(fm)
	if err != nil {
		// Strings and times always encode; an error here is a bug in
		// this package, not in the report.
		panic("importer: encoding front matter: " + err.Error())
	}
	var b bytes.Buffer
	b.WriteString("+++\n")
	b.Write(front)
	b.WriteString("+++\n")
	if body := strings.TrimRight(r.Body, "\n"); body != "" {
		b.WriteString("\n")
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}
