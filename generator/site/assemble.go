// Package site assembles the read-only generator.Site from an archive's
// decoded sources: it resolves sessions and topics, detects the states named
// in each paragraph, numbers paragraphs, collects statements, computes every
// URL once and links everything both ways. Problems that involve more than
// one file (an unknown session, two reports with one slug) are found here.
package site

import (
	"sort"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/registry"
	"github.com/plenary-archive/plenary/generator/site/detect"
	"github.com/plenary-archive/plenary/generator/speakers"
)

// Options are the inputs of assembly besides the sources.
type Options struct {
	Gazetteer *gazetteer.Gazetteer // with the archive's extra aliases applied
	// Speakers tells who speaks in each paragraph, with the registry of
	// groups and stakeholders; nil: the built-in registry over Gazetteer.
	Speakers *speakers.Analyser
	Markdown *markdown.Renderer
	Drafts   bool // include reports marked draft (preview only)
	// Cache, when set, keeps detections between builds; it must belong to
	// the same context (see DetectionContext).
	Cache DetectionCache
	// Bodies, when set, keeps the HTML of every report body assembly
	// parses, for its page (see Report.HTML).
	Bodies BodyStore
	// KeepTexts keeps the texts of those reports' paragraphs in Bodies
	// too (see generator.KeptParagraph) rather than in the Site. A large
	// archive needs it: its texts are a third of its Site. A small one is
	// faster without: its pages read each excerpt back, one read at a
	// time.
	KeepTexts bool
	// HoldMarkdown keeps in the Site the Markdown of the reports whose
	// HTML Bodies does not keep (Report.Body). Without it a page that
	// needs one reads its source again: a full build renders every page,
	// and would otherwise hold every source while it does.
	HoldMarkdown bool
}

// BodyStore keeps report bodies rendered as HTML, and with KeepTexts the
// texts of their paragraphs, out of the heap (see bodies.Store).
// Implementations must be safe for concurrent use.
type BodyStore interface {
	// Put keeps b, which the caller reuses after it returns, and gives
	// back where.
	Put(b []byte) (off int64, err error)
}

// DetectionCache keeps detections by the hash of the report's source
// file, which holds its title and text: the loader has hashed every file
// already, so a lookup costs no more hashing. Implementations must be safe
// for concurrent use.
type DetectionCache interface {
	Get(source [32]byte) *detect.Detection
	Put(source [32]byte, d *detect.Detection)
}

// Assemble builds the Site. It returns the site together with every problem
// found; when the list holds errors (not only warnings) the site is nil.
// It takes each report's Markdown from a (content.File.TakeBody), so that
// a source is let go of as soon as it is analysed.
func Assemble(a *content.Archive, opts Options) (*generator.Site, generator.ErrorList) {
	var errs generator.ErrorList
	cfg := a.Config
	u := &urls{basePath: cfg.BasePath, baseURL: cfg.BaseURL, owners: map[string]string{}, errs: &errs}
	s := &generator.Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		Language:    cfg.Language,
		BaseURL:     cfg.BaseURL,
		BasePath:    cfg.BasePath,
		SearchURL:   cfg.Search.URL,
	}

	sessions := map[string]*generator.Session{}
	for _, src := range a.Sessions {
		ss := &generator.Session{
			Key: src.Key, SourcePath: src.Path, Title: src.Front.Title, Process: src.Front.Process,
			Location: src.Front.Location, Start: src.Start, End: src.End, Body: src.Body,
		}
		for _, d := range src.Front.Documents {
			ss.Documents = append(ss.Documents, generator.Link{Title: d.Title, URL: d.URL})
		}
		ss.URL, ss.Permalink = u.claim("sessions/"+src.Key+"/", src.Path)
		sessions[src.Key] = ss
		s.Sessions = append(s.Sessions, ss)
	}
	sort.SliceStable(s.Sessions, func(i, j int) bool {
		a, b := s.Sessions[i], s.Sessions[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return a.Key < b.Key
	})
	processes(a, u, s, &errs)

	topics := map[string]*generator.Topic{}
	for _, src := range a.Topics {
		t := &generator.Topic{
			Key: src.Key, SourcePath: src.Path, Title: src.Front.Title, Summary: src.Front.Summary,
			Keywords: src.Front.Keywords, Synonyms: src.Front.Synonyms, Weight: src.Front.Weight, Body: src.Body,
		}
		t.URL, t.Permalink = u.claim("topics/"+src.Key+"/", src.Path)
		topics[src.Key] = t
		s.Topics = append(s.Topics, t)
	}
	sort.SliceStable(s.Topics, func(i, j int) bool {
		a, b := s.Topics[i], s.Topics[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return b.Weight == 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return strings.ToLower(a.Title) < strings.ToLower(b.Title)
	})

	gz := opts.Gazetteer
	states, rank := stateTable(gz, u)
	an := opts.Speakers
	if an == nil {
		var err error
		if an, err = DefaultSpeakers(gz); err != nil {
			errs.Add(generator.Errorf(content.ConfigFile, 0, "", "speakers: %v", err))
			return nil, errs
		}
	}
	groups, groupRank := groupTable(an.Registry(), states)

	// Reports: front matter resolved one by one, then the heavy part
	// (Markdown parsing and detection) on every core.
	var srcs []*content.Report
	var reports []*generator.Report
	slugs := map[string]string{}
	for _, src := range a.Reports {
		if src.Front.Draft && !opts.Drafts {
			continue
		}
		if prev, dup := slugs[src.Slug]; dup {
			errs.Add(generator.Errorf(src.Path, 0, "rename one of the two files", "another report has the same file name: %s", prev))
			continue
		}
		slugs[src.Slug] = src.Path
		r := &generator.Report{
			Slug: src.Slug, SourcePath: src.Path, Title: src.Front.Title, Kind: src.Front.Kind,
			Date: src.Date, End: src.End, AllDay: src.AllDay, SourceURL: src.Front.Source, Location: src.Front.Location,
			Publisher: src.Front.Publisher, Author: src.Front.Author,
			SourceHash: src.Hash,
		}
		r.URL, r.Permalink = u.claim("reports/"+src.Slug+"/", src.Path)
		if ss, ok := sessions[src.Front.Session]; ok {
			r.Session = ss
		} else if src.Front.Session != "" && !a.Broken["session:"+src.Front.Session] {
			errs.Add(generator.Errorf(src.Path, src.Line("session"), suggestKey(src.Front.Session, sessions), "unknown session %q", src.Front.Session))
		}
		for _, k := range src.Front.Topics {
			if t, ok := topics[k]; ok {
				r.Topics = append(r.Topics, t)
			} else if !a.Broken["topic:"+k] {
				errs.Add(generator.Errorf(src.Path, src.Line("topics"), suggestKey(k, topics), "unknown topic %q", k))
			}
		}
		for _, name := range src.Front.States {
			e, ok := gz.Lookup(name)
			switch {
			case !ok:
				hint := "use a state's name, alias or ISO code, or add an alias in config.toml [states.aliases]"
				if near := gz.Suggest(name); near != "" {
					hint = "did you mean " + near + "?"
				}
				errs.Add(generator.Errorf(src.Path, src.Line("states"), hint, "unknown state %q", name))
			case !e.IsState():
				errs.Add(generator.Errorf(src.Path, src.Line("states"), "list only states here; groups are detected in the text", "%q is a group, not a state", name))
			default:
				r.States = append(r.States, states[e.Code])
			}
		}
		srcs = append(srcs, src)
		reports = append(reports, r)
	}

	order := map[*generator.Topic]int{}
	for i, t := range s.Topics {
		order[t] = i
	}
	work := &analyser{
		detector: detect.New(opts.Markdown, gz, an, s.Topics),
		cache:    opts.Cache, bodies: opts.Bodies, keepTexts: opts.KeepTexts, holdMarkdown: opts.HoldMarkdown,
		sources: a.Root, topics: topics, order: order, codes: newCodeTable(states, rank), groups: groups, groupRank: groupRank,
	}
	found := make([]analysis, len(reports))
	generator.Parallel(len(reports), func(i int) {
		work.report(reports[i], srcs[i], &found[i])
	})
	for i, f := range found {
		errs = append(errs, f.problems...)
		errs.Add(checkDate(reports[i], srcs[i].Line, s.Sessions))
	}
	// With errors so far, the model is made of the reports without any,
	// only for the link check: one run then lists every problem.
	failed := map[string]bool{}
	for _, e := range errs.Errors() {
		failed[e.Path] = true
	}
	linked := make([]*generator.Report, 0, len(reports))
	declared := make([][]*generator.State, 0, len(reports))
	for i, r := range reports {
		if r.Session != nil && !failed[r.SourcePath] {
			linked = append(linked, r)
			declared = append(declared, found[i].declared)
		}
	}
	link(s, linked, declared, states, rank, groupRank)
	for _, g := range s.Groups {
		dir := "stakeholders/"
		if g.OfStates {
			dir = "groups/"
		}
		g.URL, g.Permalink = u.claim(dir+g.Key+"/", "the registry of speakers")
	}
	lc := newLinkChecker(s, u)
	for i, r := range reports {
		lc.check(r.SourcePath, srcs[i].BodyLine, r.URL, found[i].links, &errs)
	}
	for _, src := range a.Sessions {
		ss := sessions[src.Key]
		lc.check(ss.SourcePath, src.BodyLine, ss.URL, opts.Markdown.Analyse(ss.Body).Links, &errs)
	}
	for _, src := range a.Topics {
		t := topics[src.Key]
		lc.check(t.SourcePath, src.BodyLine, t.URL, opts.Markdown.Analyse(t.Body).Links, &errs)
	}
	errs.Sort()
	if len(errs.Errors()) > 0 {
		return nil, errs
	}
	return s, errs
}

// stateTable makes a State for every entity of the gazetteer that can have
// a page, and a rank that orders them A to Z as the gazetteer does.
func stateTable(gz *gazetteer.Gazetteer, u *urls) (map[string]*generator.State, map[*generator.State]int) {
	states := map[string]*generator.State{}
	rank := map[*generator.State]int{}
	for i, e := range gz.States() {
		st := &generator.State{Code: e.Code, Name: e.Name, Official: e.Official, Aliases: e.Aliases, Misspellings: e.Misspellings, Kind: e.Kind, Slug: e.Slug}
		st.URL = u.basePath + "states/" + e.Slug + "/"
		st.Permalink = u.baseURL + "states/" + e.Slug + "/"
		states[e.Code] = st
		rank[st] = i
	}
	return states, rank
}

// DefaultSpeakers is the analysis of speakers over gz with the built-in
// registry of groups and stakeholders.
func DefaultSpeakers(gz *gazetteer.Gazetteer) (*speakers.Analyser, error) {
	reg, err := registry.Load(gz)
	if err != nil {
		return nil, err
	}
	return speakers.New(gz, reg)
}

// groupTable makes a Group for every entry of the registry, and a rank
// that orders them by name, then key.
func groupTable(reg *registry.Registry, states map[string]*generator.State) (map[string]*generator.Group, map[*generator.Group]int) {
	entries := reg.Entries()
	groups := make(map[string]*generator.Group, len(entries))
	list := make([]*generator.Group, 0, len(entries))
	for _, e := range entries {
		g := &generator.Group{Key: e.Key, Name: e.Name, Aliases: e.Aliases, Kind: e.Kind, OfStates: e.IsGroup()}
		for _, c := range e.Members {
			if st := states[c]; st != nil {
				g.Members = append(g.Members, st)
			}
		}
		sort.Slice(g.Members, func(i, j int) bool { return g.Members[i].Slug < g.Members[j].Slug })
		groups[e.Key] = g
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := strings.ToLower(list[i].Name), strings.ToLower(list[j].Name)
		if a != b {
			return a < b
		}
		return list[i].Key < list[j].Key
	})
	rank := make(map[*generator.Group]int, len(list))
	for i, g := range list {
		rank[g] = i
	}
	return groups, rank
}

// suggestKey names the closest key in a hint, or lists what exists.
func suggestKey[V any](key string, known map[string]V) string {
	best, bestD := "", len(key)/2+2
	var all []string
	for k := range known {
		all = append(all, k)
		if d := distance(strings.ToLower(key), k); d < bestD || (d == bestD && k < best) {
			best, bestD = k, d
		}
	}
	if best != "" {
		return "did you mean " + best + "?"
	}
	sort.Strings(all)
	if len(all) > 8 {
		all = append(all[:8], "…")
	}
	if len(all) == 0 {
		return "none are defined yet: add one under content/"
	}
	return "known: " + strings.Join(all, ", ")
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// newestFirst orders reports by date, newest first, then by slug.
func newestFirst(rs []*generator.Report) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug < b.Slug
	})
}

func latest(rs []*generator.Report) time.Time {
	var t time.Time
	for _, r := range rs {
		if r.Date.After(t) {
			t = r.Date
		}
	}
	return t.UTC()
}
