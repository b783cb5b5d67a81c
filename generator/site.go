package generator

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Site is the whole archive, assembled once from its sources and read-only
// afterwards: every stage after assembly (render, index, publish) reads it
// concurrently without locks, so nothing may change it once built.
type Site struct {
	Title       string
	Description string
	Language    string
	BaseURL     string // absolute, with a trailing slash: "https://example.org/archive/"
	BasePath    string // the path part of BaseURL: "/archive/"; every URL in the model starts with it
	SearchURL   string // where the search form is sent (the search endpoint)

	Reports  []*Report  // newest first
	Sessions []*Session // oldest first, the order of a timeline
	States   []*State   // states named at least once, A to Z
	Topics   []*Topic   // by title
	Groups   []*Group   // groups named at least once, A to Z

	Updated time.Time // date of the newest report: the feed's <updated>, never the wall clock

	// Processes are the processes the archive defines (content/processes/),
	// by start; none when it defines none.
	Processes []*Process
}

// Link is a titled URL, such as an official document of a session.
type Link struct {
	Title string
	URL   string
}

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
	Topics   []TopicCount // topics of its reports, most reports first
}

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

// ExcerptLen is about how long an excerpt is, in bytes: each end may run
// on to the end of a character.
const ExcerptLen = 240

// Excerpt shortens text to about n bytes around the first occurrence of
// name, cutting at word boundaries and marking cuts with "…".
func Excerpt(text, name string, n int) string {
	cutStart, out, cutEnd := excerpt(text, name, n)
	if cutStart {
		out = "… " + out
	}
	if cutEnd {
		out += " …"
	}
	return out
}

// ExcerptParts is the statement's excerpt as Excerpt makes it, in parts
// that point into the paragraph's text: whether the text is cut before
// and after it. A state's pages write thousands of excerpts, and need
// not make a string of each.
func (s *Statement) ExcerptParts() (cutStart bool, text string, cutEnd bool) {
	return excerpt(s.Paragraph.Text(), s.State.Name, ExcerptLen)
}

func excerpt(text, name string, n int) (cutStart bool, out string, cutEnd bool) {
	if len(text) <= n {
		return false, text, false
	}
	start := 0
	if i := strings.Index(text, name); i > n/3 {
		start = i - n/3
	}
	end := start + n
	if end > len(text) {
		end = len(text)
		start = max(0, end-n)
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	if start > 0 {
		if i := strings.IndexFunc(text[start:end], unicode.IsSpace); i >= 0 {
			start += i + 1
		}
	}
	if end < len(text) {
		if i := strings.LastIndexFunc(text[start:end], unicode.IsSpace); i > 0 {
			end = start + i
		}
	}
	return start > 0, strings.TrimSpace(text[start:end]), end < len(text)
}

// State is a country, an observer state or the European Union, with
// everything the archive attributes to it.
type State struct {
	Code      string // ISO 3166-1 alpha-3
	Name      string
	Official  string
	Kind      string
	Slug      string
	URL       string
	Permalink string

	Statements []*Statement         // newest first, then in document order
	Reports    []*Report            // newest first
	BySession  []*SessionStatements // newest session first
	Topics     []TopicCount
}

// SessionStatements groups a state's statements by session for its page.
type SessionStatements struct {
	Session    *Session
	Statements []*Statement
}

// Group is a group of states or an organisation ("the African Group",
// ASEAN). Groups are detected so they are never mistaken for states; they
// have no page of their own yet.
type Group struct {
	Key  string
	Name string
	Kind string
}

// Topic is an agenda item; reports are tagged by front matter or by the
// topic's keywords appearing in their text.
type Topic struct {
	Key        string
	SourcePath string
	Title      string
	Summary    string
	Keywords   []string
	Weight     int // orders topics; 0 sorts after the weighted ones
	Body       []byte
	URL        string
	Permalink  string

	Reports []*Report // newest first
	States  []StateCount
}

// StateCount is a state with how many statements it made in some scope.
type StateCount struct {
	State *State
	Count int
}

// TopicCount is a topic with how many reports or statements concern it.
type TopicCount struct {
	Topic *Topic
	Count int
}

// SortStateCounts orders counts most first, then by slug, the order every
// "most active" list uses.
func SortStateCounts(c []StateCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].State.Slug < c[j].State.Slug
	})
}

// SortTopicCounts orders counts most first, then by key.
func SortTopicCounts(c []TopicCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Topic.Key < c[j].Topic.Key
	})
}
