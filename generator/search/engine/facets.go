package engine

import (
	"slices"
	"strings"

	"github.com/plenary-archive/plenary/generator/search/collector"
)

// Facet sizes: enough to choose from, small enough that a page of results
// stays a few kilobytes. Every session with matches is listed, so that any
// can be chosen: an archive has tens of them.
const (
	stateFacets   = 10
	speakerFacets = 10
	topicFacets   = 8
)

// facets turns the counts of a pass over the matches into labelled
// facets and marks the values the request filters by, which are always
// listed. States, speakers and topics come most matches first; sessions in the
// archive's order, oldest first, with their process. States are held by
// code and filtered by slug.
func (ix *Index) facets(c *collector.Result, r *Request) Facets {
	f := ix.facts
	codes, topicKeys, sessionKeys := ix.col.Keys()
	selected := func(field, key string) bool {
		return slices.Contains(r.Filters[field], key) || slices.Contains(r.And, Filter{field, key})
	}
	type value struct {
		Facet
		rank int // the order of the archive, for sessions
	}
	build := func(counts []int32, n int, facet func(i int) (value, bool)) []Facet {
		var list []value
		for i, cnt := range counts {
			v, ok := facet(i)
			if !ok || (cnt == 0 && !v.Selected) {
				continue
			}
			v.Count = int(cnt)
			list = append(list, v)
		}
		slices.SortFunc(list, func(a, b value) int {
			if n == 0 {
				return a.rank - b.rank
			}
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Label, b.Label)
		})
		out := []Facet{}
		for i, v := range list {
			if n == 0 || i < n || v.Selected {
				out = append(out, v.Facet)
			}
		}
		return out
	}
	return Facets{
		States: build(c.States, stateFacets, func(i int) (value, bool) {
			st := f.State(codes[i])
			if st == nil {
				return value{}, false
			}
			return value{Facet: Facet{Value: st.Slug, Label: st.Name, Selected: selected("state", st.Code)}}, true
		}),
		Speakers: build(c.Speakers, speakerFacets, func(i int) (value, bool) {
			key := ix.col.SpeakerKeys()[i]
			if !f.IsSpeaker(key) {
				return value{}, false
			}
			return value{Facet: Facet{Value: f.SpeakerValue(key), Label: f.SpeakerLabel(key), Selected: selected("speaker", key)}}, true
		}),
		Topics: build(c.Topics, topicFacets, func(i int) (value, bool) {
			tp := f.Topic(topicKeys[i])
			if tp == nil {
				return value{}, false
			}
			return value{Facet: Facet{Value: tp.Key, Label: tp.Title, Selected: selected("topic", tp.Key)}}, true
		}),
		Sessions: build(c.Sessions, 0, func(i int) (value, bool) {
			ss := f.Session(sessionKeys[i])
			if ss == nil {
				return value{}, false
			}
			return value{Facet: Facet{Value: ss.Key, Label: f.SessionLabel(ss.Key), Process: ss.Process, Selected: selected("session", ss.Key)}, rank: f.SessionRank(ss.Key)}, true
		}),
	}
}

// active lists the request's filter values with their labels, in the
// order of Filters, then as given.
func (ix *Index) active(r *Request) []Active {
	out := []Active{}
	for _, name := range Filters {
		for _, key := range r.Filters[name] {
			a := Active{Filter: name, Value: key, Label: key}
			switch name {
			case "state":
				if st := ix.facts.State(key); st != nil {
					a.Value, a.Label = st.Slug, st.Name
				}
			case "speaker":
				a.Value, a.Label = ix.facts.SpeakerValue(key), ix.facts.SpeakerLabel(key)
			case "topic":
				if tp := ix.facts.Topic(key); tp != nil {
					a.Label = tp.Title
				}
			case "session":
				if l := ix.facts.SessionLabel(key); l != "" {
					a.Label = l
				}
			}
			out = append(out, a)
		}
	}
	return out
}
