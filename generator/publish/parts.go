package publish

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/plenary-archive/plenary/generator/render"
)

// minTail is the shortest unchanged beginning of a file worth keeping in
// place: below it, writing the file whole costs no more.
const minTail = 64 << 10

// streamParts writes a file made of parts into path: each part that reuse
// says is unchanged is copied from the previous file, prev, which the
// kernel does without the bytes passing through the program; the others
// are rendered. It returns the file's size, where each part lies, at
// which offset path's bytes go (0 when path is the whole file), and how
// many bytes were rendered rather than copied.
//
// When the file begins as the previous one did, the same parts at the
// same places over at least minTail bytes, and tail is set, path holds
// only what follows: Commit appends it to the previous file cut to that
// length. An archive grows at its end, so adding the day's report to
// data/statements.csv writes its rows instead of hundreds of megabytes.
func streamParts(path, prev string, parts []render.Part, reuse func(int) (Extent, bool), tail bool) (size int64, extents []Extent, at, rendered int64, err error) {
	extents = make([]Extent, len(parts))
	first := 0
	if tail {
		for ; first < len(parts); first++ {
			e, ok := reuse(first)
			if !ok || e.Off != at {
				break
			}
			extents[first] = Extent{Name: parts[first].Name, Off: at, Len: e.Len}
			at += e.Len
		}
		if at < minTail || !appendable(prev, at) {
			first, at = 0, 0
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, nil, 0, 0, err
	}
	var old *os.File
	defer func() {
		if old != nil {
			old.Close()
		}
	}()
	w := &countingWriter{w: bufio.NewWriterSize(f, 256<<10), n: at}
	flush := func() error { return w.w.(*bufio.Writer).Flush() }
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
	for i := first; i < len(parts); i++ {
		p := parts[i]
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
		rendered += w.n - start
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
	return w.n, extents, at, rendered, err
}

// appendable tells whether the file at path can be cut to n bytes and
// appended to: it is at least that long and has no other name.
func appendable(path string, n int64) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular() && st.Size() >= n && !shared(st)
}

// appendAt puts the bytes of tail into the file at path from offset at on,
// and cuts what followed. If that fails half-way the file is removed, so
// that the next build, finding it missing, renders it whole.
func appendAt(path, tail string, at int64) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
		}
	}()
	src, err := os.Open(tail)
	if err != nil {
		return err
	}
	defer src.Close()
	if _, err := f.Seek(at, io.SeekStart); err != nil {
		return err
	}
	n, err := io.Copy(f, src)
	if err != nil {
		return err
	}
	return f.Truncate(at + n)
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
