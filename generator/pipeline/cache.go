package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/site"
)

// cacheFormat changes whenever what the cache holds changes meaning; the
// binary's own hash is part of every key as well, so a cache written by
// another version of Plenary is never trusted.
const cacheFormat = 6

// manifestFile is the cache's description of the site written last; the
// detections are in the files named by shardFile.
const manifestFile = "site.bin"

var (
	binaryOnce sync.Once
	binaryHash string
)

// binaryID identifies the running program, so that a cache written by
// another build of it is discarded.
func binaryID() string {
	binaryOnce.Do(func() {
		exe, err := os.Executable()
		if err == nil {
			if id := goBuildID(exe); id != "" {
				binaryHash = "go " + id
				return
			}
		}
		h := sha256.New()
		if err == nil {
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
// for the next. They are kept in shards by key, so that a build that
// detected one report rewrites one shard, and reads them on every core.
type detections struct {
	mu   sync.Mutex
	old  map[[32]byte]*site.Detection
	used map[[32]byte]*site.Detection
	// changed marks the shards whose entries differ from those on disk.
	changed [detectionShards]bool
}

// detectionShards is how many files the detections are kept in.
const detectionShards = 16

func shardOf(k [32]byte) int { return int(k[0]) % detectionShards }

func shardFile(i int) string { return fmt.Sprintf("detections-%02d.bin", i) }

// Get implements site.DetectionCache.
func (d *detections) Get(k [32]byte) *site.Detection {
	d.mu.Lock()
	defer d.mu.Unlock()
	det := d.old[k]
	if det != nil {
		d.used[k] = det
	}
	return det
}

// Put implements site.DetectionCache.
func (d *detections) Put(k [32]byte, det *site.Detection) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.used[k] = det
	d.changed[shardOf(k)] = true
}

// detectionsOnDisk is one shard of the cache as read.
type detectionsOnDisk struct {
	Format  int
	Context string
	Entries map[[32]byte]*site.Detection
}

// loadDetections starts reading the cache in dir and returns a func that
// waits for it and gives the detections of context, so that the reading
// runs while the sources load. Anything amiss gives an empty cache, never
// an error: the cache only saves time. A shard that cannot be read is
// only missing, and rewritten at the end of the build.
func loadDetections(dir string) func(context string) *detections {
	shards := make([]detectionsOnDisk, detectionShards)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if dir == "" {
			return
		}
		generator.Parallel(detectionShards, func(i int) {
			data, err := os.ReadFile(filepath.Join(dir, shardFile(i)))
			if err != nil {
				return
			}
			sh := &shards[i]
			if sh.Format, sh.Context, sh.Entries, err = decodeDetections(data); err != nil {
				shards[i] = detectionsOnDisk{}
			}
		})
	}()
	return func(context string) *detections {
		<-done
		d := &detections{used: map[[32]byte]*site.Detection{}}
		n := 0
		for _, sh := range shards {
			n += len(sh.Entries)
		}
		d.old = make(map[[32]byte]*site.Detection, n)
		for i, sh := range shards {
			if sh.Format != cacheFormat || sh.Context != context || sh.Entries == nil {
				d.changed[i] = true
				continue
			}
			for k, v := range sh.Entries {
				d.old[k] = v
			}
		}
		return d
	}
}

// save writes the shards whose entries changed: those that gained an
// entry, lost one (a report deleted or edited), or were not on disk. It
// writes them one after another through one buffer: encoded all at once,
// a full build's detections made garbage as large as the archive's text.
func (d *detections) save(dir, context string) error {
	for k := range d.old {
		if d.used[k] == nil {
			d.changed[shardOf(k)] = true
		}
	}
	var shards [detectionShards]map[[32]byte]*site.Detection
	for k, v := range d.used {
		i := shardOf(k)
		if d.changed[i] {
			if shards[i] == nil {
				shards[i] = map[[32]byte]*site.Detection{}
			}
			shards[i][k] = v
		}
	}
	var buf []byte
	var errs []error
	for i, entries := range shards {
		if d.changed[i] {
			buf = appendDetections(buf[:0], cacheFormat, context, entries, sortedKeys(entries))
			errs = append(errs, writeFile(dir, shardFile(i), buf))
		}
	}
	return errors.Join(errs...)
}

// saveAndRelease saves the detections and lets go of them. A full build
// saves them before it renders: held until the end, they were a fifth of
// a 10,000-report Site, and the memory budget gives every byte of the
// Site twice over.
func (d *detections) saveAndRelease(dir, context string) error {
	err := d.save(dir, context)
	d.old, d.used = nil, nil
	return err
}

// sortedKeys are a shard's keys in order, which makes its file the same
// for the same entries.
func sortedKeys(entries map[[32]byte]*site.Detection) [][32]byte {
	keys := make([][32]byte, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return bytes.Compare(keys[a][:], keys[b][:]) < 0 })
	return keys
}

// manifest describes the site a build wrote, so that the next build can
// tell which pages a change touches.
type manifest struct {
	Format  int
	Global  string // everything that, changed, changes every page
	Dest    string // the folder it was written to
	Reports map[string]reportEntry
	Files   map[string]int64            // path → size, to notice a site changed by hand
	Keys    map[string]string           // path → render.Output.Key, for outputs that have one
	Parts   map[string][]publish.Extent // path → where each part lies, for outputs made of parts
}

// reportEntry is what other pages show of a report.
type reportEntry struct {
	Hash       [32]byte
	Session    string
	Prev, Next string
	States     []string
	Topics     []string
}

// hasManifest tells whether dir holds a previous build's manifest.
func hasManifest(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, manifestFile))
	return err == nil
}

func loadManifest(dir string) *manifest {
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil
	}
	m, err := decodeManifest(data)
	if err != nil || m.Format != cacheFormat {
		return nil
	}
	return m
}

// writeFile writes atomically: a build stopped half-way leaves the old file.
func writeFile(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
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

// sourceHashes adds the hashes of processes, sessions and topics: a change
// to any shows on many pages.
func (x *hasher) sources(a *content.Archive) {
	for _, p := range a.Processes {
		x.add(p.Path, p.Hash[:])
	}
	for _, s := range a.Sessions {
		x.add(s.Path, s.Hash[:])
	}
	for _, t := range a.Topics {
		x.add(t.Path, t.Hash[:])
	}
}
