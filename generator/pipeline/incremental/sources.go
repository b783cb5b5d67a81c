package incremental

import (
	"sync"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
)

// sourcesFile lists the report files a build read, each with its stamp,
// hash and front matter, so that the next build reads only those whose
// stamp changed (content.Known). Reading ten thousand unchanged files was
// a fifth of adding one report to such an archive.
const sourcesFile = "sources.bin"

// sourcesOnDisk is the file's content; Program ties it to the program
// that split the files.
type sourcesOnDisk struct {
	Format  int
	Program string
	Entries []sourceEntry
}

type sourceEntry struct {
	Path                string
	Stamp               content.Stamp
	Hash                [32]byte
	Front               []byte
	FrontLine, BodyLine int
}

// knownSources is a content.Known read from the cache in the background:
// the first lookup waits for it.
type knownSources struct {
	ready   chan struct{}
	entries map[string]*sourceEntry
	mu      sync.Mutex
	hits    int
}

// loadSources starts reading the sources file of dir; "" knows nothing,
// but still makes the load stamp the files it reads, for the next build.
func loadSources(dir string, damaged func(name string)) *knownSources {
	k := &knownSources{ready: make(chan struct{})}
	go func() {
		defer close(k.ready)
		if dir == "" {
			return
		}
		data, err := readFile(dir, sourcesFile, sourcesMagic)
		if err != nil {
			if damagedBy(err) {
				damaged(sourcesFile)
			}
			return
		}
		d, err := decodeSources(data)
		if err != nil {
			damaged(sourcesFile)
			return
		}
		if d.Format != cacheFormat || d.Program != ProgramID() {
			return
		}
		k.entries = make(map[string]*sourceEntry, len(d.Entries))
		for i := range d.Entries {
			k.entries[d.Entries[i].Path] = &d.Entries[i]
		}
	}()
	return k
}

// Known implements content.Known.
func (k *knownSources) Known(path string, st content.Stamp) *content.File {
	<-k.ready
	e := k.entries[path]
	if e == nil || e.Stamp != st {
		return nil
	}
	k.mu.Lock()
	k.hits++
	k.mu.Unlock()
	return &content.File{Path: path, Front: e.Front, FrontLine: e.FrontLine, BodyLine: e.BodyLine, Hash: e.Hash}
}

// save writes the sources file for the reports of a, a load that began at
// start, unless it would list what it already lists.
func (k *knownSources) save(dir string, a *content.Archive, start time.Time) error {
	<-k.ready
	d := sourcesOnDisk{Format: cacheFormat, Program: ProgramID()}
	for _, r := range a.Reports {
		if r.Trusted(start) {
			d.Entries = append(d.Entries, sourceEntry{Path: r.Path, Stamp: r.Stamp, Hash: r.Hash, Front: r.File.Front, FrontLine: r.FrontLine, BodyLine: r.BodyLine})
		}
	}
	if k.hits == len(d.Entries) && len(k.entries) == len(d.Entries) {
		return nil
	}
	return writeFile(dir, sourcesFile, encodeSources(&d))
}

// encodeSources writes the sources file with the detections' codec: with
// gob, decoding it was most of the time an update waits before it can
// tell which files changed.
func encodeSources(d *sourcesOnDisk) []byte {
	e := &encoder{b: make([]byte, 0, 1<<20)}
	e.b = append(e.b, sourcesMagic...)
	e.uint(d.Format)
	e.string(d.Program)
	e.uint(len(d.Entries))
	for i := range d.Entries {
		s := &d.Entries[i]
		e.string(s.Path)
		e.int64(s.Stamp.Size)
		e.int64(s.Stamp.Mtime)
		e.int64(s.Stamp.Ctime)
		e.uint64(s.Stamp.Ino)
		e.uint64(s.Stamp.Dev)
		e.b = append(e.b, s.Hash[:]...)
		e.bytes(s.Front)
		e.uint(s.FrontLine)
		e.uint(s.BodyLine)
	}
	return e.b
}

// decodeSources decodes what encodeSources wrote. Paths and front
// matters point into data, which must not be modified.
func decodeSources(data []byte) (*sourcesOnDisk, error) {
	d := open(data, sourcesMagic)
	out := &sourcesOnDisk{Format: d.uint(), Program: d.string()}
	// An entry takes at least 32 bytes, its hash.
	out.Entries = make([]sourceEntry, d.count(32))
	for i := range out.Entries {
		s := &out.Entries[i]
		s.Path = d.string()
		s.Stamp.Size, s.Stamp.Mtime, s.Stamp.Ctime = d.int64(), d.int64(), d.int64()
		s.Stamp.Ino, s.Stamp.Dev = d.uint64(), d.uint64()
		copy(s.Hash[:], d.bytes(32))
		if f := d.bytes(d.uint()); len(f) > 0 {
			s.Front = f
		}
		s.FrontLine, s.BodyLine = d.uint(), d.uint()
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return out, nil
}
