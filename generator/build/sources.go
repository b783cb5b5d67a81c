package build

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"sync"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
)

// sourcesFile lists the report files a build read, each with its stamp,
// hash and front matter, so that the next build reads only those whose
// stamp changed (content.Known). Reading ten thousand unchanged files was
// a fifth of adding one report to such an archive.
const sourcesFile = "sources.gob"

// sourcesOnDisk is the file's content; Program ties it to the program
// that split the files.
type sourcesOnDisk struct {
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
func loadSources(dir string) *knownSources {
	k := &knownSources{ready: make(chan struct{})}
	go func() {
		defer close(k.ready)
		if dir == "" {
			return
		}
		var d sourcesOnDisk
		if !readGob(filepath.Join(dir, sourcesFile), &d) || d.Program != binaryID() {
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
	d := sourcesOnDisk{Program: binaryID()}
	for _, r := range a.Reports {
		if r.Trusted(start) {
			d.Entries = append(d.Entries, sourceEntry{Path: r.Path, Stamp: r.Stamp, Hash: r.Hash, Front: r.File.Front, FrontLine: r.FrontLine, BodyLine: r.BodyLine})
		}
	}
	if k.hits == len(d.Entries) && len(k.entries) == len(d.Entries) {
		return nil
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&d); err != nil {
		return err
	}
	return writeFile(dir, sourcesFile, b.Bytes())
}
