package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/lockfile"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/pipeline/incremental"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/faults"
)

// build is one run of the pipeline: what each step hands the next.
type build struct {
	opts    Options
	dest    string // absolute
	started time.Time
	cache   *incremental.Cache // nil without Options.CacheDir
	store   *bodies.Store      // report bodies and texts kept out of the heap
	// relaxed gives the collector back what an update's memory policy
	// changed.
	relaxed func()

	archive      *content.Archive
	cfg          *config.Config
	md           *markdown.Renderer // one goldmark for the build: assembly parses with it, pages render with it
	sources      int64              // bytes of report sources read
	global       string             // the incremental key of everything every page shows
	holdMarkdown bool               // the Site holds the Markdown its store does not keep as HTML

	site     *generator.Site
	problems generator.ErrorList
	pl       *incremental.Plan
	budget   *memory.Budget

	outputs   []render.Output
	indexDir  string
	stats     publish.Stats
	stale     []string // files of the published site no output writes any more
	indexed   *index.Stats
	indexTime time.Duration
	stages    []Stage

	lock     *lockfile.Lock // the archive's, when it has a cache or LockDir
	set      *versions.Set  // the destination's versions, from open on
	mirrored chan error     // an update's slot being brought up to date
	// commit keeps Options.Interrupt from stopping the build while it
	// publishes; committed says it has, aborted that it must not.
	commit             sync.Mutex
	committed, aborted bool
	stopping           atomic.Bool   // Interrupt came: write no other file
	ran                chan struct{} // closed when run returns
}

// textsKeptFrom is the size of the sources read from which paragraph
// texts go to the store with the HTML. Below it they stay in memory, a few
// tens of megabytes at most, where reading each excerpt back from the
// file would cost a small build a twentieth of its time.
var textsKeptFrom int64 = 32 << 20

// start opens what a build uses throughout: the archive's lock, and the
// cache, read while the sources load.
func start(opts Options) (*build, error) {
	if opts.Progress == nil {
		opts.Progress = noProgress{}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	dest, err := filepath.Abs(opts.Dest)
	if err != nil {
		return nil, err
	}
	// Hashing the program reads its build ID: done while the sources load.
	go incremental.ProgramID()
	b := &build{opts: opts, dest: dest, relaxed: func() {}, store: bodies.Sources(opts.Root), ran: make(chan struct{})}
	lockDir := opts.LockDir
	if lockDir == "" {
		lockDir = opts.CacheDir
	}
	if lockDir != "" {
		b.lock, err = lockfile.Acquire(lockDir, opts.NoWait, opts.Waiting)
		switch {
		case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
			// An archive on a read-only disk: its cache cannot be written
			// either, and the destination's lock still keeps builds apart.
			b.problems.Add(&generator.Error{Path: lockDir, Warning: true,
				Msg: fmt.Sprintf("the archive's lock cannot be taken (%v): builds of it are kept apart only by their destination's", err)})
		case err != nil:
			return nil, err
		}
	}
	b.cache = incremental.Open(opts.CacheDir, opts.Clean)
	// A cache from a previous build makes an update likely: its garbage
	// is little, and loading allocates the Site.
	if b.cache.Previous() {
		b.relaxed = opts.Memory.Update()
	}
	return b, nil
}

// close lets go of the store's file, the versions and the lock, and gives
// the collector back its settings.
func (b *build) close() {
	_ = b.store.Close()
	if b.mirrored != nil {
		<-b.mirrored
	}
	if b.set != nil {
		_ = b.set.Close()
	}
	_ = b.lock.Release()
	b.budget.Undo()
	b.relaxed()
}

// load reads the archive: every source, except the report files the cache
// knows unchanged by their stamps, whose front matter it has. Progress
// hears of loading and assembling as one stage.
func (b *build) load() error {
	t := time.Now()
	b.started = t
	if b.opts.Now != nil {
		b.started = b.opts.Now()
	}
	b.progress().Start("load", 0)
	archive, err := content.LoadKnown(b.opts.Root, b.cache.Known())
	if err != nil {
		list := generator.AsList(err)
		if list == nil || archive == nil {
			b.progress().End()
			return err
		}
		b.problems = append(b.problems, list...)
	}
	if b.opts.BaseURL != "" || b.opts.SearchEndpoint != nil {
		// Every address derived from these is worked out again.
		c := *archive.Config
		if b.opts.BaseURL != "" {
			c.BaseURL = b.opts.BaseURL
		}
		if b.opts.SearchEndpoint != nil {
			c.Search.Endpoint = b.opts.SearchEndpoint
		}
		if archive.Config, err = config.Complete(&c); err != nil {
			b.progress().End()
			return err
		}
	}
	b.archive, b.cfg = archive, archive.Config
	for _, r := range archive.Reports {
		b.sources += int64(len(r.File.Front) + len(r.Body))
	}
	b.stages = append(b.stages, Stage{"load", time.Since(t)})
	return nil
}

// assemble makes the Site, or fails with every content problem found.
func (b *build) assemble() error {
	defer b.progress().End()
	if err := b.assembleAll(); err != nil {
		return err
	}
	if errs := b.problems.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// assembleAll assembles even when some files did not load, so that one
// run lists every problem of the archive.
func (b *build) assembleAll() error {
	t := time.Now()
	// A full build's budget is in proportion to the sources read: with
	// sources left unread (their detections come from the cache) it
	// would be too low. An update relaxed the collector already.
	if !b.cache.Previous() && b.archive.Unread == 0 {
		defer b.opts.Memory.Assembly(b.sources)()
	}
	cfg := b.cfg
	gz := gazetteer.Default()
	if len(cfg.States.Aliases) > 0 {
		var err error
		if gz, err = gz.WithAliases(cfg.States.Aliases); err != nil {
			b.problems.Add(generator.Errorf(content.ConfigFile, 0, "use a state's ISO code or name as the key", "[states.aliases]: %v", err))
			b.problems.Sort()
			return nil
		}
	}
	an, problem := speakersOf(gz, b.archive)
	if problem != nil {
		b.problems.Add(problem)
		b.problems.Sort()
		return nil
	}
	b.md = markdown.New(cfg.BasePath)
	opts := site.Options{
		Gazetteer: gz, Speakers: an, Markdown: b.md, Drafts: b.opts.Drafts, Cache: b.cache.Detections(cfg, b.archive, an.Version()),
		KeepTexts: b.sources >= textsKeptFrom, HoldMarkdown: b.holdMarkdown,
	}
	if b.store.Keeps() {
		opts.Bodies = b.store
	}
	s, more := site.Assemble(b.archive, opts)
	b.problems = append(b.problems, more...)
	b.problems.Sort()
	if len(b.problems.Errors()) == 0 {
		b.site = s
	}
	b.stages = append(b.stages, Stage{"assemble", time.Since(t)})
	return nil
}

// progress is the Progress of the build; Load has none.
func (b *build) progress() Progress {
	if b.opts.Progress == nil {
		return noProgress{}
	}
	return b.opts.Progress
}

// plan compares the Site with the site the previous build wrote. A full
// build then lets go of what it no longer needs and sets its memory
// budget; an update renders a few pages, whose garbage is no burden, and
// measuring the Site would cost it a collection.
func (b *build) plan() error {
	b.pl = b.cache.Plan(b.site, b.global, b.dest)
	if !b.pl.Full() {
		return nil
	}
	b.relaxed()
	b.relaxed = func() {}
	b.cache.SaveDetections()
	b.budget = b.opts.Memory.Render(b.sources + keptTexts(b.site))
	return nil
}

// keptTexts is how many bytes of paragraph text the store keeps, which
// the Site's heap would hold otherwise.
func keptTexts(s *generator.Site) int64 {
	var n int64
	for _, r := range s.Reports {
		for _, p := range r.Paragraphs {
			if at, kept := p.Kept(); kept {
				n += int64(at.Len)
			}
		}
	}
	return n
}

// renderAndIndex renders the pages into the slot of the version the
// build writes and, at the same time, the search index: rendering waits
// on the disk often enough to leave the index room on both cores. Neither
// is published.
func (b *build) renderAndIndex() error {
	t := time.Now()
	theme, err := Theme(b.opts.Root, b.cfg)
	if err != nil {
		return err
	}
	renderer := render.New(b.site, theme, b.md, b.store)
	minifier := publish.Minifier()
	b.outputs = renderer.Outputs()
	prevSite, prevIndex := b.set.Previous()
	pagesDone := make(chan struct{})
	var indexErr error
	var wg sync.WaitGroup
	if b.indexDir != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			b.indexed, indexErr = b.writeIndex(renderer, minifier, prevIndex, pagesDone)
			b.indexTime = time.Since(t)
			faults.At("index: written")
		}()
	}
	err = b.writeSite(prevSite, minifier, t)
	close(pagesDone)
	if b.indexDir != "" {
		b.progress().Start("index", 0)
		wg.Wait()
		b.progress().End()
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", b.opts.Dest, err)
	}
	if indexErr != nil {
		return fmt.Errorf("search index %s: %w", b.indexDir, indexErr)
	}
	if b.indexed != nil && b.indexed.Damaged != nil {
		d := b.indexed.Damaged
		b.problems.Add(&generator.Error{Path: b.indexDir, Msg: fmt.Sprintf("search index damaged (%v): rebuilt whole", d), Warning: true})
	}
	return nil
}

// writeSite writes the pages into the slot: an update once the slot is a
// copy of the published site, only the files the plan does not keep; a
// full build every file, then it removes what the slot held besides.
func (b *build) writeSite(prev string, minifier *minify.M, t time.Time) error {
	if b.mirrored != nil {
		err := <-b.mirrored
		b.mirrored = nil
		if err != nil {
			return fmt.Errorf("bringing the unpublished version up to date: %w", err)
		}
		faults.At("mirror: done")
	}
	var done atomic.Int64
	half := int64(len(b.outputs) / 2)
	b.progress().Start("render", len(b.outputs))
	stats, err := publish.Write(b.set.Site(), b.outputs, publish.Options{
		Minifier: minifier, Previous: prev, Keep: b.pl.Keep(), Reuse: b.pl.Reuse(), Fresh: b.set.Fresh(),
		Done: func() {
			b.progress().Add(1)
			if done.Add(1) == half {
				faults.At("render: half the files written")
			}
		},
		Stop: b.stopping.Load,
	})
	b.progress().End()
	b.stages = append(b.stages, Stage{"render+write", time.Since(t)})
	if err != nil {
		return err
	}
	if b.pl.Full() {
		err = b.set.CarryDotFiles()
		if err == nil && !b.set.Fresh() {
			written := make(map[string]bool, len(b.outputs))
			for _, o := range b.outputs {
				written[o.Path] = true
			}
			err = b.set.Prune(func(rel string) bool {
				return written[rel] || !strings.Contains(rel, "/") && strings.HasPrefix(rel, ".")
			})
		}
	} else {
		b.stale = b.pl.Stale(b.outputs)
		err = b.set.Remove(b.stale)
	}
	if err != nil {
		return err
	}
	b.stats = stats
	faults.At("render: site written")
	return nil
}

// writeIndex writes the search index into the slot, with the site's
// search page and the theme's results partials for the endpoint, from the
// published index when few documents changed. Its large segments are
// merged once the pages are written, since the merge maps them all into
// memory, which rendering's garbage would be using too; small ones are
// merged at once, within the budget's fixed part.
func (b *build) writeIndex(r *render.Renderer, m *minify.M, prev string, pagesDone <-chan struct{}) (*index.Stats, error) {
	shell, err := searchShell(r, m)
	if err != nil {
		return nil, err
	}
	st, err := index.Write(b.site, b.set.Index(), prev, index.Options{
		Synonyms: b.cfg.Search.Synonyms, Shell: shell, Partials: r.SearchPartials(), Program: incremental.ProgramID(), Texts: b.store,
		BeforeMerge: func(segments int64) {
			if segments > memory.MergeBeside {
				<-pagesDone
				b.budget.Merging(segments)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// saveCache notes what the build wrote and learnt, for the next one.
func (b *build) saveCache() {
	b.pl.Record(b.outputs, b.stats)
	b.cache.Save(b.pl, b.archive, b.started)
}

// result describes the finished build.
func (b *build) result() *Result {
	res := &Result{
		Site: b.site, Config: b.cfg, Warnings: b.problems.Warnings(), Stages: b.stages, Unread: b.archive.Unread,
		Files: b.stats.Files, Rendered: b.stats.Rendered, Bytes: b.stats.Bytes,
		Index: b.indexed, IndexDir: b.indexDir,
	}
	res.Full = res.Rendered == res.Files
	for _, r := range b.site.Reports {
		if r.HTML.Len > 0 {
			res.BodiesKept++
		}
	}
	return res
}
