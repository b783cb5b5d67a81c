// Package index owns the search index of an archive: its explicit bleve
// mapping, the documents made from the read-only Site, and the folder the
// build writes (bleve's files plus the facts and the results page the
// search endpoint needs), swapped in whole so a failed build leaves the
// previous index in place. It knows nothing of rendering or publishing:
// the build hands it the results page already rendered.
//
// One document per report, its paragraphs an array whose positions lead a
// match back to its "#p-N": per-paragraph documents were many times as
// many, slower to build and larger, and facets would count paragraphs
// where the site counts reports (see BenchmarkLayout). Bleve's offline builder writes one segment; fed with
// documents analysed on every core it builds as fast as Index.Batch
// followed by a merge into one segment.
package index

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

// Options say what goes into the index besides the Site.
type Options struct {
	// Synonyms are config.toml's [search] synonyms; the groups each
	// topic declares (generator.Topic.Synonyms) follow them. A topic's
	// keywords are not synonyms: they tag reports.
	Synonyms [][]string
	// Shell is the site's search page rendered with resultspage's
	// QueryMarker and ResultsMarker, the endpoint's HTML view, stored cut
	// at them (resultspage.Page). When nil the endpoint answers HTML with a plain page of its
	// own.
	Shell []byte
	// Partials are the theme's search results partials by name, which
	// the endpoint renders its results with; stored with the Shell.
	Partials map[string]string
	// BatchSize is how many documents go into each segment before the
	// final merge; 0 means defaultBatchSize.
	BatchSize int
	// Done, when set, is called once per document indexed, for progress.
	Done func()
	// Program identifies the program that made the Site, whose code decides
	// how a report's text becomes paragraphs: an index written by another
	// is rebuilt, not updated.
	Program string
	// Texts reads the paragraphs' texts the Site does not hold; nil when
	// it holds them all.
	Texts *bodies.Store
	// BeforeMerge, when set, is called once every document is in a
	// segment, with the segments' size in bytes, and the segments are
	// merged into one when it returns. The merge reads them all mapped into
	// memory: a build that renders pages beside the index may make room
	// for them first.
	BeforeMerge func(segments int64)
}

// Stats describe a written index.
type Stats struct {
	Documents int
	Bytes     int64 // on disk
	Duration  time.Duration
	// Unchanged says the index in place already held exactly these
	// documents, facts and page, and was kept as it was.
	Unchanged bool
	// InPlace says the previous index was updated rather than rebuilt,
	// and Updated is how many of its documents were added, replaced or
	// deleted.
	InPlace bool
	Updated int
}

// defaultBatchSize is how many documents go into a segment before the
// final merge: smaller batches hold fewer analysed documents at once and
// build as fast, down to about this size (docs/performance.md).
const defaultBatchSize = 100

// Build writes the index of s into dir: into a new folder beside it first,
// which replaces dir only when everything succeeded.
func Build(s *generator.Site, dir string, opts Options) (Stats, error) {
	st, err := Stage(s, dir, opts)
	if err != nil {
		return Stats{}, err
	}
	return st.Commit()
}

// Staged is an index written beside its folder and not yet in place, so
// that a build can put the site and the index in place together, after
// both succeeded.
type Staged struct {
	dir, tmp string // tmp is empty when the index in place is kept
	stats    Stats
	start    time.Time
}

// Stage writes the index of s into a new folder beside dir.
func Stage(s *generator.Site, dir string, opts Options) (*Staged, error) {
	start := time.Now()
	dir = filepath.Clean(dir)
	err := replaceable(dir)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	facts := factsOf(s, opts)
	var shell []byte
	if opts.Shell != nil {
		page, err := resultspage.New(opts.Shell, opts.Partials)
		if err != nil {
			return nil, err
		}
		if shell, err = page.Encode(); err != nil {
			return nil, err
		}
	}
	sums := documentSums(s, opts.Program)
	if facts.Fingerprint, err = fingerprint(sums, s, facts, shell); err != nil {
		return nil, err
	}
	if old, err := ReadFacts(dir); err == nil && old.Fingerprint == facts.Fingerprint {
		size, err := du(dir)
		return &Staged{dir: dir, start: start, stats: Stats{Documents: len(s.Reports), Bytes: size, Unchanged: true}}, err
	}
	mapping, err := mappingHash()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	stats := Stats{Documents: len(s.Reports)}
	stats.Updated, stats.InPlace, err = stageBleve(dir, tmp, s, mapping, sums, opts)
	if err == nil {
		err = writeFiles(tmp, s, mapping, sums, facts, shell)
	}
	if err == nil {
		err = readableByAll(tmp)
	}
	if err == nil {
		stats.Bytes, err = du(tmp)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	return &Staged{dir: dir, tmp: tmp, start: start, stats: stats}, nil
}

// stageBleve writes bleve's part of the index into tmp: the index in dir
// updated in place when only a few documents changed, else a new one. It
// returns how many documents an update changed, and whether it was one.
func stageBleve(dir, tmp string, s *generator.Site, mapping string, sums [][sha256.Size]byte, opts Options) (int, bool, error) {
	if old, err := readDocuments(dir); err == nil {
		if c, ok := diff(old, mapping, s, sums); ok {
			err := update(dir, tmp, c, opts.Texts)
			if err == nil {
				return len(c.put) + len(c.delete), true, nil
			}
			// Anything amiss with the old index means a full build,
			// never a wrong index.
			if err := os.RemoveAll(tmp); err != nil {
				return 0, false, err
			}
			if err := os.Mkdir(tmp, 0o755); err != nil {
				return 0, false, err
			}
		}
	}
	return 0, false, writeBleve(tmp, s, opts)
}

// Commit puts the staged index in place of the old one.
func (st *Staged) Commit() (Stats, error) {
	if st.tmp != "" {
		// An endpoint that has the old index open keeps reading its files
		// until it reopens.
		if err := generator.ReplaceDir(st.dir, st.tmp); err != nil {
			_ = os.RemoveAll(st.tmp)
			return Stats{}, err
		}
	}
	st.stats.Duration = time.Since(st.start)
	return st.stats, nil
}

// Discard removes the staged index, leaving the old one in place.
func (st *Staged) Discard() {
	if st != nil && st.tmp != "" {
		_ = os.RemoveAll(st.tmp)
	}
}

// replaceable refuses to replace a folder that is not an index, so a
// mistyped --index never deletes someone's content.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if e.Name() == FactsFile || e.Name() == "index_meta.json" {
			return nil
		}
	}
	return fmt.Errorf("%s exists and is not a search index: refusing to replace it; choose another folder", dir)
}

// writeFiles writes plenary's own files of the index folder, shell being
// the encoded Page or nil, and last the checksums of every file.
func writeFiles(dir string, s *generator.Site, mapping string, sums [][sha256.Size]byte, facts *Facts, shell []byte) error {
	ids := make([]string, len(s.Reports))
	for i, r := range s.Reports {
		ids[i] = r.Slug
	}
	if err := writeDocuments(dir, mapping, ids, sums); err != nil {
		return err
	}
	data, err := json.MarshalIndent(facts, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, FactsFile), data, 0o644); err != nil {
		return err
	}
	if shell != nil {
		if err := os.WriteFile(filepath.Join(dir, resultspage.File), shell, 0o644); err != nil {
			return err
		}
	}
	if err := checksum.Write(dir); err != nil {
		return err
	}
	return os.Chmod(dir, 0o755)
}

func du(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}
