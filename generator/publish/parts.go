package publish

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/generator/render"
)

// minTail is the shortest unchanged run of a file, at its beginning or
// its end, worth keeping in place: below it, writing the file whole costs
// no more.
const minTail = 64 << 10

// partsFile is what streamParts wrote.
type partsFile struct {
	size     int64    // the file's size
	extents  []Extent // where each part lies in it
	rendered int64    // bytes rendered rather than copied
	// at is how many bytes at the file's beginning were left as they
	// were, 0 when it was written whole; keep, when not empty, are the
	// published file's last bytes, copied after the changed ones.
	at   int64
	keep Extent
}

// streamParts writes a file made of parts into path: each part that
// reuse says is unchanged is copied from the published file, prev, which
// the kernel does without the bytes passing through the program; the
// others are rendered.
//
// When edit is set, path is the version's own copy of prev (a mirror, no
// other name, the same size) and the file begins as prev did, the same
// parts at the same places over at least minTail bytes, those bytes stay
// as they are and only what follows is written. If the file also ends as
// prev did, the same parts in the same order over at least minTail bytes,
// those are copied from prev after the changed ones. An archive grows at
// its end, so adding the day's report to data/statements.csv writes its
// rows instead of hundreds of megabytes.
func streamParts(path, prev string, parts []render.Part, reuse func(int) (Extent, bool), edit, fresh bool) (out partsFile, err error) {
	out.extents = make([]Extent, len(parts))
	first, last := 0, len(parts)
	if edit && prev != "" {
		first, last, out.at, out.keep = unchanged(path, prev, parts, reuse, out.extents)
	}
	var f *os.File
	if out.at > 0 {
		if f, err = os.OpenFile(path, os.O_WRONLY, 0); err == nil {
			if _, err = f.Seek(out.at, io.SeekStart); err != nil {
				f.Close()
			}
		}
	} else {
		f, err = create(path, fresh)
	}
	if err != nil {
		return out, err
	}
	var old *os.File
	defer func() {
		if old != nil {
			old.Close()
		}
	}()
	w := &countingWriter{w: bufio.NewWriterSize(f, 256<<10), n: out.at}
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
	for i := first; i < last; i++ {
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
			out.extents[i] = Extent{Name: p.Name, Off: start, Len: e.Len}
			continue
		}
		if err = copyPending(); err != nil {
			break
		}
		start = w.n
		if err = p.Render(w); err != nil {
			break
		}
		out.extents[i] = Extent{Name: p.Name, Off: start, Len: w.n - start}
		out.rendered += w.n - start
	}
	// The unchanged end follows, copied from prev.
	shift := w.n + pending.Len - out.keep.Off
	if err == nil {
		err = copyPending()
	}
	if err == nil && out.keep.Len > 0 {
		pending = out.keep
		err = copyPending()
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = f.Truncate(w.n)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	for i := last; i < len(parts); i++ {
		out.extents[i].Off += shift
	}
	out.size = w.n
	return out, err
}

// unchanged finds how much of the published file, prev, the version's own
// copy at path keeps: parts [0, first) at its beginning, up to offset at,
// which stay in place, and parts [last, len(parts)) at its end, the bytes
// keep of prev, copied after the changed ones. It notes in extents where
// those parts lie in prev; the others it may leave noted too, for the
// caller to overwrite.
func unchanged(path, prev string, parts []render.Part, reuse func(int) (Extent, bool), extents []Extent) (first, last int, at int64, keep Extent) {
	last = len(parts)
	for ; first < len(parts); first++ {
		e, ok := reuse(first)
		if !ok || e.Off != at {
			break
		}
		extents[first] = Extent{Name: parts[first].Name, Off: e.Off, Len: e.Len}
		at += e.Len
	}
	size, ok := editable(path, prev)
	if at < minTail || !ok || at > size {
		return 0, len(parts), 0, Extent{}
	}
	end := size
	for last > first {
		e, ok := reuse(last - 1)
		if !ok || e.Off+e.Len != end || e.Off < at {
			break
		}
		extents[last-1] = Extent{Name: parts[last-1].Name, Off: e.Off, Len: e.Len}
		end = e.Off
		last--
	}
	if size-end < minTail {
		return first, len(parts), at, Extent{}
	}
	return first, last, at, Extent{Off: end, Len: size - end}
}

// editable tells whether the file at path can be edited in place to
// become what prev will be: it is a regular file with no other name, as
// long as prev, whose size it returns.
func editable(path, prev string) (int64, bool) {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() || versions.Shared(st) {
		return 0, false
	}
	pst, err := os.Stat(prev)
	if err != nil || pst.Size() != st.Size() {
		return 0, false
	}
	return pst.Size(), true
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
