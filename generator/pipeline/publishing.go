package pipeline

import (
	"fmt"
	"time"

	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/pipeline/incremental"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/internal/faults"
)

// open opens the destination's versions once the archive's config says
// where the index goes: it locks them, picks the slot the build writes,
// and opens the store of report bodies in the versions folder, on the
// site's disk. An update starts bringing its slot up to date with the
// published site at once, while the Site is assembled.
func (b *build) open() error {
	b.indexDir = indexDir(b.opts, b.cfg)
	if b.indexDir != "" {
		if err := index.Replaceable(b.indexDir); err != nil {
			return err
		}
	}
	set, err := versions.Open(b.dest, b.indexDir, versions.Options{NoWait: b.opts.NoWait, Waiting: b.opts.Waiting})
	if err != nil {
		return err
	}
	b.commit.Lock() // interrupt reads it
	b.set = set
	b.commit.Unlock()
	faults.At("open: versions locked")
	if store, err := bodies.Open(versions.Folder(b.set.Dest()), b.opts.Root); err == nil {
		b.store = store
	} // else pages parse their Markdown again and the Site holds the texts
	if b.cache != nil {
		if b.global, err = incremental.GlobalKey(b.opts.Root, b.cfg.Theme, b.opts.Drafts, b.cfg.BaseURL+" "+b.cfg.Search.URL, b.archive); err != nil {
			return err
		}
	}
	for _, w := range b.cache.Damaged() {
		b.problems.Add(w)
	}
	// An update holds the Markdown of the few pages it renders; a full
	// build renders every page and reads again the sources it needs.
	update := !b.cache.Full(b.global, b.dest)
	b.holdMarkdown = update
	if update {
		b.mirrored = make(chan error, 1)
		whole := b.cache.MadeOfParts()
		go func() { b.mirrored <- b.set.Mirror(whole) }()
	}
	return nil
}

// publish publishes the site and the index the build wrote, together.
func (b *build) publish() error {
	b.commit.Lock()
	defer b.commit.Unlock()
	if b.aborted {
		return ErrInterrupted
	}
	if err := b.cache.Invalidate(); err != nil {
		return err
	}
	faults.At("publish: cache manifest removed")
	err := b.set.Commit(versions.Changes{
		Full: b.pl.Full(), Written: b.stats.Written, Removed: b.stale, Parts: b.stats.Shared,
	})
	b.committed = b.set.Committed()
	if err != nil {
		return fmt.Errorf("publishing %s: %w", b.opts.Dest, err)
	}
	faults.At("publish: done")
	if b.indexed != nil {
		b.indexed.Duration = b.indexTime
		b.stages = append(b.stages, Stage{"index", b.indexTime})
	}
	return nil
}

// interrupt stops the build unless it has published its version, and
// removes what it wrote; it tells whether the build is to finish instead.
// Files being written are finished first, for at most stopWait, so that
// none is made after the removal. The commit lock stays held, so that
// nothing is published afterwards.
func (b *build) interrupt() (finish bool) {
	b.commit.Lock()
	if b.committed {
		b.commit.Unlock()
		return true
	}
	b.aborted = true
	b.stopping.Store(true)
	select {
	case <-b.ran:
	case <-time.After(stopWait):
	}
	if b.set != nil {
		b.set.Discard()
	}
	b.cache.Discard()
	return false
}

// stopWait is how long a build stopped by Options.Interrupt waits for the
// files being written to be finished before it removes what it wrote.
const stopWait = time.Second
