package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site/detect"
	"github.com/plenary-archive/plenary/generator/speakers"
)

// analyser turns detections into the model: shared and read-only while
// reports are analysed in parallel.
type analyser struct {
	detector *detect.Detector
	cache    DetectionCache
	topics   map[string]*generator.Topic
	order    map[*generator.Topic]int
	codes    *codeTable
	groups   map[string]*generator.Group
	// groupRank orders groups and stakeholders by name.
	groupRank map[*generator.Group]int
	bodies    BodyStore
	// keepTexts puts the paragraphs' texts in bodies after the HTML.
	keepTexts bool
	// holdMarkdown keeps the Markdown of reports whose HTML is not kept.
	holdMarkdown bool
	sources      fs.FS // the archive, to read bodies left unread
}

// detectHTML detects what a report's body names and, with a body store,
// renders the body's HTML into html from the same parse, for its page.
func (an *analyser) detectHTML(r *generator.Report, src *content.Report, body []byte, html *bytes.Buffer, out *analysis) *detect.Detection {
	var fixes []speakers.Correction
	if len(src.Front.Speakers) > 0 {
		fixes = speakers.CorrectionsFrom(src.Front.Speakers, src.EntryLines("speakers"))
	}
	if an.bodies == nil {
		return an.detector.Detect(r.Title, body, fixes)
	}
	det, err := an.detector.DetectHTML(r.Title, body, fixes, html)
	if err != nil {
		out.problems = append(out.problems, generator.AsList(fmt.Errorf("%s: %w", r.SourcePath, err))...)
		return nil
	}
	return det
}

// keep puts a report's HTML, if any, and with keepTexts its paragraphs'
// texts, after it, in the body store, and gives back where the texts
// start, or -1 when they are not kept there.
func (an *analyser) keep(r *generator.Report, html *bytes.Buffer, det *detect.Detection) (int64, error) {
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
	// declared are the states the report's title and front matter name,
	// which count it among their reports whether they speak or not.
	declared []*generator.State
}

// report numbers a report's paragraphs and attaches the states, groups and
// topics each one names. It touches only r and out, so reports are
// analysed in parallel.
func (an *analyser) report(r *generator.Report, src *content.Report, out *analysis) {
	var det *detect.Detection
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
		if det = an.detectHTML(r, src, body, html, out); det == nil {
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
	for _, p := range det.Problems {
		e := &generator.Error{Path: r.SourcePath, Line: p.Line, Msg: p.Msg, Warning: p.Stale}
		if !p.Stale {
			e.Hint = "correct the entry of the front matter's [speakers] table"
		}
		out.problems.Add(e)
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
	for st := range reportStates {
		out.declared = append(out.declared, st)
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
	an.paragraphs(r, det, at, reportStates, named)

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
	slices.SortFunc(out.declared, an.codes.byRank)
	for _, k := range det.Groups {
		if g := an.groups[k]; g != nil {
			r.Groups = append(r.Groups, g)
		}
	}
	slices.SortFunc(r.Groups, an.byName)
}

// paragraphs makes the report's paragraphs, with their texts at at in
// the body store (at < 0: held), and its statements, adding the states
// and topics they name to the report's.
func (an *analyser) paragraphs(r *generator.Report, det *detect.Detection, at int64, reportStates map[*generator.State]bool, named map[*generator.Topic]bool) {
	// Paragraphs and their lists are cut from slabs, at their exact size:
	// an update of a large archive makes every paragraph of every report
	// again from the cache.
	sl := slabPool.Get().(*slabs)
	defer slabPool.Put(sl)
	paragraphs := sl.paragraphs.take(len(det.Paragraphs))
	r.Paragraphs = sl.pointers.take(len(det.Paragraphs))
	n := 0
	for _, dp := range det.Paragraphs {
		n += len(dp.Names)
	}
	if n > 0 {
		r.Statements = make([]generator.Statement, 0, n)
	}
	rk := r.Key()
	for i, dp := range det.Paragraphs {
		p := &paragraphs[i]
		if at < 0 {
			*p = generator.NewParagraph(dp.N, detect.ParagraphID(dp.N), dp.Heading, dp.Text)
		} else {
			*p = generator.KeptParagraph(dp.N, detect.ParagraphID(dp.N), dp.Heading, generator.Span{Off: at, Len: len(dp.Text)})
			at += int64(len(dp.Text))
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
		if len(dp.Names) == 0 {
			continue
		}
		first := len(r.Statements)
		key := generator.ParagraphKey(rk, p.N)
		states := 0
		for _, nm := range dp.Names {
			s := generator.Statement{Report: r, Paragraph: p, Key: key}
			if nm.For != "" {
				s.OnBehalfOf = an.groups[nm.For]
			}
			if nm.Speaker {
				s.Role = generator.Speaker
			}
			if st := an.codes.state(nm.Code); st != nil {
				s.State = st
				reportStates[st] = true
				states++
			} else if g := an.groups[nm.Code]; g != nil {
				s.Group = g
			} else {
				continue // a name the context no longer knows: the cache is stale
			}
			r.Statements = append(r.Statements, s)
		}
		stmts := r.Statements[first:]
		slices.SortFunc(stmts, an.byRank)
		if states > 0 {
			p.States = sl.states.take(states)
			for j := range p.States {
				p.States[j] = stmts[j].State
			}
		}
	}
}

// byRank orders a paragraph's statements: states A to Z, then groups and
// stakeholders by name.
func (an *analyser) byRank(a, b generator.Statement) int {
	switch {
	case a.State != nil && b.State != nil:
		return an.codes.byRank(a.State, b.State)
	case a.State != nil:
		return -1
	case b.State != nil:
		return 1
	}
	return an.byName(a.Group, b.Group)
}

// byName orders groups and stakeholders by name, then key.
func (an *analyser) byName(a, b *generator.Group) int {
	return an.groupRank[a] - an.groupRank[b]
}
