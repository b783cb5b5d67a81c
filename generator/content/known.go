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

// ReadBody returns the Markdown body. A File found by Known was not read:
// its body is read now, and must be the one the stamp stood for.
func (f *File) ReadBody() ([]byte, error) {
	if f.fsys == nil {
		return f.Body, nil
	}
	data, err := fs.ReadFile(f.fsys, f.Path)
	if err != nil {
		return nil, generator.Errorf(f.Path, 0, "check the file's permissions", "cannot read: %v", err)
	}
	if sha256.Sum256(data) != f.Hash {
		return nil, generator.Errorf(f.Path, 0, "build again", "the file changed while the site was built")
	}
	g, err := Split(f.Path, data)
	if err != nil {
		return nil, err
	}
	return g.Body, nil
}

// Release lets go of the body of a file read whole, so that ReadBody
// reads it again when a page needs it: a full build of a large archive
// would otherwise hold every source while it renders, 230 MB at 30,000
// reports. The front matter is copied, since it shares the file's bytes.
// It returns how many bytes it let go of.
func (f *File) Release() int {
	if f.from == nil || f.fsys != nil || f.Body == nil {
		return 0
	}
	n := len(f.Front) + len(f.Body)
	f.Front = bytes.Clone(f.Front)
	f.Body = nil
	f.fsys, f.from = f.from, nil
	f.freed = n
	return n
}

// Freed is how many bytes Release let go of, whenever it did.
func (f *File) Freed() int { return f.freed }

// Unread tells whether the body was left unread (see Known).
func (f *File) Unread() bool { return f.fsys != nil }

// known is a File found by Known: its front matter is there, its body is
// read on demand from fsys.
func known(fsys fs.FS, f *File) *File {
	g := *f
	g.Body = nil
	g.fsys = fsys
	return &g
}
