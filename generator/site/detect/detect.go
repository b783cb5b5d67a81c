// Package detect owns what a report's source yields, the part of assembly
// worth caching between builds: its paragraphs, each with the states,
// groups and stakeholders it names and who of them speaks, the topics its
// keywords tag, its links and misspellings, and the problems of its
// front matter's corrections of speakers.
package detect

import (
	"io"
	"sort"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/speakers"
)

// Detection is what the source of a report yields: its paragraphs with
// the states, groups and stakeholders each one names and who of them
// speaks, the topics, its links and misspellings, and what is wrong with
// its front matter's corrections of speakers. It is a pure function of
// the report's source file and of the context (the gazetteer, the
// registry of speakers, the topics' keywords, the base path), which
// makes it the expensive part of assembly worth caching between builds.
type Detection struct {
	Paragraphs   []DetectedParagraph
	TitleStates  []string // state codes named in the title
	TitleTopics  []string // topic keys named in the title
	Groups       []string // keys of the groups and stakeholders named anywhere
	Misspellings []Misspelling
	Links        []markdown.Link
	// Problems are the corrections of speakers in the front matter that
	// cannot be applied (errors) or no longer match the text (warnings).
	Problems []SpeakerProblem
}

// DetectedParagraph is one anchored block and what it names.
type DetectedParagraph struct {
	N       int
	Line    int // in the body
	Text    string
	Heading string
	// Names are the states, groups and stakeholders the paragraph names
	// or is said by, in order of first mention.
	Names  []Name
	Topics []string // keys, in the site's topic order
}

// Name is a state, group or stakeholder of a paragraph with its role.
type Name struct {
	Code    string // a state's ISO code, or a group's registry key
	Speaker bool   // it speaks; otherwise it is only mentioned
	For     string // the key of the group a speaker spoke on behalf of
}

// Misspelling is a state name written as a known misspelling.
type Misspelling struct {
	Line       int // in the body
	Form, Name string
}

// SpeakerProblem is a correction of speakers that cannot be applied, or,
// as a warning, one that no longer matches its paragraph.
type SpeakerProblem struct {
	Line  int // in the source file
	Msg   string
	Stale bool
}

// Detector finds what report texts name; it is shared, read-only, by the
// goroutines that analyse reports.
type Detector struct {
	md       *markdown.Renderer
	gz       *gazetteer.Gazetteer // the states named in titles
	speakers *speakers.Analyser
	matcher  *keywordMatcher
	topics   []*generator.Topic
}

// New returns the Detector of a build: md parses report bodies, gz finds
// the states named in titles, an tells who speaks, and topics' titles
// and keywords tag paragraphs.
func New(md *markdown.Renderer, gz *gazetteer.Gazetteer, an *speakers.Analyser, topics []*generator.Topic) *Detector {
	return &Detector{md: md, gz: gz, speakers: an, matcher: newKeywordMatcher(topics), topics: topics}
}

// Detect analyses one report's title and body.
func (d *Detector) Detect(title string, body []byte, fixes []speakers.Correction) *Detection {
	det, _ := d.DetectHTML(title, body, fixes, nil)
	return det
}

// DetectHTML analyses one report's title and body, with the corrections
// of its front matter, and, when html is not nil, renders the body there
// as HTML from the parse the analysis made.
func (d *Detector) DetectHTML(title string, body []byte, fixes []speakers.Correction, html io.Writer) (*Detection, error) {
	det := &Detection{}
	named := make([]bool, len(d.topics))
	d.matcher.match(title, named)
	det.TitleTopics = d.keys(named)
	for _, m := range d.gz.Detect(title) {
		if m.Entity.IsState() {
			det.TitleStates = append(det.TitleStates, m.Entity.Code)
		}
	}
	doc, err := d.md.AnalyseHTML(body, html)
	if err != nil {
		return nil, err
	}
	det.Links = doc.Links
	paras := make([]speakers.Paragraph, len(doc.Blocks))
	for i, b := range doc.Blocks {
		paras[i] = speakers.Paragraph{ID: ParagraphID(b.N), Text: b.Text, Quote: b.Quote, Item: b.Item}
	}
	names := d.speakers.Report(paras)
	if len(fixes) > 0 {
		var problems []speakers.Problem
		names, problems = d.speakers.Correct(paras, names, fixes)
		for _, p := range problems {
			det.Problems = append(det.Problems, SpeakerProblem{Line: p.Line, Msg: p.Message, Stale: p.Stale})
		}
	}
	groups := map[string]bool{}
	headingTopics := map[string][]bool{}
	det.Paragraphs = make([]DetectedParagraph, 0, len(doc.Blocks))
	total := 0
	for _, ns := range names {
		total += len(ns)
	}
	slab := make([]Name, 0, total) // every paragraph's names, cut from one slice
	for i, b := range doc.Blocks {
		p := DetectedParagraph{N: b.N, Line: b.Line, Text: b.Text, Heading: b.Heading}
		start := len(slab)
		for _, n := range names[i] {
			if n.Misspelt {
				det.Misspellings = append(det.Misspellings, Misspelling{Line: b.Line, Form: n.Form, Name: n.Entity.Name})
			}
			if !n.Entity.IsState() && !groups[n.Entity.Code] {
				groups[n.Entity.Code] = true
				det.Groups = append(det.Groups, n.Entity.Code)
			}
			name := Name{Code: n.Entity.Code, Speaker: n.Role == speakers.Speaker}
			if n.For != nil {
				name.For = n.For.Code
			}
			slab = append(slab, name)
		}
		if len(slab) > start {
			p.Names = slab[start:len(slab):len(slab)]
		}
		own := make([]bool, len(d.topics))
		d.matcher.match(b.Text, own)
		if b.Heading != "" {
			h, ok := headingTopics[b.Heading]
			if !ok {
				h = make([]bool, len(d.topics))
				d.matcher.match(b.Heading, h)
				headingTopics[b.Heading] = h
			}
			for i, v := range h {
				own[i] = own[i] || v
			}
		}
		p.Topics = d.keys(own)
		det.Paragraphs = append(det.Paragraphs, p)
	}
	sort.Strings(det.Groups)
	return det, nil
}

func (d *Detector) keys(set []bool) []string {
	var out []string
	for i, v := range set {
		if v {
			out = append(out, d.topics[i].Key)
		}
	}
	return out
}

// paragraphIDs are the anchors of the first paragraphs, made once: a build
// makes every paragraph of the archive, hundreds of thousands.
var paragraphIDs = func() []string {
	ids := make([]string, 512)
	for n := range ids {
		ids[n] = "p-" + strconv.Itoa(n)
	}
	return ids
}()

// ParagraphID is the anchor of paragraph n: "p-3".
func ParagraphID(n int) string {
	if n >= 0 && n < len(paragraphIDs) {
		return paragraphIDs[n]
	}
	return "p-" + strconv.Itoa(n)
}
