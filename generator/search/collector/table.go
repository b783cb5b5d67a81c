package collector

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/plenary-archive/plenary/generator/index"
)

// table holds, by document number, what ranking and facets need.
type table struct {
	ids    []string   // external IDs: report slugs
	states [][]uint16 // indexes into codes
	// speakers are indexes into speakerKeys: who speaks in each document.
	speakers [][]uint16
	topics   [][]uint16 // indexes into topicKeys
	session  []int32    // index into sessionKeys, -1 for none
	date     []int64    // Unix nanoseconds
	// order is each document's place among the IDs sorted: ties of
	// score and date are broken by it, which two builds of the same
	// reports agree on, unlike document numbers.
	order []uint32

	// stateDocs and topicDocs are the documents holding each state and
	// topic, by index into codes and topicKeys (see docset.go).
	stateDocs, topicDocs []docSet
	speakerDocs          []docSet

	codes, topicKeys, sessionKeys []string
	speakerKeys                   []string
}

// docNum is a document's number: scorch's internal IDs are big-endian
// document numbers.
func docNum(id bindex.IndexInternalID) (uint64, error) {
	if len(id) != 8 {
		return 0, fmt.Errorf("unexpected internal document ID of %d bytes", len(id))
	}
	return binary.BigEndian.Uint64(id), nil
}

// readTable reads every document's states, topics, session and date.
func readTable(b bleve.Index) (*table, error) {
	adv, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dvr, err := r.DocValueReader([]string{index.FieldStates, index.FieldSpeakers, index.FieldTopics, index.FieldSession, index.FieldDate})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	s, err := query.NewMatchAllQuery().Searcher(ctx, r, b.Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	t := &table{}
	codes, topics, sessions, speakers := map[string]uint16{}, map[string]uint16{}, map[string]uint16{}, map[string]uint16{}
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		num, err := docNum(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		if num > 1<<26 {
			return nil, fmt.Errorf("document number %d is out of range", num)
		}
		for uint64(len(t.ids)) <= num {
			t.ids = append(t.ids, "")
			t.states = append(t.states, nil)
			t.speakers = append(t.speakers, nil)
			t.topics = append(t.topics, nil)
			t.session = append(t.session, -1)
			t.date = append(t.date, 0)
		}
		if t.ids[num], err = r.ExternalID(dm.IndexInternalID); err != nil {
			return nil, err
		}
		err = dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			switch field {
			case index.FieldStates:
				t.states[num] = append(t.states[num], intern(codes, &t.codes, string(term)))
			case index.FieldSpeakers:
				t.speakers[num] = append(t.speakers[num], intern(speakers, &t.speakerKeys, string(term)))
			case index.FieldTopics:
				t.topics[num] = append(t.topics[num], intern(topics, &t.topicKeys, string(term)))
			case index.FieldSession:
				t.session[num] = int32(intern(sessions, &t.sessionKeys, string(term)))
			case index.FieldDate:
				// Dates are indexed at several precisions; the
				// full one has shift 0.
				pc := numeric.PrefixCoded(term)
				if shift, err := pc.Shift(); err == nil && shift == 0 {
					if v, err := pc.Int64(); err == nil {
						t.date[num] = v
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	if err := t.checkSizes(); err != nil {
		return nil, err
	}
	t.facetSets()
	t.orderIDs()
	return t, nil
}

// orderIDs numbers the documents in the order of their IDs.
func (t *table) orderIDs() {
	nums := make([]uint32, len(t.ids))
	for i := range nums {
		nums[i] = uint32(i)
	}
	slices.SortFunc(nums, func(a, b uint32) int { return strings.Compare(t.ids[a], t.ids[b]) })
	t.order = make([]uint32, len(t.ids))
	for place, n := range nums {
		t.order[n] = uint32(place)
	}
}

// intern is v's index in list, added when new.
func intern(m map[string]uint16, list *[]string, v string) uint16 {
	if i, ok := m[v]; ok {
		return i
	}
	i := uint16(len(*list))
	m[v] = i
	*list = append(*list, v)
	return i
}

// checkSizes refuses more distinct values than the table's indexes hold.
func (t *table) checkSizes() error {
	if len(t.codes) > 1<<16-1 || len(t.speakerKeys) > 1<<16-1 || len(t.topicKeys) > 1<<16-1 || len(t.sessionKeys) > 1<<15 {
		return fmt.Errorf("too many distinct states, speakers, topics or sessions")
	}
	return nil
}
