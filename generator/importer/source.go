package importer

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// frontMatter fixes the order of the keys, so that the same report always
// writes the same file. Date is a time.Time (a TOML offset date-time) or,
// for a report without a time, a toml.LocalDate, so that no time of day
// is invented; End likewise.
type frontMatter struct {
	Title    string `toml:"title"`
	Date     any    `toml:"date"`
	End      any    `toml:"end,omitempty"`
	Session  string `toml:"session,omitempty"`
	Kind     string `toml:"kind"`
	Location string `toml:"location,omitempty"`
	Source   string `toml:"source,omitempty"`
}

// Source renders the report as an archive source file: TOML front matter
// between "+++" lines, a blank line, then the Markdown body, ending in one
// newline. Values go through go-toml, never hand-built quoting, because
// titles contain quotes, backslashes and dashes. An empty session is left
// out, so the content loader reports it as missing instead of reading a
// key that names nothing. The speakers table comes last, its paragraphs in
// document order.
func (r *Report) Source(session string) []byte {
	fm := frontMatter{Title: r.Title, Session: session, Kind: r.Kind, Location: r.Location, Source: r.SourceURL}
	if r.AllDay {
		fm.Date = localDate(r.Start)
		if !r.End.IsZero() {
			fm.End = localDate(r.End)
		}
	} else {
		fm.Date = r.Start
		if !r.End.IsZero() {
			fm.End = r.End
		}
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
	if len(r.Speakers) > 0 {
		b.WriteString("\n[speakers]\n")
		ids := make([]string, 0, len(r.Speakers))
		for id := range r.Speakers {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return paragraphNumber(ids[i]) < paragraphNumber(ids[j]) })
		for _, id := range ids {
			line, err := toml.Marshal(map[string][]string{id: r.Speakers[id]})
			if err != nil {
				panic("importer: encoding speakers: " + err.Error())
			}
			b.Write(line)
		}
	}
	b.WriteString("+++\n")
	if body := strings.TrimRight(r.Body, "\n"); body != "" {
		b.WriteString("\n")
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}

func localDate(t time.Time) toml.LocalDate {
	y, m, d := t.Date()
	return toml.LocalDate{Year: y, Month: int(m), Day: d}
}

func paragraphNumber(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "p-"))
	return n
}
