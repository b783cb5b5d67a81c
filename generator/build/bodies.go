package build

import (
	"os"
	"sync/atomic"
)

// bodyFile keeps the HTML of report bodies, rendered during assembly, in
// one unnamed temporary file until their pages are written: a report page
// then reads its body instead of parsing its Markdown again, and the
// bodies stay out of the heap. It implements site.BodyStore.
type bodyFile struct {
	f    *os.File
	end  atomic.Int64
	kept atomic.Int64 // bodies put
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
	// it behind; where a file cannot be removed while open, Close does.
	_ = os.Remove(f.Name())
	return &bodyFile{f: f}, nil
}

// Put appends html at an offset of its own, so that the goroutines that
// assemble write side by side.
func (b *bodyFile) Put(html []byte) (func() ([]byte, error), error) {
	n := int64(len(html))
	off := b.end.Add(n) - n
	if _, err := b.f.WriteAt(html, off); err != nil {
		return nil, err
	}
	b.kept.Add(1)
	return func() ([]byte, error) {
		out := make([]byte, n)
		if _, err := b.f.ReadAt(out, off); err != nil {
			return nil, err
		}
		return out, nil
	}, nil
}

// Close lets go of the file.
func (b *bodyFile) Close() error {
	if b == nil {
		return nil
	}
	err := b.f.Close()
	_ = os.Remove(b.f.Name())
	return err
}
