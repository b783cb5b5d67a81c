package engine

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/collector"
	"github.com/plenary-archive/plenary/generator/search/expand"
)

// Shards: a very large archive's index may be several folders, each
// written by plenary build from a share of the reports (by session, say).
// OpenShards serves them as one index that answers exactly as a single
// index of all the reports would: the collector walks every shard's
// matches with the archive's statistics (collector.Join), and the page's
// stored fields and match locations come from a bleve index alias over the
// shards.
//
// Every shard must come from the same archive and the same version of
// plenary: their states, topics and sessions are merged, their synonyms,
// analyzer and results page must agree.

// OpenShards opens the index folders dirs read-only and serves them as one
// index. One folder is the same as Open.
func OpenShards(dirs ...string) (*Index, error) {
	switch len(dirs) {
	case 0:
		return nil, fmt.Errorf("no index folder given")
	case 1:
		return Open(dirs[0])
	}
	if len(dirs) > 1<<10 {
		return nil, fmt.Errorf("%d shards is too many: at most %d", len(dirs), 1<<10)
	}
	seen := map[string]bool{}
	parts := make([]*Index, 0, len(dirs))
	fail := func(err error) (*Index, error) {
		for _, p := range parts {
			_ = p.Close()
		}
		return nil, err
	}
	for _, d := range dirs {
		if seen[d] {
			return fail(fmt.Errorf("%s is given twice: each shard once", d))
		}
		seen[d] = true
		p, err := Open(d)
		if err != nil {
			return fail(err)
		}
		parts = append(parts, p)
	}
	first := parts[0]
	merged := *first.facts.Facts
	merged.States = slices.Clone(merged.States)
	merged.Speakers = slices.Clone(merged.Speakers)
	merged.Topics = slices.Clone(merged.Topics)
	merged.Sessions = slices.Clone(merged.Sessions)
	merged.Fingerprint = ""
	var docs uint64
	bleves := make([]bleve.Index, 0, len(parts))
	cols := make([]*collector.Collector, 0, len(parts))
	for i, p := range parts {
		docs += p.docs
		bleves = append(bleves, p.bleve)
		cols = append(cols, p.col)
		if i == 0 {
			continue
		}
		f := p.facts.Facts
		if f.BaseURL != merged.BaseURL || f.Title != merged.Title || f.SearchURL != merged.SearchURL {
			return fail(fmt.Errorf("%s and %s are indexes of different sites (%s, %s): shards must come from one archive", first.dir, p.dir, merged.BaseURL, f.BaseURL))
		}
		if fmt.Sprint(f.Synonyms) != fmt.Sprint(merged.Synonyms) || !reflect.DeepEqual(p.page, first.page) {
			return fail(fmt.Errorf("%s and %s were built with different synonyms or search pages: rebuild every shard from the same archive", first.dir, p.dir))
		}
		merged.Reports += f.Reports
		merged.States = union(merged.States, f.States, func(s index.State) string { return s.Code })
		merged.Speakers = union(merged.Speakers, f.Speakers, func(s index.Speaker) string { return s.Key })
		merged.Topics = union(merged.Topics, f.Topics, func(t index.Topic) string { return t.Key })
		merged.Sessions = union(merged.Sessions, f.Sessions, func(s index.Session) string { return s.Key })
	}
	col, err := collector.Join(cols, dirs)
	if err != nil {
		return fail(err)
	}
	return &Index{
		dir:      strings.Join(dirs, ","),
		bleve:    bleve.NewIndexAlias(bleves...),
		facts:    expand.NewNames(&merged),
		page:     first.page,
		analyzer: first.analyzer,
		vocab:    expand.New(first.analyzer, merged.States, merged.Synonyms),
		col:      col,
		docs:     docs,
		shards:   parts,
	}, nil
}

// union appends to a the items of b whose keys a does not hold.
func union[T any](a, b []T, key func(T) string) []T {
	have := make(map[string]bool, len(a))
	for _, x := range a {
		have[key(x)] = true
	}
	for _, x := range b {
		if !have[key(x)] {
			have[key(x)] = true
			a = append(a, x)
		}
	}
	return a
}
