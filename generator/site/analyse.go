package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
)

// Detection is what the text of a report yields: its paragraphs with the
// states and topics each one names, its links and misspellings. It is a
// pure function of the report's title and body and of the context (the
// gazetteer, the topics' keywords, the base path), which makes it the
// expensive part of assembly worth caching between builds.
type Detection struct {
	Paragraphs   []DetectedParagraph
	TitleStates  []string // state codes named in the title
	TitleTopics  []string // topic keys named in the title
	Groups       []string // group keys named anywhere
	Misspellings []Misspelling
	Links        []markdown.Link
}

// DetectedParagraph is one anchored block and what it names.
type DetectedParagraph struct {
	N       int
	Line    int // in the body
	Text    string
	Heading string
	States  []string // codes, in order of first mention
	Topics  []string // keys, in the site's topic order
}

// Misspelling is a state name written as a known misspelling.
type Misspelling struct {
	Line       int // in the body
	Form, Name string
}

// Detector finds what report texts name; it is shared, read-only, by the
// goroutines that analyse reports.
type Detector struct {
	md      *markdown.Renderer
	gz      *gazetteer.Gazetteer
	matcher *keywordMatcher
	topics  []*generator.Topic
}

// Detect analyses one report's title and body.
func (d *Detector) Detect(title string, body []byte) *Detection {
	det, _ := d.DetectHTML(title, body, nil)
	return det
}

// DetectHTML analyses one report's title and body and, when html is not
// nil, renders the body there as HTML from the parse the analysis made.
func (d *Detector) DetectHTML(title string, body []byte, html io.Writer) (*Detection, error) {
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
	groups := map[string]bool{}
	headingTopics := map[string][]bool{}
	det.Paragraphs = make([]DetectedParagraph, 0, len(doc.Blocks))
	for _, b := range doc.Blocks {
		p := DetectedParagraph{N: b.N, Line: b.Line, Text: b.Text, Heading: b.Heading}
		for _, m := range d.gz.Detect(b.Text) {
			if m.Misspelt {
				det.Misspellings = append(det.Misspellings, Misspelling{Line: b.Line, Form: m.Form, Name: m.Entity.Name})
			}
			if !m.Entity.IsState() {
				if !groups[m.Entity.Code] {
					groups[m.Entity.Code] = true
					det.Groups = append(det.Groups, m.Entity.Code)
				}
				continue
			}
			if !contains(p.States, m.Entity.Code) {
				p.States = append(p.States, m.Entity.Code)
			}
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// analyser turns detections into the model: shared and read-only while
// reports are analysed in parallel.
type analyser struct {
	detector *Detector
	cache    DetectionCache
	topics   map[string]*generator.Topic
	order    map[*generator.Topic]int
	codes    *codeTable
	groups   map[string]*generator.Group
	bodies   BodyStore
	// keepTexts puts the paragraphs' texts in bodies after the HTML.
	keepTexts bool
	// holdMarkdown keeps the Markdown of reports whose HTML is not kept.
	holdMarkdown bool
	sources      fs.FS // the archive, to read bodies left unread
}

// detectHTML detects what a report's body names and, with a body store,
// renders the body's HTML into html from the same parse, for its page.
func (an *analyser) detectHTML(r *generator.Report, body []byte, html *bytes.Buffer, out *analysis) *Detection {
	if an.bodies == nil {
		return an.detector.Detect(r.Title, body)
	}
	det, err := an.detector.DetectHTML(r.Title, body, html)
	if err != nil {
		out.problems = append(out.problems, generator.AsList(fmt.Errorf("%s: %w", r.SourcePath, err))...)
		return nil
	}
	return det
}

// keep puts a report's HTML, if any, and with keepTexts its paragraphs'
// texts, after it, in the body store, and gives back where the texts
// start, or -1 when they are not kept there.
func (an *analyser) keep(r *generator.Report, html *bytes.Buffer, det *Detection) (int64, error) {
	n := html.Len()
	if an.keepTexts {
		for _, p := range det.Paragraphs {
			html.WriteString(p.Text)
		}
	}
	off, err := an.bodies.Put(html.Bytes())
	if err != nil {
		return 0, fmt.Errorf("%s: %w", r.SourcePath, err)
	}
	if n > 0 {
		r.HTML = generator.Span{Off: off, Len: n}
	}
	if !an.keepTexts {
		return -1, nil
	}
	return off + int64(n), nil
}

var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// analysis is what analysing one report finds besides what it sets on the
// report itself.
type analysis struct {
	links    []markdown.Link
	problems generator.ErrorList
}

// report numbers a report's paragraphs and attaches the states, groups and
// topics each one names. It touches only r and out, so reports are
// analysed in parallel.
func (an *analyser) report(r *generator.Report, src *content.Report, out *analysis) {
	var det *Detection
	if an.cache != nil {
		det = an.cache.Get(src.Hash)
	}
	// A report parsed here keeps its HTML in the body store, and with
	// keepTexts its texts. One whose detection comes from the cache holds
	// the texts the cache decoded: an update reads few sources, and
	// writing every text of the archive again would cost it more than it
	// saves.
	var html *bytes.Buffer
	if an.bodies != nil && det == nil {
		html = htmlBuffers.Get().(*bytes.Buffer)
		defer func() {
			if html.Cap() <= 1<<20 {
				html.Reset()
				htmlBuffers.Put(html)
			}
		}()
	}
	// The Markdown is taken from the source and let go of here, unless
	// the Site holds it: holding every source until the whole archive is
	// assembled made a large build's peak.
	body := src.TakeBody()
	if det == nil {
		if body == nil {
			var err error
			if body, err = content.ReadBody(an.sources, src.Path, src.Hash); err != nil {
				out.problems = append(out.problems, generator.AsList(err)...)
				return
			}
		}
		if det = an.detectHTML(r, body, html, out); det == nil {
			return
		}
		if an.cache != nil {
			an.cache.Put(src.Hash, det)
		}
	}
	if an.holdMarkdown && (html == nil || html.Len() == 0) {
		r.Body = body
	}
	out.links = det.Links
	if len(det.Paragraphs) == 0 {
		out.problems.Add(generator.Errorf(r.SourcePath, src.BodyLine, "write the report below the front matter", "the report has no text"))
	}
	for _, m := range det.Misspellings {
		out.problems.Add(&generator.Error{
			Path: r.SourcePath, Line: src.BodyLine - 1 + m.Line, Warning: true,
			Msg:  fmt.Sprintf("%q is a misspelling of %s", m.Form, m.Name),
			Hint: "write " + m.Name,
		})
	}

	reportStates := map[*generator.State]bool{}
	for _, st := range r.States {
		reportStates[st] = true
	}
	for _, c := range det.TitleStates {
		reportStates[an.codes.state(c)] = true
	}
	named := map[*generator.Topic]bool{}
	for _, t := range r.Topics {
		named[t] = true
	}
	for _, k := range det.TitleTopics {
		named[an.topics[k]] = true
	}
	// With keepTexts, the texts are kept in the body store, one after
	// another.
	at := int64(-1)
	if html != nil {
		var err error
		if at, err = an.keep(r, html, det); err != nil {
			out.problems = append(out.problems, generator.AsList(err)...)
			return
		}
	}
	// Paragraphs and their lists are cut from slabs, at their exact size:
	// an update of a large archive makes every paragraph of every report
	// again from the cache.
	sl := slabPool.Get().(*slabs)
	defer slabPool.Put(sl)
	paragraphs := sl.paragraphs.take(len(det.Paragraphs))
	r.Paragraphs = sl.pointers.take(len(det.Paragraphs))
	for i, dp := range det.Paragraphs {
		p := &paragraphs[i]
		if at < 0 {
			*p = generator.NewParagraph(dp.N, paragraphID(dp.N), dp.Heading, dp.Text)
		} else {
			*p = generator.KeptParagraph(dp.N, paragraphID(dp.N), dp.Heading, generator.Span{Off: at, Len: len(dp.Text)})
			at += int64(len(dp.Text))
		}
		if len(dp.States) > 0 {
			p.States = sl.states.take(len(dp.States))
			for j, c := range dp.States {
				st := an.codes.state(c)
				p.States[j] = st
				reportStates[st] = true
			}
			if len(p.States) > 1 {
				slices.SortFunc(p.States, an.codes.byRank)
			}
		}
		if len(dp.Topics) > 0 {
			p.Topics = sl.topics.take(len(dp.Topics))
			for j, k := range dp.Topics {
				t := an.topics[k]
				p.Topics[j] = t
				named[t] = true
			}
		}
		r.Paragraphs[i] = p
	}

	r.Topics = r.Topics[:0]
	for t := range named {
		r.Topics = append(r.Topics, t)
	}
	sort.Slice(r.Topics, func(i, j int) bool { return an.order[r.Topics[i]] < an.order[r.Topics[j]] })
	// A paragraph that names no topic is about what its report is about.
	for _, p := range r.Paragraphs {
		if len(p.Topics) == 0 {
			p.Topics = r.Topics
		}
	}
	r.States = r.States[:0]
	for st := range reportStates {
		r.States = append(r.States, st)
	}
	slices.SortFunc(r.States, an.codes.byRank)
	for _, k := range det.Groups {
		if g := an.groups[k]; g != nil {
			r.Groups = append(r.Groups, g)
		}
	}
	sort.Slice(r.Groups, func(i, j int) bool { return r.Groups[i].Name < r.Groups[j].Name })
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

// paragraphID is the anchor of paragraph n.
func paragraphID(n int) string {
	if n >= 0 && n < len(paragraphIDs) {
		return paragraphIDs[n]
	}
	return "p-" + strconv.Itoa(n)
}
