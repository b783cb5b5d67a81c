// Package bodies is where a build keeps report bodies and paragraph texts
// while it runs: the HTML of each report body, rendered where assembly
// parses it, and in a large archive the paragraphs' plain texts, in one
// unnamed temporary file, out of the heap. Pages, the data files and the
// search index read them through a Store, whose reads return errors; the
// Site itself only says where each piece lies (generator.Span).
package bodies

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
	"unsafe"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
)

// Store reads what the Site does not hold: the pieces a build put in its
// file, and report bodies read again from the archive's sources. It is
// safe for concurrent use. A nil Store keeps nothing: it reads only what
// the Site holds.
type Store struct {
	f       file // nil: nothing is kept
	name    string
	end     atomic.Int64
	sources fs.FS // the archive, whose report bodies can be read again
	unnamed bool  // the file was removed when made
}

// file is what a Store needs of its file.
type file interface {
	io.ReaderAt
	io.WriterAt
	io.Closer
}

// Open makes a Store whose file is in dir, which should be on the disk the
// site is written to (the system's temporary folder may be memory), and
// which reads report bodies again from sources. The caller closes it.
func Open(dir string, sources fs.FS) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".plenary-bodies-")
	if err != nil {
		return nil, err
	}
	// Unnamed from the start, so that no build, stopped or not, leaves
	// it behind; where a file cannot be removed while open, Close
	// removes it.
	unnamed := os.Remove(f.Name()) == nil
	return &Store{f: f, name: f.Name(), sources: sources, unnamed: unnamed}, nil
}

// Sources is a Store that keeps nothing and reads report bodies again
// from sources: a build whose file could not be made.
func Sources(sources fs.FS) *Store { return &Store{sources: sources} }

// Keeps tells whether the Store has a file to keep pieces in.
func (s *Store) Keeps() bool { return s != nil && s.f != nil }

// Close lets go of the file; what it kept can no longer be read.
func (s *Store) Close() error {
	if !s.Keeps() {
		return nil
	}
	err := s.f.Close()
	if !s.unnamed {
		if rerr := os.Remove(s.name); err == nil {
			err = rerr
		}
	}
	return err
}

// Put keeps b, which the caller may reuse once it returns, at an offset of
// its own, so that the goroutines that assemble write side by side.
func (s *Store) Put(b []byte) (int64, error) {
	n := int64(len(b))
	off := s.end.Add(n) - n
	if _, err := s.f.WriteAt(b, off); err != nil {
		return 0, err
	}
	return off, nil
}

// read reads the piece at.
func (s *Store) read(at generator.Span) ([]byte, error) {
	if !s.Keeps() {
		return nil, errNotKept
	}
	b := make([]byte, at.Len)
	if n, err := s.f.ReadAt(b, at.Off); n < at.Len {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("reading what the build kept: %w", err)
	}
	return b, nil
}

// readString reads the piece at as a string.
func (s *Store) readString(at generator.Span) (string, error) {
	if at.Len == 0 {
		return "", nil
	}
	b, err := s.read(at)
	if err != nil {
		return "", err
	}
	// b is never written again: the string may share it, which saves
	// copying every excerpt a state's pages show.
	return unsafe.String(unsafe.SliceData(b), at.Len), nil
}

var errNotKept = fmt.Errorf("reading what the build kept: the build keeps nothing")

// Text is a paragraph's plain text.
func (s *Store) Text(p *generator.Paragraph) (string, error) {
	if text, ok := p.Held(); ok {
		return text, nil
	}
	at, _ := p.Kept()
	return s.readString(at)
}

// Texts are the texts of a report's paragraphs, in their order. Texts
// kept side by side are read at once: the search index and the data files
// read every paragraph of a report.
func (s *Store) Texts(r *generator.Report) ([]string, error) {
	ps := r.Paragraphs
	out := make([]string, len(ps))
	if len(ps) == 0 {
		return out, nil
	}
	first, together := ps[0].Kept()
	end := first.Off
	for _, p := range ps {
		at, kept := p.Kept()
		if !kept || at.Off != end {
			together = false
			break
		}
		end += int64(at.Len)
	}
	if !together {
		for i, p := range ps {
			var err error
			if out[i], err = s.Text(p); err != nil {
				return nil, fmt.Errorf("%s: %w", r.SourcePath, err)
			}
		}
		return out, nil
	}
	all, err := s.readString(generator.Span{Off: first.Off, Len: int(end - first.Off)})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.SourcePath, err)
	}
	at := 0
	for i, p := range ps {
		n := p.Len()
		out[i] = all[at : at+n]
		at += n
	}
	return out, nil
}

// HTML is the report's body as HTML, when the build kept it (see
// generator.Report.HTML); nil otherwise.
func (s *Store) HTML(r *generator.Report) ([]byte, error) {
	if r.HTML.Len == 0 {
		return nil, nil
	}
	html, err := s.read(r.HTML)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.SourcePath, err)
	}
	return html, nil
}

// Markdown is the report's Markdown body: the Site's, or its source's,
// read again.
func (s *Store) Markdown(r *generator.Report) ([]byte, error) {
	if r.Body != nil {
		return r.Body, nil
	}
	if s == nil || s.sources == nil {
		return nil, fmt.Errorf("%s: the body is not held and there is no source to read it from", r.SourcePath)
	}
	return content.ReadBody(s.sources, r.SourcePath, r.SourceHash)
}
