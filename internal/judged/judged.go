// Package judged runs a judged query set of testdata/relevance through
// the search engine: it builds the set's archive and index, searches each
// query as the endpoint would, and measures the hits with package
// relevance. The relevance test and the measuring command share it, so
// that both measure the same thing.
package judged

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/relevance"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// Set is a judged set with the index of its archive, open.
type Set struct {
	Name    string
	Index   *engine.Index
	Queries []relevance.Query
	dir     string
}

// Open builds the index of the judged set name (relevance.Development or
// relevance.HeldOut) of the folder dir in a temporary folder, and opens
// it. Close removes it.
func Open(dir, name string) (*Set, error) {
	fsys, qs, err := relevance.LoadSet(dir, name)
	if err != nil {
		return nil, err
	}
	s, cfg, err := searchfixture.Load(fsys)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "plenary-judged-")
	if err != nil {
		return nil, err
	}
	ixDir := filepath.Join(tmp, "search.bleve")
	set := &Set{Name: name, Queries: qs, dir: tmp}
	if _, err = index.Build(s, ixDir, index.Options{Synonyms: cfg.Search.Synonyms}); err == nil {
		set.Index, err = engine.Open(ixDir)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	return set, nil
}

// Close closes the index and removes its folder.
func (s *Set) Close() error {
	err := s.Index.Close()
	if rerr := os.RemoveAll(s.dir); err == nil {
		err = rerr
	}
	return err
}

// Search runs q as the endpoint would (its words parsed, its filters
// resolved from the forms people write) and returns the slugs of every
// hit, best first.
func Search(ix *engine.Index, q relevance.Query) ([]string, error) {
	r, err := ix.ParseQuery(q.Q)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct{ name, val string }{{"state", q.State}, {"speaker", q.Speaker}, {"topic", q.Topic}, {"session", q.Session}} {
		if f.val == "" {
			continue
		}
		key, err := ix.Resolve(f.name, f.val)
		if err != nil {
			return nil, err
		}
		r.Add(f.name, key)
	}
	r.Size = 100
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, h := range res.Hits {
		u, _, _ := strings.Cut(h.URL, "#")
		out = append(out, path.Base(strings.TrimSuffix(u, "/")))
	}
	return out, nil
}

// Result is how a whole set did: its summary, and a line for every query
// that failed, saying what it found instead.
type Result struct {
	Summary  relevance.Summary
	Failures []string
}

// Run searches and judges every query of the set. A query the engine
// refuses counts as failed, with nDCG 0.
func (s *Set) Run() Result {
	var res Result
	var outcomes []relevance.Outcome
	for _, q := range s.Queries {
		hits, err := Search(s.Index, q)
		if err != nil {
			res.Failures = append(res.Failures, fmt.Sprintf("FAIL %-40s %v", q.Name(), err))
			outcomes = append(outcomes, relevance.Outcome{})
			continue
		}
		o := relevance.Judge(q, hits)
		outcomes = append(outcomes, o)
		if !o.Success {
			line := fmt.Sprintf("FAIL %-40s nDCG %.2f want %s; got %s", q.Name(), o.NDCG, strings.Join(q.Want, " "), top(hits, 3))
			if len(o.Forbidden) > 0 {
				line += "; forbidden hits: " + strings.Join(o.Forbidden, " ")
			}
			res.Failures = append(res.Failures, line)
		}
	}
	res.Summary = relevance.Summarise(outcomes)
	return res
}

func top(hits []string, n int) string {
	if len(hits) == 0 {
		return "nothing"
	}
	return strings.Join(hits[:min(n, len(hits))], " ")
}
