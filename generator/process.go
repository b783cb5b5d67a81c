package generator

import "time"

// Process is a negotiating process the archive covers (the OEWG 2019-2021,
// the OEWG 2021-2025, the Global Mechanism on ICT security), with its
// sessions on a timeline.
type Process struct {
	Key        string
	SourcePath string
	Title      string    // short: "OEWG 2021-2025"
	Name       string    // the full official name; may be empty
	Start, End time.Time // civil dates at midnight UTC; End zero while it goes on
	Documents  []Link
	Body       []byte // Markdown
	URL        string // site-relative, with BasePath: "/processes/<key>/"
	Permalink  string

	Sessions []*Session // oldest first
}
