package generator

import (
	"time"
)

// Session is one meeting of a process (a substantive session, an informal
// consultation), with the reports written about it.
type Session struct {
	Key        string
	SourcePath string
	Title      string
	Process    string // the process's title, or the label the session gives
	// Series is the process the session belongs to, when the archive
	// defines its processes; nil otherwise.
	Series     *Process
	Location   string
	Start, End time.Time // civil dates at midnight UTC; inclusive
	Documents  []Link
	Body       []byte // Markdown
	URL        string // site-relative, with BasePath: "/sessions/<key>/"
	Permalink  string // absolute

	Reports  []*Report    // chronological
	Speakers []StateCount // states that spoke, most statements first
	// GroupSpeakers are the groups and stakeholders that spoke, most
	// statements first.
	GroupSpeakers []GroupCount
	Topics        []TopicCount // topics of its reports, most reports first
}
