package site

import (
	"fmt"
	"sort"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
)

// analyser holds what analysing a report reads: all of it is shared and
// read-only while reports are analysed in parallel.
type analyser struct {
	md      *markdown.Renderer
	gz      *gazetteer.Gazetteer
	matcher *keywordMatcher
	topics  []*generator.Topic
	states  map[string]*generator.State
	groups  map[string]*generator.Group
	rank    map[*generator.State]int
}

// analysis is what analysing one report finds besides what it sets on the
// report itself.
type analysis struct {
	links    []markdown.Link
	problems generator.ErrorList
}

// report numbers a report's paragraphs and finds the states, groups and
// topics each one names. It touches only r and out, so reports are
// analysed in parallel.
func (an *analyser) report(r *generator.Report, src *content.Report, out *analysis) {
	md, gz, matcher, topics, states, groups, rank := an.md, an.gz, an.matcher, an.topics, an.states, an.groups, an.rank
	warn := &out.problems

	reportStates := map[*generator.State]bool{}
	for _, st := range r.States {
		reportStates[st] = true
	}
	reportGroups := map[*generator.Group]bool{}
	named := make([]bool, len(topics))
	for _, t := range r.Topics {
		named[topicIndex(topics, t)] = true
	}
	matcher.match(r.Title, named)
	for _, m := range gz.Detect(r.Title) {
		if m.Entity.IsState() {
			reportStates[states[m.Entity.Code]] = true
		}
	}

	headingTopics := map[string][]bool{}
	doc := md.Analyse(r.Body)
	blocks := doc.Blocks
	out.links = doc.Links
	if len(blocks) == 0 {
		warn.Add(generator.Errorf(r.SourcePath, src.BodyLine, "write the report below the front matter", "the report has no text"))
	}
	r.Paragraphs = make([]*generator.Paragraph, 0, len(blocks))
	for _, b := range blocks {
		p := &generator.Paragraph{N: b.N, ID: b.ID(), Text: b.Text, Heading: b.Heading}
		seen := map[*generator.State]bool{}
		for _, m := range gz.Detect(b.Text) {
			if m.Misspelt {
				warn.Add(&generator.Error{
					Path: r.SourcePath, Line: src.BodyLine - 1 + b.Line, Warning: true,
					Msg:  fmt.Sprintf("%q is a misspelling of %s", m.Form, m.Entity.Name),
					Hint: "write " + m.Entity.Name,
				})
			}
			if !m.Entity.IsState() {
				if g := groups[m.Entity.Code]; g != nil {
					reportGroups[g] = true
				}
				continue
			}
			st := states[m.Entity.Code]
			if !seen[st] {
				seen[st] = true
				p.States = append(p.States, st)
				reportStates[st] = true
			}
		}
		sort.Slice(p.States, func(i, j int) bool { return rank[p.States[i]] < rank[p.States[j]] })

		own := make([]bool, len(topics))
		matcher.match(b.Text, own)
		if b.Heading != "" {
			h, ok := headingTopics[b.Heading]
			if !ok {
				h = make([]bool, len(topics))
				matcher.match(b.Heading, h)
				headingTopics[b.Heading] = h
			}
			for i, v := range h {
				own[i] = own[i] || v
			}
		}
		for i, v := range own {
			if v {
				p.Topics = append(p.Topics, topics[i])
				named[i] = true
			}
		}
		r.Paragraphs = append(r.Paragraphs, p)
	}

	r.Topics = r.Topics[:0]
	for i, v := range named {
		if v {
			r.Topics = append(r.Topics, topics[i])
		}
	}
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
	sort.Slice(r.States, func(i, j int) bool { return rank[r.States[i]] < rank[r.States[j]] })
	for g := range reportGroups {
		r.Groups = append(r.Groups, g)
	}
	sort.Slice(r.Groups, func(i, j int) bool { return r.Groups[i].Name < r.Groups[j].Name })
}

func topicIndex(topics []*generator.Topic, t *generator.Topic) int {
	for i, x := range topics {
		if x == t {
			return i
		}
	}
	panic("topic not in the site: " + t.Key)
}
