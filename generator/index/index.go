// Package index owns the search index of an archive: its explicit bleve
// mapping, the documents made from the read-only Site, and the folder the
// build writes (bleve's files plus the facts and the results page the
// search endpoint needs), swapped in whole so a failed build leaves the
// previous index in place. It knows nothing of rendering or publishing:
// the build hands it the results page already rendered.
//
// One document per report, its paragraphs an array whose positions lead a
// match back to its "#p-N": per-paragraph documents were 26 times as many,
// three times slower to build and 1.6 times larger on 5,000 reports, and
// facets would count paragraphs where the site counts reports (see
// BenchmarkLayout). Bleve's offline builder writes one segment; fed with
// documents analysed on every core it builds as fast as Index.Batch
// followed by a merge into one segment.
package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

// Options say what goes into the index besides the Site.
type Options struct {
	// Synonyms are config.toml's [search] synonyms; each topic's title and
	// keywords are added as a group of their own.
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
	// final merge; 0 means a size measured to be fast within the memory
	// budget.
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

// defaultBatchSize was measured on 10,000 generated reports: smaller
// batches hold fewer analysed documents at once and built as fast as
// batches of 1,000 (the final merge costs the same either way); 100
// instead of 250 took the index's peak from 816 MB to 678 MB, 50 was
// slower for no less.
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

// documentSums identify each report's document: two reports with the same
// sum make the same document. A sum hashes what the document is made of
// rather than the document itself, so no document is encoded to tell it
// unchanged: the source file's hash stands for the text, and program for
// the code that turns the text into paragraphs (Options.Program).
func documentSums(s *generator.Site, program string) [][sha256.Size]byte {
	sums := make([][sha256.Size]byte, len(s.Reports))
	generator.Parallel(len(s.Reports), func(i int) {
		r := s.Reports[i]
		session := ""
		if r.Session != nil {
			session = r.Session.Key
		}
		// Appended by hand: with fmt this was most of a rebuild's index
		// time. Every field ends in a byte no field holds.
		// The buffer is reused across reports: made afresh, it was most
		// of what summing allocated, tens of megabytes at 10,000 reports.
		bp := sumBuffers.Get().(*[]byte)
		defer sumBuffers.Put(bp)
		b := (*bp)[:0]
		defer func() { *bp = b }()
		field := func(v string) { b = append(append(b, v...), 0) }
		b = strconv.AppendInt(b, Version, 10)
		field("")
		field(program)
		b = append(b, r.SourceHash[:]...)
		for _, v := range []string{r.Slug, r.Title, r.Kind, r.Permalink, strconv.FormatBool(r.AllDay), r.Date.Format(time.RFC3339), session} {
			field(v)
		}
		list := func(states []*generator.State, topics []*generator.Topic) {
			for _, st := range states {
				field(st.Code)
			}
			b = append(b, 1)
			for _, t := range topics {
				field(t.Key)
			}
			b = append(b, 1)
		}
		list(r.States, r.Topics)
		for _, p := range r.Paragraphs {
			b = strconv.AppendInt(b, int64(p.N), 10)
			field("")
			list(p.States, p.Topics)
		}
		sums[i] = sha256.Sum256(b)
	})
	return sums
}

var sumBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// fingerprint hashes everything the index folder is made of, so that a
// build whose reports did not change keeps the index it has.
func fingerprint(sums [][sha256.Size]byte, s *generator.Site, facts *Facts, shell []byte) (string, error) {
	h := sha256.New()
	f := *facts
	f.Fingerprint = ""
	data, err := json.Marshal(&f)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "plenary index %d\n%d %s\n%d %s\n", Version, len(data), data, len(shell), shell)
	for i, r := range s.Reports {
		fmt.Fprintf(h, "%s %x\n", r.Slug, sums[i])
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeBleve indexes every report with bleve's offline builder, which
// writes sorted segments and merges them into one: a build-then-serve
// index needs no updates, and one segment answers faceted and sorted
// queries faster than several. The builder analyses documents on one
// core, so they come to it already analysed on every core (see
// analyzedMapping).
func writeBleve(dir string, s *generator.Site, opts Options) error {
	m := Mapping()
	if len(s.Reports) == 0 {
		// The builder cannot close without a segment; an empty index
		// is still a valid one.
		idx, err := bleve.New(dir, m)
		if err != nil {
			return err
		}
		return idx.Close()
	}
	size := opts.BatchSize
	if size <= 0 {
		size = defaultBatchSize
	}
	b, err := bleve.NewBuilder(dir, analyzedMapping{m}, map[string]interface{}{
		"batchSize": size,
		"mergeMax":  10,
		// Segments are built in the new folder, not in the system's
		// temporary one, which may be on another file system.
		"buildPathPrefix": dir,
	})
	if err != nil {
		return err
	}
	err = eachDocument(s.Reports, m, opts.Texts, func(d *bdoc.Document) error {
		if opts.Done != nil {
			defer opts.Done()
		}
		return b.Index(d.ID(), d)
	})
	if err == nil && opts.BeforeMerge != nil {
		var size int64
		if size, err = du(dir); err == nil {
			opts.BeforeMerge(size)
		}
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	return err
}

// eachDocument maps and analyses the reports' documents on every core, a
// chunk ahead of fn, which gets them one at a time in the Site's order, so
// the index does not depend on scheduling.
func eachDocument(reports []*generator.Report, m mapping.IndexMapping, texts *bodies.Store, fn func(d *bdoc.Document) error) error {
	// Analysis runs up to a few chunks ahead, so that it goes on while
	// the builder writes a segment; more would hold more memory for little.
	// Chunks of 64 instead of 128 held 130 MB less at 10,000 reports at
	// the same speed.
	const chunk, ahead = 64, 2
	type prepared struct {
		docs []*bdoc.Document
		err  error
	}
	out := make(chan prepared, ahead)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(out)
		for lo := 0; lo < len(reports); lo += chunk {
			part := reports[lo:min(lo+chunk, len(reports))]
			p := prepared{docs: make([]*bdoc.Document, len(part))}
			errs := make([]error, len(part))
			generator.Parallel(len(part), func(i int) { p.docs[i], errs[i] = analyzed(part[i], m, texts) })
			p.err = errors.Join(errs...)
			select {
			case out <- p:
			case <-stop:
				return
			}
		}
	}()
	for p := range out {
		if p.err != nil {
			return p.err
		}
		for _, d := range p.docs {
			if err := fn(d); err != nil {
				return fmt.Errorf("%s: %w", d.ID(), err)
			}
		}
	}
	return nil
}

// analyzed is a report's document, mapped and analysed.
func analyzed(r *generator.Report, m mapping.IndexMapping, texts *bodies.Store) (*bdoc.Document, error) {
	data, err := document(r, texts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.SourcePath, err)
	}
	d := bdoc.NewDocument(r.Slug)
	if err := m.MapDocument(d, data); err != nil {
		return nil, fmt.Errorf("%s: %w", r.SourcePath, err)
	}
	mergeText(d, FieldText)
	return d, nil
}

// analyzedMapping hands documents analysed by eachDocument to bleve's
// builder with their analysis made final: the builder calls Analyze on
// every field under its lock, one document after another, which would
// leave all cores but one idle. Everything else is the real mapping, which
// is also what the index stores.
type analyzedMapping struct{ mapping.IndexMapping }

// MapDocument takes the fields of an analysed document, or maps anything
// else as the real mapping does.
func (m analyzedMapping) MapDocument(d *bdoc.Document, data interface{}) error {
	src, ok := data.(*bdoc.Document)
	if !ok {
		return m.IndexMapping.MapDocument(d, data)
	}
	for _, f := range src.Fields {
		d.AddField(analyzedField{f})
	}
	for _, c := range src.CompositeFields {
		d.AddField(c)
	}
	d.SetIndexed()
	return nil
}

// MarshalJSON is the real mapping's, which the index stores.
func (m analyzedMapping) MarshalJSON() ([]byte, error) { return json.Marshal(m.IndexMapping) }

// analyzedField is a field whose Analyze was already called.
type analyzedField struct{ bdoc.Field }

func (analyzedField) Analyze() {}

// stored is what a hit shows of a report, and what it holds of the
// report's text: its paragraphs and headings, without empty ones.
func stored(r *generator.Report, store *bodies.Store) (*Stored, error) {
	texts, err := store.Texts(r)
	if err != nil {
		return nil, err
	}
	st := &Stored{
		Title: r.Title, URL: r.Permalink, Date: r.Date.Format(time.RFC3339), AllDay: r.AllDay, Kind: r.Kind,
		States: codes(r.States), Topics: topicKeys(r.Topics),
	}
	if r.Session != nil {
		st.Session = r.Session.Key
	}
	heading := ""
	for i, p := range r.Paragraphs {
		if p.Heading != heading {
			// A heading is searched as the start of its section: a
			// match in it points at the section's first paragraph.
			heading = p.Heading
			if strings.TrimSpace(heading) != "" {
				st.Paras = append(st.Paras, Para{N: p.N, Text: heading, Heading: true})
			}
		}
		if strings.TrimSpace(texts[i]) == "" {
			continue
		}
		st.Paras = append(st.Paras, Para{N: p.N, Text: texts[i], States: codes(p.States)})
	}
	return st, nil
}

// document is the indexed form of one report, its texts read from texts.
func document(r *generator.Report, texts *bodies.Store) (map[string]any, error) {
	st, err := stored(r, texts)
	if err != nil {
		return nil, err
	}
	text := make([]string, len(st.Paras))
	for i, p := range st.Paras {
		text[i] = p.Text
	}
	stored, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	doc := map[string]any{
		FieldTitle:  r.Title,
		FieldText:   text,
		FieldStates: st.States,
		FieldTopics: st.Topics,
		FieldDate:   r.Date,
		FieldStored: string(stored),
	}
	if st.Session != "" {
		doc[FieldSession] = st.Session
	}
	if r.Kind != "" {
		doc[FieldKind] = r.Kind
	}
	return doc, nil
}

// codes are the states' ISO codes: the shortest stable names, which keeps
// the facet structures small (filters and facets name states by slug and
// map through the facts).
func codes(states []*generator.State) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = s.Code
	}
	return out
}

func topicKeys(topics []*generator.Topic) []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = t.Key
	}
	return out
}

func factsOf(s *generator.Site, opts Options) *Facts {
	f := &Facts{Version: Version, Title: s.Title, BaseURL: s.BaseURL, BasePath: s.BasePath, SearchURL: s.SearchURL, Reports: len(s.Reports),
		States: []State{}, Topics: []Topic{}, Sessions: []Session{}}
	for _, st := range s.States {
		f.States = append(f.States, State{Code: st.Code, Name: st.Name, Slug: st.Slug, URL: st.Permalink})
	}
	for _, t := range s.Topics {
		f.Topics = append(f.Topics, Topic{Key: t.Key, Title: t.Title, URL: t.Permalink})
	}
	for _, ss := range s.Sessions {
		f.Sessions = append(f.Sessions, Session{Key: ss.Key, Title: ss.Title, Process: ss.Process, URL: ss.Permalink})
	}
	f.Synonyms = synonymGroups(s.Topics, opts.Synonyms)
	return f
}

// synonymGroups are the config's groups followed by one per topic (its
// title and keywords), each without blanks or repeats.
func synonymGroups(topics []*generator.Topic, config [][]string) [][]string {
	out := [][]string{}
	add := func(words []string) {
		var g []string
		seen := map[string]bool{}
		for _, w := range words {
			w = strings.Join(strings.Fields(w), " ")
			if w == "" || seen[strings.ToLower(w)] {
				continue
			}
			seen[strings.ToLower(w)] = true
			g = append(g, w)
		}
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	for _, g := range config {
		add(g)
	}
	for _, t := range topics {
		add(append([]string{t.Title}, t.Keywords...))
	}
	return out
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
