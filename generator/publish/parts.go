package publish

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/plenary-archive/plenary/generator/render"
)

// streamParts writes a file made of parts into path: each part that reuse
// says is unchanged is copied from the previous file, prev, which the
// kernel does without the bytes passing through the program; the others
// are rendered. It returns the file's size and where each part lies.
func streamParts(path, prev string, parts []render.Part, reuse func(int) (Extent, bool)) (int64, []Extent, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, nil, err
	}
	var old *os.File
	defer func() {
		if old != nil {
			old.Close()
		}
	}()
	w := &countingWriter{w: bufio.NewWriterSize(f, 256<<10)}
	flush := func() error { return w.w.(*bufio.Writer).Flush() }
	extents := make([]Extent, len(parts))
	// Reused parts that follow each other in the previous file are
	// copied in one go: a file can have tens of thousands of parts.
	var pending Extent
	copyPending := func() error {
		if pending.Len == 0 {
			return nil
		}
		if old == nil {
			o, err := os.Open(prev)
			if err != nil {
				return err
			}
			old = o
		}
		if err := copyRange(f, old, pending, flush); err != nil {
			return err
		}
		w.n += pending.Len
		pending = Extent{}
		return nil
	}
	for i, p := range parts {
		start := w.n + pending.Len
		if e, ok := reuse(i); ok {
			if pending.Len > 0 && pending.Off+pending.Len != e.Off {
				if err = copyPending(); err != nil {
					break
				}
				start = w.n
			}
			if pending.Len == 0 {
				pending.Off = e.Off
			}
			pending.Len += e.Len
			extents[i] = Extent{Name: p.Name, Off: start, Len: e.Len}
			continue
		}
		if err = copyPending(); err != nil {
			break
		}
		start = w.n
		if err = p.Render(w); err != nil {
			break
		}
		extents[i] = Extent{Name: p.Name, Off: start, Len: w.n - start}
	}
	if err == nil {
		err = copyPending()
	}
	if err == nil {
		err = flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return w.n, extents, err
}

// copyRange appends e's bytes of old to f, after flushing what is
// buffered for f.
func copyRange(f, old *os.File, e Extent, flush func() error) error {
	if err := flush(); err != nil {
		return err
	}
	if _, err := old.Seek(e.Off, io.SeekStart); err != nil {
		return err
	}
	n, err := io.CopyN(f, old, e.Len)
	if err == nil && n != e.Len {
		err = fmt.Errorf("%s: %d bytes copied of %d", old.Name(), n, e.Len)
	}
	return err
}
