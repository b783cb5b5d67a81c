package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
)

// budgetMemory gives the rest of a full build a memory limit in proportion to
// the Site it holds, and returns what undoes it. Collecting garbage was a
// third of a large build's CPU: a fixed GC target makes the collector run
// the more often the larger the live Site is, while a limit lets garbage
// accumulate up to the budget and collects only then. The budget is twice
// the Site, for rendering and the index's segments, plus a fixed part for
// buffers and the runtime. Measured at 10,000 reports, clean builds run
// alternately on a busy machine: 51 s of CPU and 0.88 GB peak against
// 68-75 s and 1.06-1.09 GB with the index's fixed GC target (a fixed part
// of 384 MiB: 48 s, 1.0 GB). A GOMEMLIMIT or GOGC set by the user wins.
//
// released is what the build let go of from the heap before: the sources
// it read, and the paragraphs' texts it keeps in a file. It still counts
// towards the room for garbage, which stays as it was: the collector's
// work is marking the Site's pointers, which neither had. The peak is
// lower by as much.
func budgetMemory(released int64) budget {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return budget{undo: func() {}, merging: func(int64) {}}
	}
	// One collection makes the live heap, which is the Site, known.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := int64(2*ms.HeapAlloc) + released + budgetHeadroom
	return budget{undo: limitOnly(limit), merging: budgetMerge}
}

// budget is a full build's memory budget.
type budget struct {
	undo    func()           // gives the collector back its settings
	merging func(size int64) // makes room for merging segments of size bytes
}

// budgetMerge lowers the limit by the size of the index's segments, once
// the pages are written and before the segments are merged: the merge
// maps them into memory, beside the heap, and they would otherwise add to
// the build's peak. Measured at 100,000 reports, where they are 0.83 GiB:
// merging beside the pages under a limit of 3.4 GiB made the build's peak,
// 4.1 GiB against 3.2 GiB while rendering.
func budgetMerge(size int64) {
	if limit := debug.SetMemoryLimit(-1) - size; limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	// What rendering's garbage took is given back to the system now, not
	// as the collector gets round to it.
	debug.FreeOSMemory()
}

// mergeBeside is the size of segments below which they are merged beside
// the pages being written, in the budget's fixed part.
const mergeBeside = budgetHeadroom

// limitOnly makes limit the collector's only trigger, and returns what
// undoes it: below it, the default target would collect a small Site's
// garbage many times over for nothing.
func limitOnly(limit int64) func() {
	savedLimit := debug.SetMemoryLimit(limit)
	savedPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(savedPercent)
		debug.SetMemoryLimit(savedLimit)
	}
}

// budgetAssembly gives loading and assembling a full build a memory limit
// in proportion to the sources read, and returns what undoes it. Assembly
// makes the Site, so the live heap grows all along, and at the default
// target the heap grew to twice it: at 100,000 reports the Site, the
// detections and the sources were 2.8 GB live and the heap 4.7 GB, the
// build's peak. The Site and what assembly holds were about three times
// the sources at 10,000 and 100,000 reports; the limit is four times, so
// the collector runs more often only towards the end.
func budgetAssembly(sources int64) func() {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return func() {}
	}
	return limitOnly(4*sources + budgetHeadroom)
}

// budgetHeadroom is the budget's fixed part.
const budgetHeadroom = 256 << 20

// relaxMemory lets an update of the site collect no garbage below a cap,
// and returns what undoes it. An update allocates about as much as its
// Site while it loads, most of it kept, then renders a few pages: at the
// default target the collector runs over a growing heap again and again on
// the second core, which rendering needs. Measured at 10,000 reports, an
// added report alternating with the default: 0.89-1.17 s against
// 1.02-1.33 s, 0.73 GB peak against 0.56-0.65 GB. The cap keeps a very
// large archive's update within memory: the collector runs when the heap
// reaches it. A GOMEMLIMIT or GOGC set by the user wins.
func relaxMemory() func() {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(updateGCPercent)
	limit := debug.SetMemoryLimit(updateMemoryCap)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

const (
	updateGCPercent = -1
	updateMemoryCap = 4 << 30
)
