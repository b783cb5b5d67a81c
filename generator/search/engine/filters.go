package engine

import (
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/collector"
)

// Filters are the names of the filters a search takes (its parameters,
// and the fields of a query's field terms), in the order a results page
// shows them. Each is a keyword field of the index, a way to resolve what
// people write into its keys (expand/names.go), and a facet (facets.go): a new
// filter is a row in each of those tables.
var Filters = []string{"state", "speaker", "topic", "session"}

// filterFields are the index fields the filters, and kind:, match.
var filterFields = map[string]string{
	"state":   index.FieldStates,
	"speaker": index.FieldSpeakers,
	"topic":   index.FieldTopics,
	"session": index.FieldSession,
	"kind":    index.FieldKind,
}

// filter is a query on a filter's field that only filters.
func filter(field string, keys ...string) bquery.Query {
	qs := make([]bquery.Query, len(keys))
	for i, k := range keys {
		qs[i] = term(field, k)
	}
	return collector.Unscored(disjunction(qs))
}

// Resolve turns a filter's value as people write it (a name, a slug, a
// code, a title) into the key the index holds: field is state, speaker,
// topic or session. An unknown value is a *query.Error.
func (ix *Index) Resolve(field, value string) (string, error) {
	return ix.facts.Resolve(field, value)
}
