package generator

import (
	"io"
	"unsafe"
)

// Paragraph is one anchored block (a paragraph or a list item) of a report.
// Its number is stable for a given source, so "#p-N" links keep working.
type Paragraph struct {
	N       int
	ID      string // "p-N"
	Heading string // the nearest heading above it, if any
	States  []*State
	Topics  []*Topic

	// The plain text, for excerpts, data files and the search index, is
	// held here or kept in a TextStore: at 100,000 reports the texts are
	// most of a gigabyte, nearly half of the Site.
	text  string
	store TextStore
	off   int64
	size  int
}

// TextStore keeps paragraph texts out of memory while a site is built.
// Implementations must be safe for concurrent use.
type TextStore interface {
	// ReadAt reads len(b) bytes at off, as io.ReaderAt does.
	ReadAt(b []byte, off int64) (int, error)
	// Failed records a read that failed. Texts are read by thousands of
	// pages from a file the build wrote itself; rather than each of them
	// returning an error, a failed read gives an empty text and the
	// build checks the store before it publishes anything.
	Failed(err error)
}

// NewParagraph is a paragraph whose text is held in memory.
func NewParagraph(n int, id, heading, text string) Paragraph {
	return Paragraph{N: n, ID: id, Heading: heading, text: text}
}

// KeepText says the paragraph's text is kept in store, size bytes at off,
// instead of in memory.
func (p *Paragraph) KeepText(store TextStore, off int64, size int) {
	p.text, p.store, p.off, p.size = "", store, off, size
}

// Kept says the text is kept in a TextStore rather than held in memory.
func (p *Paragraph) Kept() bool { return p.store != nil }

// Len is the length of the paragraph's text in bytes, known without
// reading it.
func (p *Paragraph) Len() int {
	if p.store != nil {
		return p.size
	}
	return len(p.text)
}

// Text is the paragraph's plain text.
func (p *Paragraph) Text() string {
	if p.store == nil || p.size == 0 {
		return p.text
	}
	return read(p.store, p.off, p.size)
}

// read reads size bytes at off from store as a string.
func read(store TextStore, off int64, size int) string {
	b := make([]byte, size)
	if n, err := store.ReadAt(b, off); n < size {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		store.Failed(err)
		return ""
	}
	// b is never written again: the string may share it, which saves
	// copying every excerpt a state's pages show.
	return unsafe.String(unsafe.SliceData(b), size)
}

// Texts is the texts of the report's paragraphs, in their order. Texts
// kept side by side in one store are read at once: the search index and
// the data files read every paragraph of a report.
func (r *Report) Texts() []string {
	ps := r.Paragraphs
	out := make([]string, len(ps))
	if len(ps) == 0 {
		return out
	}
	first := ps[0]
	end := first.off
	together := first.store != nil
	for _, p := range ps {
		if p.store != first.store || p.off != end {
			together = false
			break
		}
		end += int64(p.size)
	}
	if !together {
		for i, p := range ps {
			out[i] = p.Text()
		}
		return out
	}
	all := read(first.store, first.off, int(end-first.off))
	if all == "" && end > first.off {
		return out
	}
	at := 0
	for i, p := range ps {
		out[i] = all[at : at+p.size]
		at += p.size
	}
	return out
}
