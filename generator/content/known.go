package content

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"time"

	"github.com/plenary-archive/plenary/generator"
)

// Stamp is what a file's stat data says of its version. The change time
// cannot be set by hand and moves with every write, so a file whose stamp
// is the same as when it was read is taken to be the same file.
type Stamp struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
}

// Known finds report files a previous load read, by path and stamp, so
// that a build of a large archive does not read again the thousands of
// files that did not change. It returns nil for a file it does not know in
// that version.
type Known interface {
	Known(path string, st Stamp) *File
}

// RacyWindow is how recent a file's change may be for its stamp to be
// trusted: the file system's clock ticks coarsely, so a file written twice
// within one tick, with the same size, would keep its stamp. A cache
// records only files changed longer ago than this before the load began.
const RacyWindow = 2 * time.Second

// Trusted tells whether a File read by a load that began at start may be
// known by its stamp next time.
func (f *File) Trusted(start time.Time) bool {
	return f.HasStamp && f.Stamp.Ctime < start.Add(-RacyWindow).UnixNano() && f.Stamp.Mtime < start.Add(-RacyWindow).UnixNano()
}

// ReadBody reads the Markdown body of the file at path of fsys again, and
// refuses a file that is no longer the one whose hash was taken: a build
// reads again the bodies it did not read or let go of.
func ReadBody(fsys fs.FS, path string, hash [32]byte) ([]byte, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, generator.Errorf(path, 0, "check the file's permissions", "cannot read: %v", err)
	}
	if sha256.Sum256(data) != hash {
		return nil, generator.Errorf(path, 0, "build again", "the file changed while the site was built")
	}
	f, err := Split(path, data)
	if err != nil {
		return nil, err
	}
	return f.Body, nil
}

// TakeBody hands the Markdown body over to the caller and lets go of it
// here, so that it is held once: assembly takes each report's body, and
// lets go of it as soon as it is analysed. The front matter is copied,
// since it shares the file's bytes. An unread file gives nil.
func (f *File) TakeBody() []byte {
	b := f.Body
	if b != nil {
		f.Front = bytes.Clone(f.Front)
		f.Body = nil
	}
	return b
}

// known is a File found by Known: its front matter is there, its body is
// not read.
func known(f *File) *File {
	g := *f
	g.Body = nil
	g.Unread = true
	return &g
}
