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
	Body       []byte    // Markdown, rendered on demand so the whole site's HTML is never held at once
	// LoadBody, when set, reads Body, which was left unread because the
	// source is known unchanged: an update of a large archive renders few
	// report pages and need not read every source.
	LoadBody func() ([]byte, error)
	// LoadHTML, when set, reads the body as HTML, rendered by assembly
	// from the parse that found its paragraphs: a report page then need
	// not parse its Markdown a second time.
	LoadHTML   func() ([]byte, error)
	SourceHash [32]byte // of the source file, so a rebuild can tell what changed
	URL        string
	Permalink  string

	Session    *Session
	States     []*State // named in the text or in front matter, A to Z
	Groups     []*Group
	Topics     []*Topic
	Paragraphs []*Paragraph // every paragraph and list item, in document order
	Prev, Next *Report      // neighbours within the session, chronological
}

// Markdown returns the report's Markdown body, reading it if it was left
// unread.
func (r *Report) Markdown() ([]byte, error) {
	if r.Body == nil && r.LoadBody != nil {
		return r.LoadBody()
	}
	return r.Body, nil
}

// Statement is a paragraph in which a state is named: the archive's answer to
// "what did this state say, when, on what".
type Statement struct {
	State     *State
	Report    *Report
	Paragraph *Paragraph
	// Key is ParagraphKey of its report's Key and its paragraph's
	// number: pages listing thousands of statements decide where they end
	// and whether they changed from keys alone, without reaching into
	// every report.
	Key uint64
}

// URL is the report's URL with the paragraph's anchor. It is made when
// asked for: an archive has tens of statements per report, and keeping
// each one's URL was a fifth of the Site's memory.
func (s *Statement) URL() string { return s.Report.URL + "#" + s.Paragraph.ID }

// Excerpt is the statement's paragraph shortened to about 240 bytes around
// the first place the state is named, cut at word boundaries. It is made
// when a page shows it rather than stored: the statements of a large
// archive would otherwise hold a second copy of its text.
func (s *Statement) Excerpt() string { return Excerpt(s.Paragraph.Text(), s.State.Name, ExcerptLen) }
