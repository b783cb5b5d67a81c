// Package engine owns searching an index folder written by the build,
// opened read-only: compiling a request into bleve queries (words and
// phrases score, filters only filter, synonyms expand), one pass over the
// matches through the collector for ranking, paging and facets, then the
// page's stored fields and highlights. It refuses a damaged folder at
// start. It knows nothing of HTTP: the endpoint turns requests into
// Requests and Responses into answers.
package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/searcher"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/generator/search/collector"
	"github.com/plenary-archive/plenary/generator/search/expand"
)

func init() {
	// Prefix and fuzzy queries expand to one clause per matching term;
	// past this many, bleve refuses the query instead of running it.
	searcher.DisjunctionMaxClauseCount = maxExpansion
}

const maxExpansion = 1024

// Index is an index folder written by the build, opened read-only: the
// bleve index, the site's facts and the results page. It is safe for
// concurrent searches.
type Index struct {
	dir      string
	bleve    bleve.Index
	facts    *expand.Names
	page     *resultspage.Page // nil for an index built without one
	analyzer analysis.Analyzer
	vocab    *expand.Vocabulary
	col      *collector.Collector
	docs     uint64

	// shards are the indexes an index opened by OpenShards serves
	// together.
	shards []*Index
}

// Open opens the index folder dir read-only. A missing, incomplete or
// damaged folder is an error that names it and says what to do, never a
// panic.
func Open(dir string) (ix *Index, err error) {
	if st, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no search index at %s: run plenary build, which writes it ([search] index in config.toml)", dir)
	} else if err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a search index folder", dir)
	}
	// A published version's index is read in its own folder, so that one
	// published while it opens is not half read.
	if dir, err = versions.Resolve(dir); err != nil {
		return nil, err
	}
	f, err := index.ReadFacts(dir)
	if err != nil {
		return nil, err
	}
	if err := checksum.Verify(dir); err != nil {
		return nil, err
	}
	page, err := resultspage.Read(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		// bleve may panic on files it cannot make sense of.
		if p := recover(); p != nil {
			ix, err = nil, fmt.Errorf("%s: the index is damaged (%v): rebuild it with plenary build", dir, p)
		}
	}()
	b, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("%s: the index cannot be opened (%v): rebuild it with plenary build", dir, err)
	}
	ix = &Index{dir: dir, bleve: b, facts: expand.NewNames(f), page: page}
	if err := ix.check(); err != nil {
		_ = b.Close()
		return nil, err
	}
	ix.analyzer = b.Mapping().AnalyzerNamed(index.Analyzer)
	if ix.analyzer == nil {
		_ = b.Close()
		return nil, fmt.Errorf("%s: the index has no %q analyzer: rebuild it with plenary build", dir, index.Analyzer)
	}
	ix.vocab = expand.New(ix.analyzer, f.States, f.Synonyms)
	if ix.col, err = collector.Open(b); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("%s: the index cannot be read (%v): rebuild it with plenary build", dir, err)
	}
	return ix, nil
}

// check reads the index once, so that damage shows at start rather than
// on the first search.
func (ix *Index) check() error {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return fmt.Errorf("%s: the index cannot be read (%v): rebuild it with plenary build", ix.dir, err)
	}
	if n != uint64(ix.facts.Reports) {
		return fmt.Errorf("%s: the index holds %d reports but its facts say %d: rebuild it with plenary build", ix.dir, n, ix.facts.Reports)
	}
	ix.docs = n
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	req.Fields = []string{index.FieldStored}
	if _, err := ix.bleve.Search(req); err != nil {
		return fmt.Errorf("%s: the index cannot be searched (%v): rebuild it with plenary build", ix.dir, err)
	}
	return nil
}

// Dir names the index folder, or the shards' folders.
func (ix *Index) Dir() string { return ix.dir }

// Documents is the number of reports in the index.
func (ix *Index) Documents() uint64 { return ix.docs }

// Facts are the site's facts the index was built with.
func (ix *Index) Facts() *index.Facts { return ix.facts.Facts }

// Page is the site's results page the index was built with, or nil.
func (ix *Index) Page() *resultspage.Page { return ix.page }

// Close releases the index's files.
func (ix *Index) Close() error {
	if ix.shards != nil {
		var first error
		for _, p := range ix.shards {
			if err := p.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	return ix.bleve.Close()
}
