// Package incremental is the cache that makes rebuilds incremental. It
// keeps, in a folder beside the sources, what each report's text yielded
// (detections, by the source's hash), which report files were read and
// their stamps (sources), and what the last site held (the manifest).
// From them a Plan says which files of the site a build renders and which
// it keeps. The cache only ever saves time: every file of it names its
// format and ends with a checksum, and anything amiss with it gives a full
// build, with a warning when a file is damaged, never a wrong site.
package incremental

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/site"
)

// cacheFormat changes whenever what the cache holds changes meaning; the
// program's own ID is part of every key as well, so a cache written by
// another version of Plenary is never trusted.
const cacheFormat = 8

// Cache is a build's view of the cache folder: the previous build's files,
// read in the background while the sources load, and what this build
// learns, saved at its end. A nil Cache is no cache: it knows nothing and
// saves nothing.
type Cache struct {
	dir      string
	sources  *knownSources
	detsOf   func(context string) *detections
	detsRead chan struct{} // closed once the detections are read
	dets     *detections
	context  string
	manifest func() *manifest
	previous bool // the previous build's manifest is there

	mu      sync.Mutex
	damaged []string // files that failed their checksum or decoding
}

// Open starts reading the cache in dir; "" is no cache. A clean build
// reads nothing from it, and rewrites it.
func Open(dir string, clean bool) *Cache {
	if dir == "" {
		return nil
	}
	from := dir
	if clean {
		from = ""
	}
	removeTemporary(dir)
	c := &Cache{dir: dir, detsRead: make(chan struct{}), manifest: func() *manifest { return nil }}
	c.sources = loadSources(from, c.damage)
	c.detsOf = loadDetections(from, c.damage, c.detsRead)
	if from != "" && hasManifest(from) {
		c.previous = true
		done := make(chan *manifest, 1)
		go func() { done <- loadManifest(from, c.damage) }()
		c.manifest = sync.OnceValue(func() *manifest { return <-done })
	}
	return c
}

// damage notes a file that failed its checksum or its decoding.
func (c *Cache) damage(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.damaged = append(c.damaged, name)
}

// Damaged waits for the cache to be read and returns a warning for each
// file of it that was damaged: the build then renders everything. Nil
// without a cache.
func (c *Cache) Damaged() generator.ErrorList {
	if c == nil {
		return nil
	}
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	sort.Strings(c.damaged)
	var out generator.ErrorList
	for _, name := range c.damaged {
		out.Add(&generator.Error{
			Path: filepath.ToSlash(filepath.Join(filepath.Base(c.dir), name)), Warning: true,
			Msg: "the cache file is damaged: rebuilding everything", Hint: "nothing to do: the build writes it again",
		})
	}
	return out
}

// wait waits for every file of the cache to be read.
func (c *Cache) wait() {
	<-c.sources.ready
	<-c.detsRead
	c.manifest()
}

// isDamaged tells whether a file of the cache was damaged.
func (c *Cache) isDamaged() bool {
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.damaged) > 0
}

// MadeOfParts tells, for a path of the site written last, whether its file
// is made of parts (see publish), which a version edits in place.
func (c *Cache) MadeOfParts() func(path string) bool {
	var m *manifest
	if c != nil {
		m = c.manifest()
	}
	return func(path string) bool {
		if m == nil {
			return false
		}
		_, ok := m.Parts[path]
		return ok
	}
}

// Discard removes the files a build stopped half-way was writing.
func (c *Cache) Discard() {
	if c != nil {
		removeTemporary(c.dir)
	}
}

// removeTemporary removes the files writeFile made and did not rename:
// those of a build stopped half-way. The caller holds the archive's lock.
func removeTemporary(dir string) {
	left, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*"))
	for _, l := range left {
		_ = os.Remove(l)
	}
}

// Previous tells whether the previous build's description of its site is
// there, which makes this build likely an update.
func (c *Cache) Previous() bool { return c != nil && c.previous }

// Known finds the report files the previous build read, by their stamps;
// nil without a cache. With a cache, loading stamps the files it reads,
// for the next build.
func (c *Cache) Known() content.Known {
	if c == nil {
		return nil
	}
	return c.sources
}

// Detections is the cache of detections made in the context of cfg, the
// archive's topics and the analysis of speakers of version speakers (see
// speakers.Analyser.Version): what a report's text yields depends on the
// program, the base path, the states' aliases, the topics' keywords, the
// rules' word lists and the registry of groups and stakeholders with the
// archive's speakers.toml.
func (c *Cache) Detections(cfg *config.Config, a *content.Archive, speakers string) site.DetectionCache {
	if c == nil {
		return nil
	}
	h := newHasher(ProgramID(), cfg.BasePath, speakers)
	h.add(content.ConfigFile, []byte(fmt.Sprint(cfg.States.Aliases)))
	for _, t := range a.Topics {
		h.add(t.Path, t.Hash[:])
	}
	c.context = h.sum()
	c.dets = c.detsOf(c.context)
	return c.dets
}

// SaveDetections saves what assembly detected now and lets go of it. A
// full build does so before it renders: detections are a pure function
// of the sources, so a build that fails later leaves them right, and
// held until the end they were a fifth of a large Site.
func (c *Cache) SaveDetections() {
	if c == nil || c.dets == nil {
		return
	}
	_ = c.dets.saveAndRelease(c.dir, c.context)
	c.dets = nil
}

// Invalidate removes the description of the site written last, before
// the site is changed in place: a build stopped half-way must not leave
// one saying where the parts of its files were.
func (c *Cache) Invalidate() error {
	if c == nil {
		return nil
	}
	if err := os.Remove(filepath.Join(c.dir, manifestFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Save writes what this build learnt: the detections not saved yet, the
// report files of a read by a load that began at start, and the site
// described by p. The site is published by then: a cache that cannot be
// written costs the next build time, not correctness, so it is not an
// error. The three are independent, and written side by side.
func (c *Cache) Save(p *Plan, a *content.Archive, start time.Time) {
	if c == nil {
		return
	}
	var saved sync.WaitGroup
	saved.Add(2)
	go func() {
		defer saved.Done()
		if c.dets != nil {
			_ = c.dets.save(c.dir, c.context)
		}
	}()
	go func() {
		defer saved.Done()
		_ = c.sources.save(c.dir, a, start)
	}()
	if p != nil {
		_ = writeFile(c.dir, manifestFile, encodeManifest(p.next))
	}
	saved.Wait()
}

// readFile reads a cache file whose first line is magic and checks its
// checksum: errDamaged when it does not match, errOtherFormat for another
// version's file, fs.ErrNotExist when there is none.
func readFile(dir, name, magic string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	return check(data, magic)
}

// damagedBy tells whether a file that could not be read is damaged, which
// the build warns of: not when it is missing or another version's.
func damagedBy(err error) bool {
	return err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errOtherFormat)
}

// writeFile writes data and its checksum atomically: a build stopped
// half-way leaves the old file.
func writeFile(dir, name string, data []byte) error {
	data = seal(data)
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
