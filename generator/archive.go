package generator

import (
	"time"
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
	SearchURL   string // where the search form is sent: "/archive/search", or an endpoint's URL elsewhere; "" for none

	Reports  []*Report  // newest first
	Sessions []*Session // oldest first, the order of a timeline
	States   []*State   // states named at least once, A to Z
	Topics   []*Topic   // by title
	Groups   []*Group   // groups and stakeholders named at least once, by name

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
