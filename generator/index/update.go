package index

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

// DocumentsFile lists the documents of an index folder with the hash of
// each, and the mapping they were indexed with: what the next build needs
// to update the index in place instead of rebuilding it.
const DocumentsFile = "plenary-documents.txt"

// Limits of an update in place. Past them a full build is cheaper or
// leaves a better index: every update adds a segment (bleve merges them
// only while the index is open for writing), and deleted documents keep
// their place in a segment until it is merged.
const (
	maxSegments      = 12 // segments in the index before the update
	mergeAt          = 4  // segments after it that make it merge the small ones
	maxChangedShare  = 20 // at most 1/20 of the documents change ...
	minChangedAlways = 50 // ... or this many, whichever is more
)

// documents is the content of DocumentsFile.
type documents struct {
	mapping string            // hash of the mapping's JSON
	sums    map[string]string // document id → hex hash of its stored form
}

// mappingHash identifies the mapping and the bleve that analyses with it,
// so that documents indexed otherwise are never mixed with new ones.
func mappingHash() (string, error) {
	data, err := json.Marshal(Mapping())
	if err != nil {
		return "", err
	}
	bleveVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/blevesearch/bleve/v2" {
				bleveVersion = m.Version
			}
		}
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "plenary index %d\nbleve %s\n%s", Version, bleveVersion, data))
	return hex.EncodeToString(sum[:]), nil
}

// writeDocuments writes DocumentsFile: the mapping's hash on the first
// line, then one "id sum" line per document, sorted by id so the file is
// the same for the same documents.
func writeDocuments(dir, mapping string, ids []string, sums [][sha256.Size]byte) error {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return ids[order[a]] < ids[order[b]] })
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "mapping %s\n", mapping)
	for _, i := range order {
		fmt.Fprintf(&buf, "%s %x\n", ids[i], sums[i])
	}
	return os.WriteFile(filepath.Join(dir, DocumentsFile), buf.Bytes(), 0o644)
}

// readDocuments reads DocumentsFile; any flaw is an error, which makes the
// build a full one.
func readDocuments(dir string) (*documents, error) {
	f, err := os.Open(filepath.Join(dir, DocumentsFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &documents{sums: map[string]string{}}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		id, sum, ok := strings.Cut(sc.Text(), " ")
		switch {
		case !ok || id == "" || len(sum) != 2*sha256.Size:
			return nil, fmt.Errorf("%s:%d: damaged", DocumentsFile, line)
		case line == 1 && id == "mapping":
			d.mapping = sum
		case line == 1:
			return nil, fmt.Errorf("%s:1: no mapping", DocumentsFile)
		default:
			d.sums[id] = sum
		}
	}
	return d, sc.Err()
}

// changes are what an update in place does to the index.
type changes struct {
	put    []*generator.Report // added or changed
	delete []string            // ids of removed documents
}

// diff compares the documents in the index with the Site's; ok is false
// when an update in place is not worth it or not safe.
func diff(old *documents, mapping string, s *generator.Site, sums [][sha256.Size]byte) (c changes, ok bool) {
	if old.mapping != mapping {
		return c, false
	}
	limit := max(minChangedAlways, len(s.Reports)/maxChangedShare)
	seen := make(map[string]bool, len(s.Reports))
	for i, r := range s.Reports {
		seen[r.Slug] = true
		if old.sums[r.Slug] != hex.EncodeToString(sums[i][:]) {
			c.put = append(c.put, r)
		}
	}
	for id := range old.sums {
		if !seen[id] {
			c.delete = append(c.delete, id)
		}
	}
	sort.Strings(c.delete)
	return c, len(c.put)+len(c.delete) <= limit
}

// update stages an index that is the old one in dir with the changes
// applied: bleve's segment files are immutable once written, so the new
// folder links them rather than copying them, and copies the rest.
func update(dir, tmp string, c changes, texts *bodies.Store) error {
	segments, err := clone(dir, tmp, true)
	if err != nil {
		return err
	}
	if segments > maxSegments {
		return errTooManySegments
	}
	idx, err := bleve.Open(tmp)
	if err != nil {
		return err
	}
	if len(c.put)+len(c.delete) == 0 {
		// Only the facts or the results page changed.
		return idx.Close()
	}
	b := idx.NewBatch()
	for _, id := range c.delete {
		b.Delete(id)
	}
	for _, r := range c.put {
		doc, err := document(r, texts)
		if err != nil {
			_ = idx.Close()
			return fmt.Errorf("%s: %w", r.SourcePath, err)
		}
		if err := b.Index(r.Slug, doc); err != nil {
			_ = idx.Close()
			return fmt.Errorf("%s: %w", r.SourcePath, err)
		}
	}
	// Batch returns once the batch is persisted (bleve's default).
	err = idx.Batch(b)
	if err == nil && segments+1 >= mergeAt {
		err = mergeSmall(idx)
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return err
}

// mergeSmall merges the small segments that updates added into one,
// leaving the large segment of the last full build as it is, so that
// most updates never need a full build and queries keep reading few
// segments.
func mergeSmall(idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	n, err := idx.DocCount()
	if err != nil {
		return err
	}
	o := mergeplan.SingleSegmentMergePlanOptions
	// Only segments of fewer than a quarter of the documents merge.
	o.MaxSegmentSize = max(int64(n)/2, 2)
	return sc.ForceMerge(context.Background(), &o)
}

// clone makes the folder to a copy of the index folder from, counting its
// segments: they are never written again once made, so they are hard
// links (copied where that fails); an update leaves out plenary's own
// files, written afresh, and copies bleve's others, which it changes.
// Without update every file is a link: nothing will change them.
func clone(from, to string, update bool) (segments int, err error) {
	err = filepath.WalkDir(from, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(dst, 0o755)
		case update && (rel == FactsFile || rel == resultspage.File || rel == DocumentsFile || rel == checksum.File):
			return nil // written afresh
		case !e.Type().IsRegular():
			return fmt.Errorf("%s: unexpected file in the index", path)
		case filepath.Ext(rel) == ".zap":
			segments++
		case update:
			return copyFile(path, dst)
		}
		if os.Link(path, dst) == nil {
			return nil
		}
		return copyFile(path, dst)
	})
	return segments, err
}

// errTooManySegments makes Write rebuild the index whole.
var errTooManySegments = fmt.Errorf("index has more than %d segments", maxSegments)

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
