package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/searcher"

	"github.com/plenary-archive/plenary/generator/index"
)

func init() {
	// Prefix and fuzzy queries expand to one clause per matching term;
	// past this many, bleve refuses the query instead of running it.
	searcher.DisjunctionMaxClauseCount = maxExpansion
}

const maxExpansion = 1024

// Index is an index folder written by the build, opened read-only: the
// bleve index, the site's facts and the results page.
type Index struct {
	dir      string
	bleve    bleve.Index
	facts    *facts
	shell    []byte // the site's search page with index.QueryMarker and index.ResultsMarker; nil for a plain page
	analyzer analysis.Analyzer
	synonyms *synonyms
	table    *table
	docs     uint64

	// shards are the indexes an index opened by OpenShards serves
	// together; base is a shard's first document number among them.
	shards []*Index
	base   uint64
}

// Open opens the index folder dir read-only. A missing, incomplete or
// damaged folder is an error that says what to do, never a panic.
func Open(dir string) (ix *Index, err error) {
	if st, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no search index at %s: run plenary build, which writes it ([search] index in config.toml)", dir)
	} else if err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a search index folder", dir)
	}
	f, err := index.ReadFacts(dir)
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
	ix = &Index{dir: dir, bleve: b, facts: newFacts(f)}
	if err := ix.check(); err != nil {
		_ = b.Close()
		return nil, err
	}
	ix.analyzer = b.Mapping().AnalyzerNamed(index.Analyzer)
	if ix.analyzer == nil {
		_ = b.Close()
		return nil, fmt.Errorf("%s: the index has no %q analyzer: rebuild it with plenary build", dir, index.Analyzer)
	}
	ix.synonyms = newSynonyms(f.Synonyms, ix.analyzer)
	if ix.table, err = buildTable(b); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("%s: the index cannot be read (%v): rebuild it with plenary build", dir, err)
	}
	shell, err := os.ReadFile(filepath.Join(dir, index.ShellFile))
	switch {
	case err == nil:
		ix.shell = shell
	case !errors.Is(err, fs.ErrNotExist):
		_ = b.Close()
		return nil, err
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

// Documents is the number of reports in the index.
func (ix *Index) Documents() uint64 { return ix.docs }

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
