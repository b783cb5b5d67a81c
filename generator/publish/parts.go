package publish

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/plenary-archive/plenary/generator/render"
)

// minTail is the shortest unchanged run of a file, at its beginning or
// its end, worth keeping in place: below it, writing the file whole costs
// no more.
const minTail = 64 << 10

// partsFile is what streamParts wrote.
type partsFile struct {
	size     int64    // the file's size once in place
	extents  []Extent // where each part lies in it
	rendered int64    // bytes rendered rather than copied
	// at is the offset the staged bytes go to in the published file, 0
	// when they are the whole file; keep, when not empty, are the
	// published file's last bytes, which stay and follow the staged ones.
	at   int64
	keep Extent
}

// streamParts writes a file made of parts into path: each part that reuse
// says is unchanged is copied from the previous file, prev, which the
// kernel does without the bytes passing through the program; the others
// are rendered.
//
// When edit is set and the file begins as the previous one did, the same
// parts at the same places over at least minTail bytes, path holds only
// what differs: Commit writes it into the previous file at that offset.
// If the file also ends as the previous one did, the same parts in the
// same order over at least minTail bytes, those stay where they are in
// the previous file and Commit moves them. An archive grows at its end,
// so adding the day's report to data/statements.csv writes its rows
// instead of hundreds of megabytes, and a report added in the past moves
// what follows it once, instead of copying it twice.
func streamParts(path, prev string, parts []render.Part, reuse func(int) (Extent, bool), edit bool) (out partsFile, err error) {
	out.extents = make([]Extent, len(parts))
	first, last := 0, len(parts)
	if edit {
		first, last, out.at, out.keep = unchanged(prev, parts, reuse, out.extents)
	}
	f, err := os.Create(path)
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
	if err == nil {
		err = copyPending()
	}
	if err == nil {
		err = flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	// The kept end moves by as much as the parts before it grew.
	shift := w.n - out.keep.Off
	for i := last; i < len(parts); i++ {
		out.extents[i].Off += shift
	}
	out.size = w.n + out.keep.Len
	return out, err
}

// unchanged finds how much of the previous file, prev, can stay in place:
// parts [0, first) at its beginning, up to offset at, and parts
// [last, len(parts)) at its end, which are the bytes keep. It notes in
// extents where those parts lie in prev; the others it may leave noted
// too, for the caller to overwrite.
func unchanged(prev string, parts []render.Part, reuse func(int) (Extent, bool), extents []Extent) (first, last int, at int64, keep Extent) {
	last = len(parts)
	for ; first < len(parts); first++ {
		e, ok := reuse(first)
		if !ok || e.Off != at {
			break
		}
		extents[first] = Extent{Name: parts[first].Name, Off: e.Off, Len: e.Len}
		at += e.Len
	}
	size, ok := editable(prev)
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

// editable tells whether the file at path can be changed in place, and
// its size: it is a regular file with no other name.
func editable(path string) (int64, bool) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || shared(st) {
		return 0, false
	}
	return st.Size(), true
}

// writeInto puts the bytes of the staged file into the file at path from
// offset at on, after moving keep, the file's last bytes, to follow them,
// and cuts what followed. If that fails half-way the file is removed, so
// that the next build, finding it missing, renders it whole.
func writeInto(path, staged string, at int64, keep Extent) (err error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
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
	src, err := os.Open(staged)
	if err != nil {
		return err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	end := at + st.Size()
	if keep.Len > 0 {
		if err := move(f, keep, end); err != nil {
			return err
		}
	}
	if _, err := f.Seek(at, io.SeekStart); err != nil {
		return err
	}
	n, err := io.Copy(f, src)
	if err != nil {
		return err
	}
	if n != st.Size() {
		return fmt.Errorf("%s: %d bytes copied of %d", staged, n, st.Size())
	}
	return f.Truncate(end + keep.Len)
}

// moveBuffer is how many bytes move reads at a time; a variable so that
// tests can make it smaller than what a test file moves.
var moveBuffer = 4 << 20

// move copies e's bytes of f to offset to within f, in an order that reads
// every byte before it is overwritten.
func move(f *os.File, e Extent, to int64) error {
	if to == e.Off {
		return nil
	}
	buf := make([]byte, min(e.Len, int64(moveBuffer)))
	for done := int64(0); done < e.Len; {
		n := min(int64(len(buf)), e.Len-done)
		// Moving towards the end, the bytes are taken from the end.
		off := e.Off + done
		if to > e.Off {
			off = e.Off + e.Len - done - n
		}
		if _, err := f.ReadAt(buf[:n], off); err != nil {
			return err
		}
		if _, err := f.WriteAt(buf[:n], off+to-e.Off); err != nil {
			return err
		}
		done += n
	}
	return nil
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
