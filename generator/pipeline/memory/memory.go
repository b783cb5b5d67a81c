// Package memory is a build's one memory policy: how it sets the Go
// runtime's garbage collector at the pipeline's stage boundaries. The
// runtime's settings belong to the whole process, so the command that owns
// the process chooses the policy (Budgets); a build run as a library, by
// tests or another program, leaves them alone (Leave).
//
// Collecting garbage was a third of a large build's CPU: a fixed GC
// target makes the collector run the more often the larger the live Site
// is. A memory limit instead lets garbage accumulate up to a budget in
// proportion to what the build holds, and collects only then. See
// docs/architecture.md for the budgets and why they are what they are.
package memory

import (
	"os"
	"runtime"
	"runtime/debug"
)

// Policy says whether a build sets the collector. The zero Policy leaves
// the runtime as it is.
type Policy struct{ budgets bool }

// Leave is the policy of a build that does not own its process.
var Leave Policy

// Budgets is the policy of a command that owns its process: memory limits
// in proportion to what each stage holds. A GOGC or GOMEMLIMIT set by the
// user wins: Budgets is then Leave.
func Budgets() Policy {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return Leave
	}
	return Policy{budgets: true}
}

// Headroom is the budgets' fixed part, for buffers and the runtime.
const Headroom = 256 << 20

// MergeBeside is the size of index segments below which they are merged
// while pages are still written, within the budget's fixed part; larger
// ones wait for the pages (see Budget.Merging).
const MergeBeside = Headroom

// Update lets an update collect no garbage below a cap, until undo is
// called. An update allocates about as much as its Site while it loads,
// most of it kept, then renders a few pages: at the default target the
// collector ran over a growing heap again and again on the core rendering
// needs. The cap keeps a very large archive's update within memory.
func (p Policy) Update() (undo func()) {
	if !p.budgets {
		return func() {}
	}
	return set(-1, updateCap)
}

const updateCap = 4 << 30

// Assembly gives loading and assembling a full build a limit of four
// times the bytes of sources read, until undo is called. Assembly makes
// the Site, so the live heap grows all along, and at the default target
// the heap grew to twice it; the Site and what assembly holds are about
// three times the sources, so the collector runs more often only towards
// the end.
func (p Policy) Assembly(sources int64) (undo func()) {
	if !p.budgets {
		return func() {}
	}
	return set(-1, 4*sources+Headroom)
}

// Budget is the limit of a full build's rendering and indexing; nil when
// the policy leaves the runtime alone.
type Budget struct{ undo func() }

// Render gives the rest of a full build a limit of twice the Site it
// holds, for rendering's garbage and the index's segments, plus the fixed
// part, plus released: what the build moved out of the heap before (the
// sources it read, the texts it keeps in a file), which still counts
// towards the room for garbage since the collector's work is marking the
// Site's pointers, which neither had. It collects once to measure the Site.
func (p Policy) Render(released int64) *Budget {
	if !p.budgets {
		return nil
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return &Budget{undo: set(-1, int64(2*ms.HeapAlloc)+released+Headroom)}
}

// Merging lowers the limit by the size of the index's segments, once the
// pages are written and before the segments are merged: the merge maps
// them into memory beside the heap, where they had made a large build's
// peak. What rendering's garbage took is given back to the system now.
func (b *Budget) Merging(size int64) {
	if b == nil {
		return
	}
	if limit := debug.SetMemoryLimit(-1) - size; limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	debug.FreeOSMemory()
}

// Undo gives the collector back its settings.
func (b *Budget) Undo() {
	if b != nil {
		b.undo()
	}
}

// set makes limit the collector's only trigger (percent -1) or sets both,
// and returns what undoes it.
func set(percent int, limit int64) func() {
	savedLimit := debug.SetMemoryLimit(limit)
	savedPercent := debug.SetGCPercent(percent)
	return func() {
		debug.SetGCPercent(savedPercent)
		debug.SetMemoryLimit(savedLimit)
	}
}
