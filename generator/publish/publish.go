// Package publish writes a rendered site to disk: every file through one
// minifier, on every core, into a fresh folder that replaces the previous
// site only when everything succeeded, so a failed build never leaves a
// half-written or emptied site behind.
package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render"
)

// Stats describes what a publish wrote.
type Stats struct {
	Files    int              // files in the site
	Rendered int              // files rendered; the others were kept from the previous site
	Bytes    int64            // bytes rendered; of a file made of parts, those of the parts rendered, not copied
	Sizes    map[string]int64 // every file's size, by path
	// Parts say where each part of a file made of parts lies in it, for
	// the files this publish wrote.
	Parts map[string][]Extent
}

// Extent is where a part of a file lies in it.
type Extent struct {
	Name     string
	Off, Len int64
}

// Minifier returns the one minifier of a build, set up for every media
// type the site contains.
func Minifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/javascript", js.Minify)
	// JSON is minified where pages embed it (JSON-LD); data files under
	// data/ are written as they are rendered, see stream.
	m.AddFuncRegexp(regexp.MustCompile(`^application/(ld\+)?json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// TemplateMinifier returns the minifier of a theme's templates, which
// minifies them once, as they are loaded, keeping their Go template
// actions as they are (see render.LoadTheme).
func TemplateMinifier() *minify.M {
	m := Minifier()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, TemplateDelims: html.GoTemplateDelims})
	return m
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".svg":  "image/svg+xml",
	".js":   "text/javascript",
	".xml":  "application/xml",
}

// release returns a buffer to the pool, unless one very large page grew it
// so much that keeping it would pin that memory for the rest of the build.
func release(b *bytes.Buffer) {
	if b.Cap() > 4<<20 {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// stream renders an output straight into its file.
func stream(path string, o render.Output) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := &countingWriter{w: bufio.NewWriterSize(f, 256<<10)}
	err = o.Render(w)
	if err == nil {
		err = w.w.(*bufio.Writer).Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return w.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Options tune a Write.
type Options struct {
	Minifier *minify.M // from Minifier; one per build
	// Keep, when set, says for an output whether the file already in dest
	// is still right, and its size. Such files are left alone and dest is
	// updated in place: changed files are staged first and moved in only
	// when every one rendered, so a failed build still changes nothing.
	Keep func(render.Output) (size int64, ok bool)
	// Stale are files of dest that no output writes any more; an update
	// in place removes them.
	Stale []string
	// Reuse, for an update in place, gives for an output made of parts a
	// func that says where the previous file held its part i, if that
	// part is still right: it is copied from there instead of rendered.
	// It returns nil when nothing of the previous file can be used.
	Reuse func(o render.Output) func(i int) (Extent, bool)
	// Done, when set, is called once per file written or kept, from any
	// goroutine, for progress reports.
	Done func()
}

// buffers are reused across pages: growing a fresh buffer for every page
// was the largest source of garbage in a build.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Write renders the outputs into dest. A full write renders every output
// into a new folder beside dest and swaps it in; an update (Options.Keep)
// renders the changed outputs beside dest and moves them in. On any
// rendering error dest is left as it was.
func Write(dest string, outputs []render.Output, opts Options) (Stats, error) {
	p, err := Prepare(dest, outputs, opts)
	if err != nil {
		return Stats{}, err
	}
	return p.Stats, p.Commit()
}

// Prepared is a site rendered beside its folder and not yet in place, so
// that a build can put the site and its search index in place together.
type Prepared struct {
	Stats   Stats
	dest    string
	tmp     string
	inPlace bool
	staged  []stagedFile
	stale   []string
}

// Prepare renders the outputs beside dest without touching dest.
func Prepare(dest string, outputs []render.Output, opts Options) (*Prepared, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	inPlace := opts.Keep != nil
	if st, err := os.Stat(dest); err != nil || !st.IsDir() {
		inPlace = false
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, err
	}
	if !inPlace {
		opts.Keep = nil
	}
	prev := ""
	if inPlace {
		prev = dest
	}
	stats, staged, err := writeAll(tmp, prev, outputs, opts)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	return &Prepared{Stats: stats, dest: dest, tmp: tmp, inPlace: inPlace, staged: staged, stale: opts.Stale}, nil
}

// Commit puts the prepared site in place.
func (p *Prepared) Commit() error {
	var err error
	if p.inPlace {
		err = moveIn(p.tmp, p.dest, p.staged, p.stale)
	} else if err = keepDotFiles(p.dest, p.tmp); err == nil {
		err = swap(p.dest, p.tmp)
	}
	if err != nil || p.inPlace {
		_ = os.RemoveAll(p.tmp)
	}
	return err
}

// Discard removes the prepared site, leaving dest as it was.
func (p *Prepared) Discard() {
	if p != nil {
		_ = os.RemoveAll(p.tmp)
	}
}

// moveIn moves the staged files into dest, then removes stale files and
// the folders they leave empty.
func moveIn(tmp, dest string, staged []stagedFile, stale []string) error {
	made := map[string]bool{}
	for _, f := range staged {
		to := filepath.Join(dest, filepath.FromSlash(f.to))
		if d := filepath.Dir(to); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		from := filepath.Join(tmp, f.from)
		if f.at > 0 {
			if err := writeInto(to, from, f.at, f.keep); err != nil {
				return err
			}
			continue
		}
		if err := os.Rename(from, to); err != nil {
			return err
		}
	}
	for _, p := range stale {
		path := filepath.Join(dest, filepath.FromSlash(p))
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		for d := filepath.Dir(path); d != dest && strings.HasPrefix(d, dest); d = filepath.Dir(d) {
			if os.Remove(d) != nil { // not empty: keep it and its parents
				break
			}
		}
	}
	return nil
}

// stagedFile is a file rendered for an update in place: its name in the
// staging folder, its path in the site, and, when it is what changed in a
// file whose beginning stays, the offset it goes to and the end of the
// file that stays after it (see streamParts).
type stagedFile struct {
	from, to string
	at       int64
	keep     Extent
}

// writeAll renders the outputs into dir; prev, when set, is the previous
// site, which parts of files are copied from.
func writeAll(dir, prev string, outputs []render.Output, opts Options) (Stats, []stagedFile, error) {
	m := opts.Minifier
	kept := make([]bool, len(outputs))
	var rendered, size atomic.Int64
	errs := make([]error, len(outputs))
	sizes := make([]int64, len(outputs))
	extents := make([][]Extent, len(outputs))
	edits := make([]partsFile, len(outputs))
	var dirs sync.Map
	mkdir := func(path string) error {
		d := filepath.Dir(path)
		if _, made := dirs.Load(d); made {
			return nil
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		dirs.Store(d, true)
		return nil
	}
	generator.Parallel(len(outputs), func(i int) {
		if opts.Done != nil {
			defer opts.Done()
		}
		o := outputs[i]
		path := filepath.Join(dir, filepath.FromSlash(o.Path))
		if opts.Keep != nil {
			// An update stages files flat, named by their position:
			// creating a folder costs more here than writing a page.
			path = filepath.Join(dir, strconv.Itoa(i))
		}
		if opts.Keep != nil {
			if size, ok := opts.Keep(o); ok {
				sizes[i], kept[i] = size, true
				return
			}
		}
		mt, minified := mediaTypes[filepath.Ext(o.Path)]
		if !minified || o.Parts != nil {
			// Data files (CSV, JSON) can be as large as the archive: they
			// stream to disk instead of passing through memory. So do
			// files made of parts, which are written compact.
			if err := mkdir(path); err != nil {
				errs[i] = err
				return
			}
			var n, made int64
			var err error
			if o.Parts != nil {
				var reuse func(int) (Extent, bool)
				if prev != "" && opts.Reuse != nil {
					reuse = opts.Reuse(o)
				}
				if reuse == nil {
					reuse = func(int) (Extent, bool) { return Extent{}, false }
				}
				edits[i], err = streamParts(path, filepath.Join(prev, filepath.FromSlash(o.Path)), o.Parts, reuse, prev != "")
				n, extents[i], made = edits[i].size, edits[i].extents, edits[i].rendered
			} else {
				n, err = stream(path, o)
				made = n
			}
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", o.Path, err)
				return
			}
			rendered.Add(1)
			size.Add(made)
			sizes[i] = n
			return
		}
		raw := buffers.Get().(*bytes.Buffer)
		defer release(raw)
		if err := o.Render(raw); err != nil {
			errs[i] = fmt.Errorf("%s: %w", o.Path, err)
			return
		}
		data := raw.Bytes()
		if !o.Minified {
			min := buffers.Get().(*bytes.Buffer)
			defer release(min)
			if err := m.Minify(mt, min, raw); err != nil {
				errs[i] = fmt.Errorf("%s: minify: %w", o.Path, err)
				return
			}
			data = min.Bytes()
		}
		if err := mkdir(path); err != nil {
			errs[i] = err
			return
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			errs[i] = err
			return
		}
		rendered.Add(1)
		size.Add(int64(len(data)))
		sizes[i] = int64(len(data))
	})
	if err := errors.Join(errs...); err != nil {
		return Stats{}, nil, err
	}
	st := Stats{Files: len(outputs), Rendered: int(rendered.Load()), Bytes: size.Load(), Sizes: make(map[string]int64, len(outputs)), Parts: map[string][]Extent{}}
	var staged []stagedFile
	for i, o := range outputs {
		st.Sizes[o.Path] = sizes[i]
		if extents[i] != nil {
			st.Parts[o.Path] = extents[i]
		}
		if !kept[i] {
			staged = append(staged, stagedFile{from: strconv.Itoa(i), to: o.Path, at: edits[i].at, keep: edits[i].keep})
		}
	}
	return st, staged, nil
}

// keepDotFiles carries top-level dot files of the old site (a .gitignore
// placeholder, a host's marker file) into the new one, since no build
// produces them.
func keepDotFiles(old, tmp string) error {
	entries, err := os.ReadDir(old)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), ".") {
			continue
		}
		target := filepath.Join(tmp, e.Name())
		if _, err := os.Stat(target); err == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(old, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap puts the new site in place; MkdirTemp made it private, and a
// published site is read by everyone.
func swap(dest, tmp string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return generator.ReplaceDir(dest, tmp)
}
