// Package ingest imports a batch of reports into an archive in one go:
// files, folders of files and web addresses are read by the importer,
// filed under their sessions (ChooseSession, which never guesses, and
// CheckSession for a session the editor names), written into
// content/reports/ through the scaffold package's contained writer, and
// summed up: written, skipped as existing, refused with why. Nothing is
// written for a report that would not build (an unreadable date, a
// session that does not hold its date).
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/importer"
	"github.com/plenary-archive/plenary/generator/importer/webpage"
	"github.com/plenary-archive/plenary/generator/scaffold"
)

// Status is what became of one input.
type Status int

// The outcomes of an input.
const (
	Written  Status = iota // a new file
	Replaced               // an existing file, with --force
	Skipped                // the same report is there already
	Refused                // not written: Err says why
)

// String names the outcome as the import's summary does.
func (s Status) String() string {
	return [...]string{"written", "replaced", "skipped as existing", "refused"}[s]
}

// Outcome is what became of one input.
type Outcome struct {
	Input   string
	Status  Status
	Path    string // the file written or found, relative to the archive
	Session string
	Report  *importer.Report
	// Err says why an input was refused: an *importer.ParseError points
	// at its line.
	Err error
}

// Summary is what became of every input, in the order given (a folder's
// files in name order).
type Summary struct {
	Outcomes []Outcome
}

// Count is how many inputs ended with s.
func (s *Summary) Count(st Status) int {
	n := 0
	for _, o := range s.Outcomes {
		if o.Status == st {
			n++
		}
	}
	return n
}

// Options are how a batch is imported.
type Options struct {
	// Dir is the archive's root folder.
	Dir string
	// Session files every report under this key, which must hold each
	// report's date; empty chooses by date.
	Session string
	// Force replaces existing files.
	Force bool
	// Importer reads the inputs.
	Importer *importer.Importer
	// Client fetches addresses; nil is webpage.Client().
	Client *http.Client
}

// Extensions are the files a folder's import reads: plain text and saved
// web pages.
var Extensions = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true}

// Run imports inputs (files, folders, http(s) addresses) into the archive
// a was loaded from.
func Run(ctx context.Context, a *content.Archive, inputs []string, opts Options) (*Summary, error) {
	if opts.Importer == nil {
		return nil, errors.New("ingest: no importer")
	}
	spans := Spans(a)
	w, err := scaffold.Open(opts.Dir)
	if err != nil {
		return nil, err
	}
	defer w.Close()

	items := expand(inputs)
	// Reading and parsing is most of the work: on every core, into
	// slots so the order stays that of the inputs.
	generator.Parallel(len(items), func(i int) {
		if items[i].Err == nil && !webpage.IsURL(items[i].Input) {
			items[i].Report, items[i].Err = read(items[i].Input, opts.Importer)
		}
	})
	for i := range items {
		o := &items[i]
		if o.Err == nil && webpage.IsURL(o.Input) {
			o.Report, o.Err = fetch(ctx, o.Input, opts)
		}
		if o.Err != nil {
			o.Status = Refused
			continue
		}
		place(o, w, spans, opts)
	}
	return &Summary{Outcomes: items}, nil
}

// Spans are the archive's sessions as the importer files reports under
// them; a session's process is given when the archive defines it.
func Spans(a *content.Archive) []Span {
	processes := map[string]bool{}
	for _, p := range a.Processes {
		processes[p.Key] = true
	}
	spans := make([]Span, 0, len(a.Sessions))
	for _, s := range a.Sessions {
		sp := Span{Key: s.Key, Start: s.Start, End: s.End}
		if processes[s.Front.Process] {
			sp.Process = s.Front.Process
		}
		spans = append(spans, sp)
	}
	return spans
}

// expand lists the inputs to import: each argument, or a folder's files
// with the Extensions, hidden ones aside, in name order.
func expand(args []string) []Outcome {
	var out []Outcome
	for _, arg := range args {
		if webpage.IsURL(arg) {
			out = append(out, Outcome{Input: arg})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			out = append(out, Outcome{Input: arg, Err: err})
			continue
		}
		if !info.IsDir() {
			out = append(out, Outcome{Input: arg})
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != arg {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && Extensions[strings.ToLower(filepath.Ext(p))] {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			out = append(out, Outcome{Input: arg, Err: err})
			continue
		}
		if len(files) == 0 {
			out = append(out, Outcome{Input: arg, Err: fmt.Errorf("no .txt or .html files in %s", arg)})
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, Outcome{Input: f})
		}
	}
	return out
}

func isHTML(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

func read(name string, im *importer.Importer) (*importer.Report, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.Size() > webpage.MaxBytes {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d an import reads", name, info.Size(), webpage.MaxBytes)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if isHTML(name, data) {
		return im.ParseHTML(name, data)
	}
	return im.Parse(name, data)
}

func fetch(ctx context.Context, addr string, opts Options) (*importer.Report, error) {
	page, err := webpage.Fetch(ctx, opts.Client, addr)
	if err != nil {
		return nil, err
	}
	var r *importer.Report
	if page.HTML {
		r, err = opts.Importer.ParseHTML(addr, page.Body)
	} else {
		r, err = opts.Importer.Parse(addr, page.Body)
	}
	if err != nil {
		return nil, err
	}
	r.SourceURL = page.URL
	return r, nil
}

// place files a read report under its session and writes it. A file of
// the same name and title is the same report imported before: it is
// skipped, or replaced with Force; one of another title gets a name of
// its own (scaffold.DistinctPath).
func place(o *Outcome, w *scaffold.Writer, spans []Span, opts Options) {
	r := o.Report
	refuse := func(err error) { o.Status, o.Err = Refused, err }
	last := r.Start
	if !r.End.IsZero() {
		last = r.End
	}
	key := opts.Session
	if key != "" {
		if err := CheckSession(key, r.Start, last, spans); err != nil {
			refuse(err)
			return
		}
	} else {
		var err error
		if key, err = ChooseSession(r.Start, last, spans); err != nil {
			refuse(err)
			return
		}
	}
	o.Session = key
	rel, err := scaffold.ReportPath(r.Start, r.Title)
	if err == nil && w.Exists(rel) && !titled(w, rel, r.Title) {
		// Another report, whose title makes the same name.
		rel, err = scaffold.DistinctPath(r.Start, r.Title)
	}
	if err != nil {
		refuse(err)
		return
	}
	o.Path = rel
	src := r.Source(key)
	switch err := w.Create(rel, src); {
	case err == nil:
		o.Status = Written
	case !errors.Is(err, scaffold.ErrExists):
		refuse(err)
	case !opts.Force:
		o.Status = Skipped
	default:
		if err := w.Replace(rel, src); err != nil {
			refuse(err)
			return
		}
		o.Status = Replaced
	}
}

// titled tells whether the report file rel has the title title; a file
// that cannot be read as a report is taken for one that has, so that it
// is skipped or replaced, never written beside.
func titled(w *scaffold.Writer, rel, title string) bool {
	data, err := w.ReadFile(rel)
	if err != nil {
		return true
	}
	f, err := content.Split(rel, data)
	if err != nil {
		return true
	}
	var front struct {
		Title string `toml:"title"`
	}
	if toml.Unmarshal(f.Front, &front) != nil {
		return true
	}
	return front.Title == title
}

// NewImporter makes the importer an archive's config asks for: its zone
// ([import] timeZone, else timeZone), or zone when not empty (an IANA
// name, the --tz flag); its extra kinds and furniture; its state aliases.
func NewImporter(cfg *config.Config, zone string) (*importer.Importer, error) {
	loc := cfg.Import.Location
	if loc == nil {
		loc = cfg.Location
	}
	if zone != "" {
		var err error
		if loc, err = time.LoadLocation(zone); err != nil {
			return nil, fmt.Errorf("--tz %q: use an IANA zone name such as \"America/New_York\" or \"UTC\"", zone)
		}
	}
	gz := gazetteer.Default()
	if len(cfg.States.Aliases) > 0 {
		var err error
		if gz, err = gz.WithAliases(cfg.States.Aliases); err != nil {
			return nil, fmt.Errorf("%s: [states.aliases]: %v", content.ConfigFile, err)
		}
	}
	return importer.New(importer.Options{
		Location: loc, Gazetteer: gz, Kinds: cfg.Import.Kinds, Drop: cfg.Import.Drop,
		NoDefaultDrop: cfg.Import.DefaultDrop != nil && !*cfg.Import.DefaultDrop,
	})
}
