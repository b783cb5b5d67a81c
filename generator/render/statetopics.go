package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

// topicAnchor is the id of a topic's section on a state's page by topic,
// which the matrix links to.
func topicAnchor(t *generator.Topic) string { return "topic-" + t.Key }

// StateTopic is a topic's section on a state's page by topic: how often the state
// spoke on it, its latest statements on it, and where to find the rest.
type StateTopic struct {
	Topic  *generator.Topic
	ID     string // the anchor the matrix links to
	Count  int
	Latest []*generator.Statement
	// List is Latest's markup, written in Go as a state's page lists are
	// (see StateSession.List).
	List template.HTML
	// More is a search for the reports on the topic that name the state,
	// when there are more statements than Latest shows and the site has a
	// search; Reports is how many reports that search finds.
	More    string
	Reports int
}

// stateTopicLatest is how many statements a topic's section shows: enough
// to read what the state says on it, few enough that the page stays small
// for a state with thousands of statements.
const stateTopicLatest = 5

func stateTopics(s *generator.Site, texts *bodies.Store, st *generator.State) ([]StateTopic, error) {
	out := make([]StateTopic, len(st.Topics))
	at := make(map[*generator.Topic]int, len(st.Topics))
	for i, tc := range st.Topics {
		at[tc.Topic] = i
		out[i] = StateTopic{Topic: tc.Topic, ID: topicAnchor(tc.Topic), Count: tc.Count}
		if tc.Count > stateTopicLatest && s.SearchURL != "" {
			out[i].More = s.SearchURL + "?" + url.Values{"state": {st.Slug}, "topic": {tc.Topic.Key}}.Encode()
		}
	}
	for _, r := range st.Reports {
		for _, t := range r.Topics {
			if i, ok := at[t]; ok {
				out[i].Reports++
			}
		}
	}
	full := 0
	for _, stmt := range st.Statements {
		for _, t := range stmt.Paragraph.Topics {
			i, ok := at[t]
			if !ok || len(out[i].Latest) >= stateTopicLatest {
				continue
			}
			out[i].Latest = append(out[i].Latest, stmt)
			if len(out[i].Latest) == stateTopicLatest {
				full++
			}
		}
		if full == len(out) {
			break
		}
	}
	for i := range out {
		var err error
		if out[i].List, err = topicStatements(texts, out[i].Latest); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// topicStatements is the markup of a topic's latest statements on a
// state's page by topic.
func topicStatements(texts *bodies.Store, stmts []*generator.Statement) (template.HTML, error) {
	var b strings.Builder
	for _, s := range stmts {
		text, err := texts.Text(s.Paragraph)
		if err != nil {
			return "", fmt.Errorf("%s: %w", s.Report.SourcePath, err)
		}
		b.WriteString(`<li><blockquote cite="`)
		writeStatementURL(&b, s)
		b.WriteString(`"><p>`)
		writeExcerpt(&b, s, text)
		b.WriteString(`</p></blockquote><p class=meta><a href="`)
		writeStatementURL(&b, s)
		b.WriteString(`">`)
		writeText(&b, s.Report.Title)
		b.WriteString(`, paragraph `)
		b.WriteString(strconv.Itoa(s.Paragraph.N))
		b.WriteString(`</a> · <time datetime="`)
		b.WriteString(s.Report.Date.Format(time.RFC3339))
		b.WriteString(`">`)
		b.WriteString(s.Report.Date.Format("2 January 2006"))
		b.WriteString("</time></p></li>")
	}
	return template.HTML(b.String()), nil //nolint:gosec // every value escaped above
}
