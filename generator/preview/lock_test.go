package preview

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/lockfile"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// TestWaitsForABuildOfTheArchive holds the archive's lock, as plenary
// build does while it runs: the preview's build waits for it, says so,
// and builds once it is released.
func TestWaitsForABuildOfTheArchive(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, archivetest.FS(archivetest.Session+archivetest.Topic+"-- config.toml --\ntitle = \"T\"\n")); err != nil {
		t.Fatal(err)
	}
	held, err := lockfile.Acquire(filepath.Join(src, content.CacheDir), true, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := &lineLog{said: make(chan string, 4)}
	done := make(chan *Server)
	go func() {
		s, err := New(Options{Source: src, Log: log})
		if err != nil {
			t.Error(err)
		}
		done <- s
	}()
	if line := <-log.said; !strings.Contains(line, "waiting for the build of PID") {
		t.Errorf("the preview said %q before building", line)
	}
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	s := <-done
	if s == nil {
		return
	}
	defer s.Close()
	if s.Result() == nil {
		t.Error("the preview did not build once the lock was released")
	}
}

// lineLog hands each write to a channel, for a test to wait on.
type lineLog struct {
	mu   sync.Mutex
	said chan string
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case l.said <- string(p):
	default:
	}
	return len(p), nil
}
