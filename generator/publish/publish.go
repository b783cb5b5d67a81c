// Package publish writes a rendered site to disk: every file through one
// minifier, on every core, into the folder of the version a build writes
// (see publish/versions), which is published only when everything
// succeeded, so a failed build never leaves a half-written or emptied
// site behind. An update writes only the files a change touches, and
// edits files made of parts from where they change.
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
	"github.com/plenary-archive/plenary/generator/publish/versions"
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
	// Written are the files rendered, those made of parts aside.
	Written []string
	// Shared says, for every file made of parts, how many bytes at its
	// beginning are those of the published file, left as they were.
	Shared map[string]int64
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
func stream(path string, o render.Output, fresh bool) (int64, error) {
	f, err := create(path, fresh)
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
	// Previous is the published site's folder, which files made of parts
	// copy their unchanged parts from; "" when there is none.
	Previous string
	// Keep, when set, makes the write an update: it says for an output
	// whether the published file is still right, and its size. The
	// folder written is then a mirror of Previous (see versions.Mirror),
	// and only the outputs Keep refuses are written into it.
	Keep func(render.Output) (size int64, ok bool)
	// Reuse, for an update, gives for an output made of parts a func that
	// says where the published file held its part i, if that part is
	// still right: it is copied from there instead of rendered. It
	// returns nil when nothing of the published file can be used.
	Reuse func(o render.Output) func(i int) (Extent, bool)
	// Fresh says the folder written is empty: no file there needs
	// checking before it is written.
	Fresh bool
	// Done, when set, is called once per file written or kept, from any
	// goroutine, for progress reports.
	Done func()
	// Stop, when set and true, makes Write begin no other file and fail
	// with ErrStopped: the build is being stopped.
	Stop func() bool
}

// ErrStopped is the error of a Write that Options.Stop stopped.
var ErrStopped = errors.New("stopped")

// buffers are reused across pages: growing a fresh buffer for every page
// was the largest source of garbage in a build.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Write renders the outputs into dir, the site folder of the version a
// build writes, which is not published while it is written: every output
// for a full write, the outputs Options.Keep refuses for an update. A
// file another name shares (the published version's, a deploy's hard
// link) is replaced, never written in place.
func Write(dir string, outputs []render.Output, opts Options) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	return writeAll(dir, outputs, opts)
}

// create makes the file at path to write it whole: a file with other
// names is removed first, so that they keep what they had; one without is
// truncated, which spares the file system a new inode.
func create(path string, fresh bool) (*os.File, error) {
	if !fresh {
		if st, err := os.Lstat(path); err == nil && (!st.Mode().IsRegular() || versions.Shared(st)) {
			if err := os.RemoveAll(path); err != nil {
				return nil, err
			}
		}
	}
	return os.Create(path)
}

// writeAll renders the outputs into dir.
func writeAll(dir string, outputs []render.Output, opts Options) (Stats, error) {
	m := opts.Minifier
	update := opts.Keep != nil
	kept := make([]bool, len(outputs))
	var rendered, size atomic.Int64
	errs := make([]error, len(outputs))
	sizes := make([]int64, len(outputs))
	written := make([]partsFile, len(outputs))
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
		if opts.Stop != nil && opts.Stop() {
			errs[i] = ErrStopped
			return
		}
		o := outputs[i]
		path := filepath.Join(dir, filepath.FromSlash(o.Path))
		if update {
			if size, ok := opts.Keep(o); ok {
				sizes[i], kept[i] = size, true
				return
			}
		}
		if err := mkdir(path); err != nil {
			errs[i] = err
			return
		}
		mt, minified := mediaTypes[filepath.Ext(o.Path)]
		if !minified || o.Parts != nil {
			// Data files (CSV, JSON) can be as large as the archive: they
			// stream to disk instead of passing through memory. So do
			// files made of parts, which are written compact.
			var n, made int64
			var err error
			if o.Parts != nil {
				var reuse func(int) (Extent, bool)
				prev := ""
				if opts.Previous != "" {
					prev = filepath.Join(opts.Previous, filepath.FromSlash(o.Path))
					if opts.Reuse != nil {
						reuse = opts.Reuse(o)
					}
				}
				if reuse == nil {
					reuse = func(int) (Extent, bool) { return Extent{}, false }
				}
				written[i], err = streamParts(path, prev, o.Parts, reuse, update, opts.Fresh)
				n, made = written[i].size, written[i].rendered
			} else {
				n, err = stream(path, o, opts.Fresh)
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
		if err := writeFile(path, data, opts.Fresh); err != nil {
			errs[i] = err
			return
		}
		rendered.Add(1)
		size.Add(int64(len(data)))
		sizes[i] = int64(len(data))
	})
	for _, err := range errs {
		if err == ErrStopped {
			return Stats{}, err
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Stats{}, err
	}
	st := Stats{
		Files: len(outputs), Rendered: int(rendered.Load()), Bytes: size.Load(),
		Sizes: make(map[string]int64, len(outputs)), Parts: map[string][]Extent{}, Shared: map[string]int64{},
	}
	for i, o := range outputs {
		st.Sizes[o.Path] = sizes[i]
		switch {
		case o.Parts == nil && !kept[i]:
			st.Written = append(st.Written, o.Path)
		case o.Parts != nil && kept[i]:
			st.Shared[o.Path] = sizes[i]
		case o.Parts != nil:
			st.Parts[o.Path] = written[i].extents
			st.Shared[o.Path] = written[i].at
		}
	}
	return st, nil
}

// writeFile writes data as the file at path (see create).
func writeFile(path string, data []byte, fresh bool) error {
	f, err := create(path, fresh)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
