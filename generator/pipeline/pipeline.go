// Package pipeline runs a build: it loads the archive's sources, assembles
// the read-only Site, renders the pages while it writes the search index,
// publishes both, and saves what the next build needs to render only what
// a change touches. Each stage is one step of a build (steps.go); the
// incremental cache and the memory policy are packages of their own.
package pipeline

import (
	"errors"
	"io/fs"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
)

// Options say what to build and where.
type Options struct {
	Root   fs.FS  // the archive: config.toml, content/, optional layouts/ and themes/
	Dest   string // the published site's folder
	Drafts bool   // include draft reports (preview)
	// BaseURL, when set, replaces config.toml's (preview serves on localhost).
	BaseURL string
	// SearchEndpoint, when set, replaces config.toml's [search] endpoint,
	// resolved against the base URL the same way: "" builds a site
	// without search (a static host alone), a URL one whose form is sent
	// to an endpoint elsewhere, "search" the preview's own.
	SearchEndpoint *string
	// CacheDir, when set, keeps what a build learnt for the next one, which
	// then renders only the pages a change touches. Empty: every build is
	// a full build.
	CacheDir string
	// Clean ignores the cache (and rewrites it).
	Clean bool
	// Progress, when set, hears how the build advances.
	Progress Progress
	// IndexDir is where the search index is written; empty means
	// config.toml's [search] index below Source, and no index at all
	// when Source is empty too.
	IndexDir string
	// Source is the archive's root on disk, which config.toml's paths
	// are relative to.
	Source string
	// Memory is how the build sets the Go runtime's collector; the zero
	// policy leaves it alone. A command that owns its process chooses
	// memory.Budgets.
	Memory memory.Policy
	// Now is the clock that tells how recently a source changed: one
	// changed within content.RacyWindow of the build is read again by the
	// next. Nil: time.Now.
	Now func() time.Time
	// LockDir is the folder whose lock keeps builds of one archive apart
	// (plenary build and plenary serve share the archive's cache folder);
	// "" means CacheDir. The destination's versions are locked as well,
	// whatever builds them.
	LockDir string
	// NoWait makes a build that finds another build of the archive or of
	// the destination running fail at once with a *lockfile.BusyError,
	// instead of waiting for it to finish.
	NoWait bool
	// Waiting, when set, hears that the build waits for another one to
	// finish, and its process ID (0 if unknown).
	Waiting func(pid int)
	// Interrupt, when closed, stops the build: unless its new version is
	// published already, in which case the build finishes, what it wrote
	// is removed and Build returns ErrInterrupted at once. Its goroutines
	// may still run then and its locks are held: the caller is expected
	// to exit.
	Interrupt <-chan struct{}
}

// ErrInterrupted is the error of a build stopped by Options.Interrupt
// before it published anything.
var ErrInterrupted = errors.New("the build was interrupted; the published site was left as it was")

// Progress hears how a build advances, stage by stage, so the command line
// can draw it; implementations must be safe for concurrent Add calls.
type Progress interface {
	Start(stage string, total int) // total 0: unknown
	Add(n int)
	End()
}

// noProgress is the Progress of a build nobody watches.
type noProgress struct{}

func (noProgress) Start(string, int) {}
func (noProgress) Add(int)           {}
func (noProgress) End()              {}

// Stage is how long one stage took.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result describes a finished build.
type Result struct {
	// Site is the archive built. The texts and bodies the build kept out
	// of the heap (generator.Paragraph.Kept, Report.HTML) went with it.
	Site     *generator.Site
	Config   *config.Config
	Warnings generator.ErrorList
	Unread   int // report sources known unchanged by their stamp, not read
	// BodiesKept counts the report bodies rendered as HTML where assembly
	// parsed them, which their pages did not parse again.
	BodiesKept int
	Files      int   // files in the site
	Rendered   int   // files rendered by this build; the others were kept
	Bytes      int64 // bytes rendered by this build
	Full       bool  // every page was rendered
	Stages     []Stage
	// Index describes the search index written, if any; IndexDir is
	// where.
	Index    *index.Stats
	IndexDir string
}

// Build writes the site and its search index. Content problems come back
// as a generator.ErrorList error listing every one; the destination and the
// index are then untouched.
func Build(opts Options) (*Result, error) {
	b, err := start(opts)
	if err != nil {
		return nil, err
	}
	if opts.Interrupt == nil {
		defer b.close()
		return b.run()
	}
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := b.run()
		b.close()
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-opts.Interrupt:
		if b.interrupt() {
			o := <-done
			return o.res, o.err
		}
		return nil, ErrInterrupted
	}
}

// run runs the build's steps in order.
func (b *build) run() (*Result, error) {
	defer close(b.ran)
	for _, step := range []func() error{
		b.load,           // the sources, those known unchanged left unread
		b.open,           // the destination's versions, locked; an update's slot brought up to date
		b.assemble,       // the Site, report bodies kept as HTML
		b.plan,           // which files change; a full build's memory budget
		b.renderAndIndex, // the pages and the index, into the slot not published
		b.publish,        // both published at once, once both succeeded
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	b.saveCache()
	return b.result(), nil
}

// Load reads and assembles the archive without writing anything: the
// first half of a build, and all of `plenary check`. The Site holds every
// text and Markdown body.
func Load(opts Options) (*generator.Site, *config.Config, generator.ErrorList, []Stage, error) {
	b := &build{opts: opts, holdMarkdown: true}
	if err := b.load(); err != nil {
		return nil, nil, nil, nil, err
	}
	if err := b.assembleAll(); err != nil {
		return nil, nil, nil, nil, err
	}
	return b.site, b.cfg, b.problems, b.stages, nil
}
