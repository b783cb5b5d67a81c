package pipeline

import (
	"fmt"
	"os"
	"runtime"
	"sync/atomic"

	"github.com/plenary-archive/plenary/generator"
)

// bodyFile keeps the HTML of report bodies, rendered during assembly, and
// the texts of their paragraphs in one unnamed temporary file until their
// pages are written: a report page then reads its body instead of parsing
// its Markdown again, and the bodies and texts stay out of the heap. It
// implements site.BodyStore.
type bodyFile struct {
	f   *os.File
	end atomic.Int64
	// failed is the first read that failed (see generator.TextStore).
	failed  atomic.Pointer[error]
	unnamed bool
}

// newBodyFile makes the file in dir, which should be on the disk the site
// is written to: the system's temporary folder may be memory.
func newBodyFile(dir string) (*bodyFile, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".plenary-bodies-")
	if err != nil {
		return nil, err
	}
	// Unnamed from the start, so that no build, stopped or not, leaves
	// it behind; where a file cannot be removed while open, it is removed
	// once closed.
	unnamed := os.Remove(f.Name()) == nil
	b := &bodyFile{f: f, unnamed: unnamed}
	// The Site a build returns reads its texts from the file, so the file
	// lives as long as the Site does, not as long as the build.
	runtime.AddCleanup(b, func(f *os.File) { closeBodies(f, unnamed) }, f)
	return b, nil
}

// Put appends b at an offset of its own, so that the goroutines that
// assemble write side by side.
func (b *bodyFile) Put(data []byte) (int64, error) {
	n := int64(len(data))
	off := b.end.Add(n) - n
	if _, err := b.f.WriteAt(data, off); err != nil {
		return 0, err
	}
	return off, nil
}

// ReadAt reads what Put kept.
func (b *bodyFile) ReadAt(p []byte, off int64) (int, error) { return b.f.ReadAt(p, off) }

// Failed records the first read that failed.
func (b *bodyFile) Failed(err error) {
	err = fmt.Errorf("reading the texts kept while building: %w", err)
	b.failed.CompareAndSwap(nil, &err)
}

// Err is the first read that failed, if any.
func (b *bodyFile) Err() error {
	if p := b.failed.Load(); p != nil {
		return *p
	}
	return nil
}

// Close lets go of the file before the Site that reads it is gone: a
// build that failed returns no Site.
func (b *bodyFile) Close() {
	if b != nil {
		closeBodies(b.f, b.unnamed)
	}
}

func closeBodies(f *os.File, unnamed bool) {
	if f.Close() == nil && !unnamed {
		_ = os.Remove(f.Name())
	}
}

// keptTexts is how many bytes of paragraph text the Site keeps in the
// file, which its heap would hold otherwise.
func keptTexts(s *generator.Site, b *bodyFile) int64 {
	if b == nil {
		return 0
	}
	var n int64
	for _, r := range s.Reports {
		for _, p := range r.Paragraphs {
			if p.Kept() {
				n += int64(p.Len())
			}
		}
	}
	return n
}
