// Package index owns the search index of an archive: its explicit bleve
// mapping, the documents made from the read-only Site, and the folder the
// build writes (bleve's files plus the facts and the results page the
// search endpoint needs), into the version of the site being written, so
// a failed build leaves the previous index in place. It knows nothing of rendering or publishing:
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
	// Unchanged says the previous index already held exactly these
	// documents, facts and page, and its files were kept.
	Unchanged bool
	// Damaged, when set, says why the previous index could not be used:
	// a file of it did not match its checksum.
	Damaged error
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
// which replaces dir only when everything succeeded. A build publishes
// its index with its site instead (see Write).
func Build(s *generator.Site, dir string, opts Options) (Stats, error) {
	dir = filepath.Clean(dir)
	if err := Replaceable(dir); err != nil {
		return Stats{}, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return Stats{}, err
	}
	previous := ""
	if _, err := os.Stat(dir); err == nil {
		previous = dir
	}
	st, err := Write(s, tmp, previous, opts)
	if err == nil && !st.Unchanged {
		err = generator.ReplaceDir(dir, tmp)
	}
	if err != nil || st.Unchanged {
		_ = os.RemoveAll(tmp)
	}
	return st, err
}

// Write writes the index of s into dir, a folder that is empty or not
// there yet. previous, when not "", is the index it follows: when it
// already holds exactly these documents, facts and page, dir links its
// files; when only a few documents changed, dir is previous updated (its
// segments linked, not copied). A previous index whose files do not match
// their checksums is not used: Stats.Damaged says why, and the index is
// written whole.
func Write(s *generator.Site, dir, previous string, opts Options) (Stats, error) {
	start := time.Now()
	facts := factsOf(s, opts)
	var shell []byte
	if opts.Shell != nil {
		page, err := resultspage.New(opts.Shell, opts.Partials)
		if err != nil {
			return Stats{}, err
		}
		if shell, err = page.Encode(); err != nil {
			return Stats{}, err
		}
	}
	sums := documentSums(s, opts.Program)
	var err error
	if facts.Fingerprint, err = fingerprint(sums, s, facts, shell); err != nil {
		return Stats{}, err
	}
	stats := Stats{Documents: len(s.Reports)}
	var known *checksum.Sums
	if previous != "" {
		if known, err = checksum.Check(previous); err != nil {
			// A previous index without sums predates them: it is
			// rebuilt without a word; one that fails them is damaged.
			if _, serr := os.Stat(filepath.Join(previous, checksum.File)); serr == nil {
				stats.Damaged = err
			}
			previous = ""
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	if previous != "" {
		old, ferr := ReadFacts(previous)
		stats.Unchanged = ferr == nil && old.Fingerprint == facts.Fingerprint
	}
	if stats.Unchanged {
		_, err = clone(previous, dir, false)
	} else {
		var mapping string
		if mapping, err = mappingHash(); err == nil {
			stats.Updated, stats.InPlace, err = stageBleve(previous, dir, s, mapping, sums, opts)
		}
		if err == nil {
			err = writeFiles(dir, s, mapping, sums, facts, shell, known)
		}
		if err == nil {
			err = readableByAll(dir)
		}
	}
	if err == nil {
		stats.Bytes, err = du(dir)
	}
	stats.Duration = time.Since(start)
	return stats, err
}

// stageBleve writes bleve's part of the index into tmp: the index in dir
// updated in place when only a few documents changed, else a new one. It
// returns how many documents an update changed, and whether it was one.
func stageBleve(dir, tmp string, s *generator.Site, mapping string, sums [][sha256.Size]byte, opts Options) (int, bool, error) {
	if dir == "" {
		return 0, false, writeBleve(tmp, s, opts)
	}
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

// Replaceable refuses to replace a folder that is not an index, so a
// mistyped --index never deletes someone's content. A folder of links to
// an index's entries is one.
func Replaceable(dir string) error {
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
func writeFiles(dir string, s *generator.Site, mapping string, sums [][sha256.Size]byte, facts *Facts, shell []byte, known *checksum.Sums) error {
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
	if err := checksum.WriteReusing(dir, known); err != nil {
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
