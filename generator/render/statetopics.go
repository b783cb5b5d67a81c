package render

import (
	"html/template"
	"net/url"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/render/lists"
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
	// List is Latest's markup, the theme's partial (see lists).
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

func stateTopics(s *generator.Site, w *lists.Writer, texts *bodies.Store, st *generator.State) ([]StateTopic, error) {
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
		if out[i].List, err = w.Topic(texts, out[i].Latest); err != nil {
			return nil, err
		}
	}
	return out, nil
}
