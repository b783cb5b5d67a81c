package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

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
		// of what summing allocated.
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
		byPara := speakersOf(r)
		for _, p := range r.Paragraphs {
			b = strconv.AppendInt(b, int64(p.N), 10)
			field("")
			list(p.States, p.Topics)
			// Who speaks depends on the registry as well as the text.
			for _, k := range byPara[p] {
				field(k)
			}
			b = append(b, 1)
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
	// Smaller chunks hold less at the same speed.
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
	byPara := speakersOf(r)
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
		st.Paras = append(st.Paras, Para{N: p.N, Text: texts[i], States: codes(p.States), Speakers: byPara[p]})
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
	var all []string
	for _, p := range st.Paras {
		for _, k := range p.Speakers {
			if !slices.Contains(all, k) {
				all = append(all, k)
			}
		}
	}
	if len(all) > 0 {
		slices.Sort(all)
		doc[FieldSpeakers] = all
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

// speakersOf lists who speaks in each paragraph of r, in the order of
// its statements (states A to Z, then groups and stakeholders by name):
// states by code, groups and stakeholders by registry key, the keys the
// speaker filter holds.
func speakersOf(r *generator.Report) (byPara map[*generator.Paragraph][]string) {
	for i := range r.Statements {
		stmt := &r.Statements[i]
		if stmt.Role != generator.Speaker {
			continue
		}
		key := stmt.SpeakerKey()
		if byPara == nil {
			byPara = map[*generator.Paragraph][]string{}
		}
		if ks := byPara[stmt.Paragraph]; !slices.Contains(ks, key) {
			byPara[stmt.Paragraph] = append(ks, key)
		}
	}
	return byPara
}

func topicKeys(topics []*generator.Topic) []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = t.Key
	}
	return out
}
