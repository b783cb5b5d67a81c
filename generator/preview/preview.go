// Package preview serves an archive while an editor works on it: it builds
// the site into a private folder, watches the sources, rebuilds what
// changed, and tells open browser tabs to reload through server-sent
// events. A failed rebuild shows its errors in the browser while the last
// good site stays in place. None of this reaches a published build: the
// reload script is added to pages as they are served.
package preview

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
)

// EventsPath is where tabs listen for reloads.
const EventsPath = "/__plenary/events"

// previewSearch is where the preview answers searches: the preview is
// served at the root of its host, so the search form is sent here.
const previewSearch = "/search"

// Options configure a preview.
type Options struct {
	Source  string // the archive's root folder
	Drafts  bool
	BaseURL string // the address the preview is served at, e.g. "http://localhost:1313/"
	Log     io.Writer
	// OnBuild, when set, is called after every successful build, e.g. to
	// reopen the search index the build wrote.
	OnBuild func(*pipeline.Result)
	// Sample, when set, is the archive previewed when Source holds none:
	// it is written out into the preview's private folder, and watched
	// there like any other.
	Sample fs.FS
	// Memory is how builds set the Go runtime's collector (see
	// pipeline.Options).
	Memory memory.Policy
}

// Server is a running preview.
type Server struct {
	opts    Options
	dir     string // private folder: site/ and cache/
	mu      sync.Mutex
	last    *pipeline.Result
	failure generator.ErrorList // the errors of the last build, if it failed
	other   error               // a failure without positions
	version int                 // counts builds, for listeners
	changed chan struct{}       // closed and replaced after every build
	mux     *http.ServeMux
	sample  bool // Source held no archive: the sample is previewed
}

// New builds the site once and returns a server for it. Content errors do
// not stop it: the browser shows them until they are fixed.
func New(opts Options) (*Server, error) {
	dir, err := os.MkdirTemp("", "plenary-preview-")
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, dir: dir, changed: make(chan struct{}), mux: http.NewServeMux()}
	if opts.Log == nil {
		s.opts.Log = io.Discard
	}
	if opts.Sample != nil {
		held, err := content.HoldsArchive(opts.Source)
		if err == nil && !held {
			s.opts.Source, s.sample = filepath.Join(dir, "archive"), true
			err = os.CopyFS(s.opts.Source, opts.Sample)
		}
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	s.mux.HandleFunc(EventsPath, s.events)
	s.mux.HandleFunc("/", s.files)
	s.Rebuild()
	return s, nil
}

// Handle adds a handler beside the site's files, e.g. the search endpoint.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// Close removes the private folder.
func (s *Server) Close() error { return os.RemoveAll(s.dir) }

// SiteDir is the folder the preview site is written to.
func (s *Server) SiteDir() string { return filepath.Join(s.dir, "site") }

// IndexDir is the folder the preview's search index is written to.
func (s *Server) IndexDir() string { return filepath.Join(s.dir, "search.bleve") }

// Sample tells whether the folder held no archive and the sample given in
// Options is previewed.
func (s *Server) Sample() bool { return s.sample }

// Result is the last successful build, or nil.
func (s *Server) Result() *pipeline.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// Rebuild builds the site now and tells listeners.
func (s *Server) Rebuild() {
	start := time.Now()
	res, err := s.build()
	s.mu.Lock()
	if err != nil {
		s.failure, s.other = generator.AsList(err), nil
		if s.failure == nil {
			s.other = err
		}
		fmt.Fprintf(s.opts.Log, "build failed:\n%v\n", err)
	} else {
		s.last, s.failure, s.other = res, nil, nil
		for _, w := range res.Warnings {
			fmt.Fprintln(s.opts.Log, w)
		}
		fmt.Fprintf(s.opts.Log, "built %d reports: %d of %d files rendered in %s\n",
			len(res.Site.Reports), res.Rendered, res.Files, time.Since(start).Round(time.Millisecond))
	}
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if err == nil && s.opts.OnBuild != nil {
		s.opts.OnBuild(res)
	}
}

// build builds the archive, read through a root opened for this build
// alone, so that the archive's folder may be replaced between builds.
func (s *Server) build() (*pipeline.Result, error) {
	root, err := content.OpenRoot(s.opts.Source, nil)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	// The preview answers searches itself, whatever endpoint config.toml
	// names for the published site (another host, or none). The
	// archive's lock is plenary build's: a preview's build and a build of
	// the archive take turns.
	endpoint := strings.TrimPrefix(previewSearch, "/")
	return pipeline.Build(pipeline.Options{
		Root: root.FS(), Dest: s.SiteDir(), Drafts: s.opts.Drafts,
		BaseURL: s.opts.BaseURL, SearchEndpoint: &endpoint, CacheDir: filepath.Join(s.dir, "cache"), IndexDir: s.IndexDir(),
		LockDir: root.CacheDir(), Memory: s.opts.Memory,
		Waiting: func(pid int) {
			if pid > 0 {
				fmt.Fprintf(s.opts.Log, "waiting for the build of PID %d to finish…\n", pid)
			} else {
				fmt.Fprintln(s.opts.Log, "waiting for another build to finish…")
			}
		},
	})
}

// ServeHTTP serves the preview.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	failure, other, last := s.failure, s.other, s.last
	s.mu.Unlock()
	if failure != nil || other != nil || last == nil {
		s.errorPage(w, failure, other)
		return
	}
	base := last.Config.BasePath
	if !strings.HasPrefix(r.URL.Path, base) {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	rel := path.Clean("/" + strings.TrimPrefix(r.URL.Path, base))
	file := filepath.Join(s.SiteDir(), filepath.FromSlash(rel))
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	status := http.StatusOK
	data, err := os.ReadFile(file)
	if err != nil {
		status = http.StatusNotFound
		file = filepath.Join(s.SiteDir(), "404.html")
		if data, err = os.ReadFile(file); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	if strings.HasSuffix(file, ".html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = inject(data)
	} else if ct := contentType(file); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

func contentType(file string) string {
	switch path.Ext(file) {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	return ""
}

// reloadScript reconnects by itself when the server restarts, so a tab
// left open survives `plenary serve` being stopped and started again.
const reloadScript = `<script>(function(){var v=null;function c(){var e=new EventSource("` + EventsPath + `");e.onmessage=function(m){if(v!==null&&m.data!==v){location.reload()}v=m.data};e.onerror=function(){e.close();setTimeout(c,1000)}}c()})();</script>`

// inject adds the reload script before </body>, or at the end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, reloadScript...)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}

// events streams the build number: the first message says where a tab
// stands, every later one that it must reload.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	for {
		s.mu.Lock()
		version, changed := s.version, s.changed
		s.mu.Unlock()
		if _, err := fmt.Fprintf(w, "data: %d\n\n", version); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		case <-time.After(30 * time.Second): // keeps proxies from closing an idle stream
		}
	}
}

var errorTemplate = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · Plenary preview</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1f21;background:#fff8f6}
h1{color:#a31515}li{margin:.5rem 0}code{font:.95rem ui-monospace,monospace;background:#fde8e4;padding:.1rem .3rem}</style>
</head><body><main>
<h1>The site did not build</h1>
<p>Fix what is listed and save: this page reloads by itself. The last good site is kept until then.</p>
<ol>{{range .List}}<li><code>{{.Path}}{{if .Line}}:{{.Line}}{{end}}</code> {{.Msg}}{{with .Hint}} <em>({{.}})</em>{{end}}</li>{{end}}
{{with .Other}}<li>{{.}}</li>{{end}}</ol>
</main></body></html>`))

func (s *Server) errorPage(w http.ResponseWriter, list generator.ErrorList, other error) {
	var b bytes.Buffer
	data := struct {
		List  generator.ErrorList
		Other string
	}{List: list.Errors()}
	if other != nil {
		data.Other = other.Error()
	}
	if list == nil && other == nil {
		data.Other = "the site is being built"
	}
	if err := errorTemplate.Execute(&b, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write(inject(b.Bytes()))
}

// Watch starts watching the archive's sources and returns a function that
// rebuilds on every change until ctx ends. The watch is in place when
// Watch returns, so no change made after it is missed; changes that arrive
// together make one rebuild.
func (s *Server) Watch(ctx context.Context) (run func() error, err error) {
	w, err := newWatcher(s.opts.Source)
	if err != nil {
		return nil, err
	}
	return func() error {
		defer w.Close()
		return w.run(ctx, 150*time.Millisecond, s.Rebuild)
	}, nil
}
