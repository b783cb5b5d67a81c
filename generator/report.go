package generator

import (
	"time"
)

// Report is one meeting report: a page of its own, the source of the
// statements its paragraphs attribute to states.
type Report struct {
	Slug       string
	SourcePath string
	Title      string
	Kind       string
	Date       time.Time // start, with the offset it was written with
	End        time.Time // zero when unknown
	AllDay     bool      // the source gave a date without a time
	SourceURL  string    // where the original report was published, if known
	Location   string    // where the meeting was held, if the source says
	// Publisher and Author are who published and who wrote the report,
	// when its source says: its citation names them.
	Publisher, Author string
	// Body is the Markdown, when the Site holds it. A build that keeps the
	// body as HTML (see HTML), or renders every page, holds none: its
	// pages read the HTML or the source again.
	Body []byte
	// HTML is where a build's store keeps the body rendered as HTML by
	// assembly, from the parse that found its paragraphs, so that its page
	// does not parse the Markdown again. Len 0: none is kept.
	HTML       Span
	SourceHash [32]byte // of the source file, so a rebuild can tell what changed
	URL        string
	Permalink  string

	Session *Session
	States  []*State // named in the text or in front matter, A to Z
	Groups  []*Group // groups and stakeholders named in the text, by name
	Topics  []*Topic
	// Paragraphs are every paragraph and list item, in document order.
	Paragraphs []*Paragraph
	// Statements are every state's, group's and stakeholder's statement
	// and mention of the report, in document order; within a paragraph,
	// states A to Z, then groups and stakeholders by name.
	Statements []Statement
	Prev, Next *Report // neighbours within the session, chronological
}
