package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/plenary-archive/plenary/generator"
)

// Files the build writes into the index folder beside bleve's own, so the
// endpoint can answer from the folder alone.
const (
	FactsFile = "plenary-site.json" // Facts
)

// Version is the format of the index folder. The endpoint refuses another,
// so an old endpoint never misreads a newer index. 2: the text analyzer
// is plenary_en, bleve's "en" made faster (package words). 3: the folder
// lists its files' checksums (package checksum), the results page is
// stored cut at its holes with the theme's results partials
// (resultspage.File), and the facts
// name the search endpoint's address. 4: words are folded (accents,
// apostrophes), the facts list every name of a state, and the synonyms
// are the config's and the topics' declared ones, not topic keywords.
// 5: who speaks, in each report, paragraph and the facts (the speaker
// filter).
const Version = 5

// Facts are what the endpoint needs to know about the site besides the
// index: names for facet labels, slugs for filters, where pages live.
type Facts struct {
	Version  int    `json:"version"`
	Title    string `json:"title"`
	BaseURL  string `json:"base_url"`
	BasePath string `json:"base_path"`
	// SearchURL is where the site sends searches (config.toml's [search]
	// endpoint): the endpoint makes its results page's links from it.
	SearchURL string  `json:"search_url"`
	Reports   int     `json:"reports"`
	States    []State `json:"states"`
	// Speakers are the groups and stakeholders that speak in the
	// archive; states that speak are among States.
	Speakers []Speaker `json:"speakers"`
	Topics   []Topic   `json:"topics"`
	Sessions []Session `json:"sessions"`
	// Synonyms are groups of forms a search treats as one: config.toml's
	// [search] synonyms, then those the topics declare.
	Synonyms [][]string `json:"synonyms"`
	// Fingerprint identifies the folder's content (see Build).
	Fingerprint string `json:"fingerprint"`
}

// State is a state named in the archive.
type State struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Slug string `json:"slug"`
	URL  string `json:"url"`
	// Names are the state's other names: its official name, the aliases
	// reports use and misspellings seen in them. A query or a filter
	// naming the state by any of them finds it.
	Names []string `json:"names,omitempty"`
}

// Speaker is a group of states or a stakeholder that speaks in the
// archive: the speaker filter finds it by its key, name or any alias.
type Speaker struct {
	Key   string   `json:"key"` // the registry's key, as the index holds it
	Name  string   `json:"name"`
	URL   string   `json:"url"`
	Names []string `json:"names,omitempty"` // its aliases
}

// Topic is one of the archive's topics.
type Topic struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Session is one of the archive's sessions.
type Session struct {
	Key     string `json:"key"`
	Title   string `json:"title"`
	Process string `json:"process,omitempty"`
	URL     string `json:"url"`
}

// Stored is what a hit shows, stored with each report as one JSON value:
// one stored field to load per hit instead of one per attribute.
type Stored struct {
	Title   string   `json:"t"`
	URL     string   `json:"u"` // absolute
	Date    string   `json:"d"` // RFC 3339 with the offset the report was written with
	AllDay  bool     `json:"a,omitempty"`
	Kind    string   `json:"k,omitempty"`
	Session string   `json:"s"`
	States  []string `json:"st,omitempty"` // codes, A to Z
	Topics  []string `json:"tp,omitempty"`
	// Paras are the report's paragraphs in the order of the text field's
	// array, so a match location's array position finds its paragraph.
	Paras []Para `json:"p"`
}

// Para is one indexed paragraph, or a heading.
type Para struct {
	N      int      `json:"n"` // the anchor's number: "#p-N"; a heading's is its section's first paragraph's
	Text   string   `json:"x"`
	States []string `json:"st,omitempty"` // codes of the states it names
	// Speakers are who speaks in it: states' codes and groups' and
	// stakeholders' keys.
	Speakers []string `json:"sp,omitempty"`
	Heading  bool     `json:"h,omitempty"`
}

// ReadFacts reads the facts of the index folder dir.
func ReadFacts(dir string) (*Facts, error) {
	data, err := os.ReadFile(filepath.Join(dir, FactsFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s has no %s: it is not an index written by plenary build", dir, FactsFile)
	}
	if err != nil {
		return nil, err
	}
	var f Facts
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", FactsFile, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: index format %d, this program reads %d: rebuild the index with the same version of plenary", FactsFile, f.Version, Version)
	}
	return &f, nil
}

func factsOf(s *generator.Site, opts Options) *Facts {
	f := &Facts{Version: Version, Title: s.Title, BaseURL: s.BaseURL, BasePath: s.BasePath, SearchURL: s.SearchURL, Reports: len(s.Reports),
		States: []State{}, Speakers: []Speaker{}, Topics: []Topic{}, Sessions: []Session{}}
	for _, st := range s.States {
		f.States = append(f.States, State{Code: st.Code, Name: st.Name, Slug: st.Slug, URL: st.Permalink, Names: stateNames(st)})
	}
	for _, g := range s.Groups {
		if len(g.Statements) > 0 {
			f.Speakers = append(f.Speakers, Speaker{Key: g.Key, Name: g.Name, URL: g.Permalink, Names: g.Aliases})
		}
	}
	for _, t := range s.Topics {
		f.Topics = append(f.Topics, Topic{Key: t.Key, Title: t.Title, URL: t.Permalink})
	}
	for _, ss := range s.Sessions {
		f.Sessions = append(f.Sessions, Session{Key: ss.Key, Title: ss.Title, Process: ss.Process, URL: ss.Permalink})
	}
	f.Synonyms = synonymGroups(s.Topics, opts.Synonyms)
	return f
}

// synonymGroups are the config's groups followed by those the topics
// declare, each without blanks or repeats.
func synonymGroups(topics []*generator.Topic, config [][]string) [][]string {
	out := [][]string{}
	add := func(words []string) {
		var g []string
		seen := map[string]bool{}
		for _, w := range words {
			w = strings.Join(strings.Fields(w), " ")
			if w == "" || seen[strings.ToLower(w)] {
				continue
			}
			seen[strings.ToLower(w)] = true
			g = append(g, w)
		}
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	for _, g := range config {
		add(g)
	}
	for _, t := range topics {
		for _, g := range t.Synonyms {
			add(g)
		}
	}
	return out
}
