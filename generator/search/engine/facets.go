package engine

import (
	"slices"
	"strings"

	"github.com/plenary-archive/plenary/generator/search/collector"
)

// Facet sizes: enough to choose from, small enough that a page of results
// stays a few kilobytes.
const (
	stateFacets   = 10
	topicFacets   = 8
	sessionFacets = 6
)

// facets turns the counts of a pass over the matches into labelled
// facets, most matches first, and marks the values the request filters
// by. States are held by code and filtered by slug.
func (ix *Index) facets(c *collector.Result, r *Request) Facets {
	f := ix.facts
	codes, topicKeys, sessionKeys := ix.col.Keys()
	selected := func(field string, own []string, key string) bool {
		return slices.Contains(own, key) || slices.Contains(r.And, Filter{field, key})
	}
	build := func(counts []int32, n int, facet func(i int) (Facet, bool)) []Facet {
		list := []Facet{}
		for i, cnt := range counts {
			if cnt == 0 {
				continue
			}
			fc, ok := facet(i)
			if !ok {
				continue
			}
			fc.Count = int(cnt)
			list = append(list, fc)
		}
		slices.SortFunc(list, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Label, b.Label)
		})
		return list[:min(n, len(list))]
	}
	return Facets{
		States: build(c.States, stateFacets, func(i int) (Facet, bool) {
			code := codes[i]
			st := f.byCode[code]
			if st == nil {
				return Facet{}, false
			}
			return Facet{Value: st.Slug, Label: st.Name, Selected: selected("state", r.States, code)}, true
		}),
		Topics: build(c.Topics, topicFacets, func(i int) (Facet, bool) {
			tp := f.byTopic[topicKeys[i]]
			if tp == nil {
				return Facet{}, false
			}
			return Facet{Value: tp.Key, Label: tp.Title, Selected: selected("topic", r.Topics, tp.Key)}, true
		}),
		Sessions: build(c.Sessions, sessionFacets, func(i int) (Facet, bool) {
			key := sessionKeys[i]
			l := f.sessionLabel(key)
			if l == "" {
				return Facet{}, false
			}
			return Facet{Value: key, Label: l, Selected: selected("session", r.Sessions, key)}, true
		}),
	}
}
