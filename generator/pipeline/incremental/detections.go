package incremental

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/site/detect"
)

// detections keeps the detections of a build: those of the previous build
// are looked up by the report's text, and those this build used are saved
// for the next. They are kept in shards by key, so that a build that
// detected one report rewrites one shard, and reads them on every core.
type detections struct {
	mu   sync.Mutex
	old  map[[32]byte]*detect.Detection
	used map[[32]byte]*detect.Detection
	// changed marks the shards whose entries differ from those on disk.
	changed [detectionShards]bool
}

// detectionShards is how many files the detections are kept in.
const detectionShards = 16

func shardOf(k [32]byte) int { return int(k[0]) % detectionShards }

func shardFile(i int) string { return fmt.Sprintf("detections-%02d.bin", i) }

// Get implements site.DetectionCache.
func (d *detections) Get(k [32]byte) *detect.Detection {
	d.mu.Lock()
	defer d.mu.Unlock()
	det := d.old[k]
	if det != nil {
		d.used[k] = det
	}
	return det
}

// Put implements site.DetectionCache.
func (d *detections) Put(k [32]byte, det *detect.Detection) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.used[k] = det
	d.changed[shardOf(k)] = true
}

// detectionsOnDisk is one shard of the cache as read.
type detectionsOnDisk struct {
	Format  int
	Context string
	Entries map[[32]byte]*detect.Detection
}

// loadDetections starts reading the cache in dir and returns a func that
// waits for it and gives the detections of context, so that the reading
// runs while the sources load. Anything amiss gives an empty cache, never
// an error: the cache only saves time. A shard that cannot be read is
// only missing, and rewritten at the end of the build.
func loadDetections(dir string, damaged func(name string), done chan struct{}) func(context string) *detections {
	shards := make([]detectionsOnDisk, detectionShards)
	go func() {
		defer close(done)
		if dir == "" {
			return
		}
		generator.Parallel(detectionShards, func(i int) {
			data, err := readFile(dir, shardFile(i), codecMagic)
			if err != nil {
				if damagedBy(err) {
					damaged(shardFile(i))
				}
				return
			}
			sh := &shards[i]
			if sh.Format, sh.Context, sh.Entries, err = decodeDetections(data); err != nil {
				shards[i] = detectionsOnDisk{}
				damaged(shardFile(i))
			}
		})
	}()
	return func(context string) *detections {
		<-done
		d := &detections{used: map[[32]byte]*detect.Detection{}}
		n := 0
		for _, sh := range shards {
			n += len(sh.Entries)
		}
		d.old = make(map[[32]byte]*detect.Detection, n)
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
	var shards [detectionShards]map[[32]byte]*detect.Detection
	for k, v := range d.used {
		i := shardOf(k)
		if d.changed[i] {
			if shards[i] == nil {
				shards[i] = map[[32]byte]*detect.Detection{}
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
func sortedKeys(entries map[[32]byte]*detect.Detection) [][32]byte {
	keys := make([][32]byte, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return bytes.Compare(keys[a][:], keys[b][:]) < 0 })
	return keys
}
