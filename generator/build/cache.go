package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/site"
)

// cacheFormat changes whenever what the cache holds changes meaning; the
// binary's own hash is part of every key as well, so a cache written by
// another version of Plenary is never trusted.
const cacheFormat = 1

// Files of the cache folder.
const (
	detectionsFile = "detections.gob"
	manifestFile   = "site.gob"
)

var (
	binaryOnce sync.Once
	binaryHash string
)

// binaryID identifies the running program, so that a cache written by
// another build of it is discarded.
func binaryID() string {
	binaryOnce.Do(func() {
		h := sha256.New()
		if exe, err := os.Executable(); err == nil {
			if data, err := os.ReadFile(exe); err == nil {
				h.Write(data)
			}
		}
		binaryHash = hex.EncodeToString(h.Sum(nil))
	})
	return binaryHash
}

// detections keeps the detections of a build: those of the previous build
// are looked up by the report's text, and those this build used are saved
// for the next.
type detections struct {
	mu   sync.Mutex
	old  map[[32]byte]*site.Detection
	used map[[32]byte]*site.Detection
	// added says whether this build detected anything the cache lacked.
	added bool
}

func textKey(title string, body []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write(body)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Get implements site.DetectionCache.
func (d *detections) Get(title string, body []byte) *site.Detection {
	k := textKey(title, body)
	d.mu.Lock()
	defer d.mu.Unlock()
	det := d.old[k]
	if det != nil {
		d.used[k] = det
	}
	return det
}

// Put implements site.DetectionCache.
func (d *detections) Put(title string, body []byte, det *site.Detection) {
	k := textKey(title, body)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.used[k] = det
	d.added = true
}

type detectionsOnDisk struct {
	Format  int
	Context string
	Entries map[[32]byte]*site.Detection
}

// loadDetections reads the cache for context; anything amiss gives an
// empty cache, never an error: the cache only saves time.
func loadDetections(dir, context string) *detections {
	d := &detections{old: map[[32]byte]*site.Detection{}, used: map[[32]byte]*site.Detection{}}
	var disk detectionsOnDisk
	if readGob(filepath.Join(dir, detectionsFile), &disk) && disk.Format == cacheFormat && disk.Context == context {
		d.old = disk.Entries
	}
	return d
}

// save writes what this build used, unless it is what was there.
func (d *detections) save(dir, context string) error {
	if !d.added && len(d.used) == len(d.old) {
		return nil
	}
	return writeGob(dir, detectionsFile, detectionsOnDisk{Format: cacheFormat, Context: context, Entries: d.used})
}

// manifest describes the site a build wrote, so that the next build can
// tell which pages a change touches.
type manifest struct {
	Format  int
	Global  string // everything that, changed, changes every page
	Dest    string // the folder it was written to
	Reports map[string]reportEntry
	Files   map[string]int64  // path → size, to notice a site changed by hand
	Keys    map[string]string // path → render.Output.Key, for outputs that have one
}

// reportEntry is what other pages show of a report.
type reportEntry struct {
	Hash       [32]byte
	Session    string
	Prev, Next string
	States     []string
	Topics     []string
}

func loadManifest(dir string) *manifest {
	var m manifest
	if !readGob(filepath.Join(dir, manifestFile), &m) || m.Format != cacheFormat {
		return nil
	}
	return &m
}

func readGob(path string, v any) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	return gob.NewDecoder(bytes.NewReader(data)).Decode(v) == nil
}

// writeGob writes atomically: a build stopped half-way leaves the old file.
func writeGob(dir, name string, v any) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// hasher accumulates a key from named parts.
type hasher struct{ h [32]byte }

func newHasher(parts ...string) *hasher {
	x := &hasher{}
	for _, p := range parts {
		x.add(p, []byte(p))
	}
	return x
}

func (x *hasher) add(name string, data []byte) {
	h := sha256.New()
	h.Write(x.h[:])
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(data)
	h.Sum(x.h[:0])
}

func (x *hasher) sum() string { return hex.EncodeToString(x.h[:]) }

// hashTree adds every file below dir of fsys, in path order.
func (x *hasher) hashTree(fsys fs.FS, dir string) error {
	var paths []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		x.add(p, data)
	}
	return nil
}

// sourceHashes adds the hashes of sessions and topics: a change to either
// shows on many pages.
func (x *hasher) sources(a *content.Archive) {
	for _, s := range a.Sessions {
		x.add(s.Path, s.Hash[:])
	}
	for _, t := range a.Topics {
		x.add(t.Path, t.Hash[:])
	}
}
