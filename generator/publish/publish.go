// Package publish writes a rendered site to disk: every file through one
// minifier, on every core, into a fresh folder that replaces the previous
// site only when everything succeeded, so a failed build never leaves a
// half-written or emptied site behind.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
	Files int
	Bytes int64
}

// Minifier returns the one minifier of a build, set up for every media
// type the site contains.
func Minifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".svg":  "image/svg+xml",
	".js":   "text/javascript",
	".json": "application/json",
	".xml":  "application/xml",
}

// Write renders every output into a new folder beside dest and swaps it in.
// On any error dest is left as it was.
func Write(dest string, outputs []render.Output, m *minify.M) (Stats, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return Stats{}, err
	}
	stats, err := writeAll(tmp, outputs, m)
	if err == nil {
		err = keepDotFiles(dest, tmp)
	}
	if err == nil {
		err = swap(dest, tmp)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return Stats{}, err
	}
	return stats, nil
}

func writeAll(dir string, outputs []render.Output, m *minify.M) (Stats, error) {
	var files, size atomic.Int64
	errs := make([]error, len(outputs))
	var dirs sync.Map
	generator.Parallel(len(outputs), func(i int) {
		o := outputs[i]
		var raw bytes.Buffer
		if err := o.Render(&raw); err != nil {
			errs[i] = fmt.Errorf("%s: %w", o.Path, err)
			return
		}
		data := raw.Bytes()
		if mt, ok := mediaTypes[filepath.Ext(o.Path)]; ok {
			var min bytes.Buffer
			min.Grow(len(data))
			if err := m.Minify(mt, &min, &raw); err != nil {
				errs[i] = fmt.Errorf("%s: minify: %w", o.Path, err)
				return
			}
			data = min.Bytes()
		}
		path := filepath.Join(dir, filepath.FromSlash(o.Path))
		d := filepath.Dir(path)
		if _, made := dirs.Load(d); !made {
			if err := os.MkdirAll(d, 0o755); err != nil {
				errs[i] = err
				return
			}
			dirs.Store(d, true)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			errs[i] = err
			return
		}
		files.Add(1)
		size.Add(int64(len(data)))
	})
	if err := errors.Join(errs...); err != nil {
		return Stats{}, err
	}
	return Stats{Files: int(files.Load()), Bytes: size.Load()}, nil
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

// swap replaces dest by tmp with two renames; between them dest is briefly
// absent, never partly written.
func swap(dest, tmp string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			_ = os.Rename(old, dest)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
