package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the parts of an archive whose changes the site shows.
var watched = []string{"content", "themes", "layouts", "config.toml", "speakers.toml"}

type watcher struct {
	root string
	fs   *fsnotify.Watcher
}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fs: fw}
	// The root itself is watched so that a content/ or config.toml created
	// after the start is noticed too.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, name := range watched {
		w.addTree(filepath.Join(root, name))
	}
	return w, nil
}

// addTree watches dir and every folder below it; fsnotify watches one
// folder at a time.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			_ = w.fs.Add(p)
		}
		return nil
	})
}

func (w *watcher) Close() error { return w.fs.Close() }

// relevant says whether an event concerns the sources (and not, say, the
// published site or the cache, which also live in the root).
func (w *watcher) relevant(name string) bool {
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return false
	}
	first := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
	for _, n := range watched {
		if first == n {
			base := filepath.Base(name)
			// Editors' swap and backup files are not sources.
			return !strings.HasPrefix(base, ".") && !strings.HasSuffix(base, "~") && !strings.HasSuffix(base, ".swp")
		}
	}
	return false
}

func (w *watcher) run(ctx context.Context, quiet time.Duration, rebuild func()) error {
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.fs.Errors:
			if !ok {
				return nil
			}
			_ = err // an overflow loses events; the next change rebuilds anyway
		case ev, ok := <-w.fs.Events:
			if !ok {
				return nil
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if timer == nil {
				timer = time.NewTimer(quiet)
			} else {
				timer.Reset(quiet)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			rebuild()
		}
	}
}
