package pipeline

import (
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/pipeline/incremental"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/site"
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
	prepared  *publish.Prepared
	staged    *index.Staged
	indexDir  string
	stats     publish.Stats
	indexed   *index.Stats
	indexTime time.Duration
	stages    []Stage
}

// textsKeptFrom is the size of the sources read from which paragraph
// texts go to the store with the HTML. Below it they stay in memory, a few
// tens of megabytes at most, where reading each excerpt back from the
// file would cost a small build a twentieth of its time.
var textsKeptFrom int64 = 32 << 20

// start opens what a build uses throughout: the cache, read while the
// sources load, and the store of report bodies, in a file beside the
// site, on its disk.
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
	b := &build{opts: opts, dest: dest, cache: incremental.Open(opts.CacheDir, opts.Clean), relaxed: func() {}}
	if b.store, err = bodies.Open(filepath.Dir(dest), opts.Root); err != nil {
		// Without the file, pages parse their Markdown again and the Site
		// holds the texts.
		b.store = bodies.Sources(opts.Root)
	}
	// A cache from a previous build makes an update likely: its garbage
	// is little, and loading allocates the Site.
	if b.cache.Previous() {
		b.relaxed = opts.Memory.Update()
	}
	return b, nil
}

// close lets go of the store's file and gives the collector back its
// settings.
func (b *build) close() {
	_ = b.store.Close()
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
		b.problems = generator.AsList(err)
		if b.problems == nil || archive == nil {
			b.progress().End()
			return err
		}
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
	if b.cache != nil {
		global, err := incremental.GlobalKey(b.opts.Root, b.cfg.Theme, b.opts.Drafts, b.cfg.BaseURL+" "+b.cfg.Search.URL, b.archive)
		if err != nil {
			return err
		}
		b.global = global
	}
	// An update holds the Markdown of the few pages it renders; a full
	// build renders every page and reads again the sources it needs.
	b.holdMarkdown = !b.cache.Full(b.global, b.dest)
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

// renderAndIndex renders the pages beside the site and, at the same time,
// the search index beside its folder: rendering waits on the disk often
// enough to leave the index room on both cores. Neither is put in place.
func (b *build) renderAndIndex() error {
	t := time.Now()
	theme, err := Theme(b.opts.Root, b.cfg)
	if err != nil {
		return err
	}
	renderer := render.New(b.site, theme, b.md, b.store)
	minifier := publish.Minifier()
	b.outputs = renderer.Outputs()
	b.indexDir = indexDir(b.opts, b.cfg)
	pagesDone := make(chan struct{})
	var indexErr error
	var wg sync.WaitGroup
	if b.indexDir != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			b.staged, indexErr = b.stageIndex(renderer, minifier, pagesDone)
			b.indexTime = time.Since(t)
		}()
	}
	b.progress().Start("render", len(b.outputs))
	prepared, err := publish.Prepare(b.dest, b.outputs, publish.Options{
		Minifier: minifier, Keep: b.pl.Keep(), Reuse: b.pl.Reuse(), Stale: b.pl.Stale(b.outputs),
		Done: func() { b.progress().Add(1) },
	})
	b.progress().End()
	b.stages = append(b.stages, Stage{"render+write", time.Since(t)})
	close(pagesDone)
	if b.indexDir != "" {
		b.progress().Start("index", 0)
		wg.Wait()
		b.progress().End()
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", b.opts.Dest, err)
	}
	b.prepared = prepared
	if indexErr != nil {
		return fmt.Errorf("search index %s: %w", b.indexDir, indexErr)
	}
	return nil
}

// stageIndex writes the search index beside its folder, with the site's
// search page and the theme's results partials for the endpoint. Its large
// segments are merged once the pages are written, since the merge maps
// them all into memory, which rendering's garbage would be using too;
// small ones are merged at once, within the budget's fixed part.
func (b *build) stageIndex(r *render.Renderer, m *minify.M, pagesDone <-chan struct{}) (*index.Staged, error) {
	shell, err := searchShell(r, m)
	if err != nil {
		return nil, err
	}
	return index.Stage(b.site, b.indexDir, index.Options{
		Synonyms: b.cfg.Search.Synonyms, Shell: shell, Partials: r.SearchPartials(), Program: incremental.ProgramID(), Texts: b.store,
		BeforeMerge: func(segments int64) {
			if segments > memory.MergeBeside {
				<-pagesDone
				b.budget.Merging(segments)
			}
		},
	})
}

// publish puts the pages and the index in place.
func (b *build) publish() error {
	if err := b.cache.Invalidate(); err != nil {
		return err
	}
	if err := b.prepared.Commit(); err != nil {
		b.prepared = nil
		return fmt.Errorf("writing %s: %w", b.opts.Dest, err)
	}
	b.stats, b.prepared = b.prepared.Stats, nil
	if b.staged != nil {
		st, err := b.staged.Commit()
		b.staged = nil
		if err != nil {
			return fmt.Errorf("search index %s: %w", b.indexDir, err)
		}
		st.Duration = b.indexTime
		b.indexed = &st
		b.stages = append(b.stages, Stage{"index", b.indexTime})
	}
	return nil
}

// discard removes what a failed build rendered and did not put in place.
func (b *build) discard() {
	b.prepared.Discard()
	b.staged.Discard()
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
