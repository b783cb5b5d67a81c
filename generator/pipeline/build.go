// Package pipeline runs the stages of a build in order: load the sources,
// assemble the Site, render and publish the pages. It owns the choice of
// theme, the cache that makes rebuilds incremental, and the timing of each
// stage.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/themes"
)

// Options say what to build and where.
type Options struct {
	Root   fs.FS  // the archive: config.toml, content/, optional layouts/ and themes/
	Dest   string // the published site's folder
	Drafts bool   // include draft reports (preview)
	// BaseURL, when set, replaces config.toml's (preview serves on localhost).
	BaseURL string
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
}

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

// loaded is the first half of a build.
type loaded struct {
	site     *generator.Site
	cfg      *config.Config
	archive  *content.Archive
	md       *markdown.Renderer
	problems generator.ErrorList
	stages   []Stage
}

// Load reads and assembles the archive without writing anything: the
// first half of a build, and all of `plenary check`.
func Load(opts Options) (*generator.Site, *config.Config, generator.ErrorList, []Stage, error) {
	l, err := load(opts, nil, nil, nil, nil)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return l.site, l.cfg, l.problems, l.stages, nil
}

// textsKeptFrom is the size of the sources read from which paragraph
// texts go to the body file with the HTML. Below it they stay in memory,
// a few tens of megabytes at most: a 1,000-report build spent a twentieth
// of its time reading excerpts back, and none of its memory mattered.
var textsKeptFrom int64 = 32 << 20

// load reads and assembles. cacheFor, when set, gives the cache of
// detections; known, when set, the report files known unchanged (and
// makes the load stamp the files it reads).
// bodies, when set, keeps the HTML of the report bodies assembly parses.
// budget, when set, budgets memory for assembly given the bytes of
// sources read, and returns what undoes it.
func load(opts Options, cacheFor func(cfg *config.Config, a *content.Archive) site.DetectionCache, known content.Known, bodies site.BodyStore, budget func(sources int64) func()) (*loaded, error) {
	l := &loaded{}
	t := time.Now()
	archive, err := content.LoadKnown(opts.Root, known)
	if err != nil {
		l.problems = generator.AsList(err)
		if l.problems == nil || archive == nil {
			return nil, err
		}
	}
	cfg := archive.Config
	if opts.BaseURL != "" {
		c := *cfg
		c.BaseURL = opts.BaseURL
		patched, err := config.Complete(&c)
		if err != nil {
			return nil, err
		}
		cfg = patched
		archive.Config = cfg
	}
	l.cfg, l.archive = cfg, archive
	l.stages = append(l.stages, Stage{"load", time.Since(t)})
	// The budget is in proportion to the sources read: with sources left
	// unread (their detections come from the cache) it would be too low.
	if budget != nil && archive.Unread == 0 {
		defer budget(archive.Held())()
	}
	t = time.Now()
	gz := gazetteer.Default()
	if len(cfg.States.Aliases) > 0 {
		gz, err = gz.WithAliases(cfg.States.Aliases)
		if err != nil {
			l.problems.Add(generator.Errorf(content.ConfigFile, 0, "use a state's ISO code or name as the key", "[states.aliases]: %v", err))
			l.problems.Sort()
			return l, nil
		}
	}
	var cache site.DetectionCache
	if cacheFor != nil {
		cache = cacheFor(cfg, archive)
	}
	// Assemble even when some files did not load, so that one run lists
	// every problem of the archive.
	// One goldmark for the whole build: assembly parses with it, rendering
	// renders with it.
	l.md = markdown.New(cfg.BasePath)
	s, more := site.Assemble(archive, site.Options{
		Gazetteer: gz, Markdown: l.md, Drafts: opts.Drafts, Cache: cache,
		Bodies: bodies, KeepTexts: archive.Held() >= textsKeptFrom,
	})
	l.problems = append(l.problems, more...)
	l.problems.Sort()
	if len(l.problems.Errors()) == 0 {
		l.site = s
	}
	l.stages = append(l.stages, Stage{"assemble", time.Since(t)})
	return l, nil
}

// Build writes the site. Content problems come back as a
// generator.ErrorList error listing every one; the destination is then
// untouched.
func Build(opts Options) (*Result, error) {
	if opts.Progress == nil {
		opts.Progress = noProgress{}
	}
	// Hashing the program reads a file of tens of megabytes: it is done
	// while the sources load.
	go binaryID()
	var dets *detections
	var context string
	cacheDir := opts.CacheDir
	if opts.Clean {
		cacheDir = ""
	}
	detectionsOf := loadDetections(cacheDir)
	cacheFor := func(cfg *config.Config, a *content.Archive) site.DetectionCache {
		if opts.CacheDir == "" {
			return nil
		}
		h := newHasher(binaryID(), cfg.BasePath)
		h.add(content.ConfigFile, []byte(fmt.Sprint(cfg.States.Aliases)))
		for _, t := range a.Topics {
			h.add(t.Path, t.Hash[:])
		}
		context = h.sum()
		dets = detectionsOf(context)
		return dets
	}
	// A cache from a previous build makes an update likely: its garbage is
	// little, and loading allocates the Site. Its manifest is decoded
	// while the sources load.
	relaxed := func() {}
	oldManifest := func() *manifest { return nil }
	if cacheDir != "" && hasManifest(cacheDir) {
		relaxed = relaxMemory()
		done := make(chan *manifest, 1)
		go func() { done <- loadManifest(cacheDir) }()
		oldManifest = sync.OnceValue(func() *manifest { return <-done })
	}
	defer func() { relaxed() }()
	var sources *knownSources
	var known content.Known
	if opts.CacheDir != "" {
		sources = loadSources(cacheDir)
		known = sources
	}
	// Report bodies are rendered as HTML where they are parsed for what
	// they name, and kept, with their paragraphs' texts in a large archive
	// (see textsKeptFrom), in a file beside the site, for as long as the
	// Site reads from it; without the file, pages parse the bodies again
	// and the Site holds the texts.
	var bodies *bodyFile
	if dest, err := filepath.Abs(opts.Dest); err == nil {
		if bodies, err = newBodyFile(filepath.Dir(dest)); err != nil {
			bodies = nil
		}
	}
	built := false
	defer func() {
		if !built {
			bodies.Close()
		}
	}()
	loadStart := time.Now()
	opts.Progress.Start("load", 0)
	// A cache from a previous build relaxes the collector instead: an
	// update assembles from it and reads few sources.
	var budget func(int64) func()
	if cacheDir == "" || !hasManifest(cacheDir) {
		budget = budgetAssembly
	}
	var store site.BodyStore
	if bodies != nil {
		store = bodies
	}
	l, err := load(opts, cacheFor, known, store, budget)
	opts.Progress.End()
	if err != nil {
		return nil, err
	}
	if errs := l.problems.Errors(); len(errs) > 0 {
		return nil, errs
	}
	s, cfg := l.site, l.cfg
	res := &Result{Site: s, Config: cfg, Warnings: l.problems.Warnings(), Stages: l.stages, Unread: l.archive.Unread}
	for _, r := range s.Reports {
		if r.LoadHTML != nil {
			res.BodiesKept++
		}
	}

	t := time.Now()
	theme, err := Theme(opts.Root, cfg)
	if err != nil {
		return nil, err
	}
	renderer := render.New(s, theme, l.md)
	minifier := publish.Minifier()
	outputs := renderer.Outputs()

	dest, err := filepath.Abs(opts.Dest)
	if err != nil {
		return nil, err
	}
	var pl *plan
	if opts.CacheDir != "" {
		global, err := globalKey(opts, cfg, l.archive)
		if err != nil {
			return nil, err
		}
		pl = makePlan(oldManifest(), newManifest(s, global, dest))
	}
	// merging makes room in the memory budget for the index's merge.
	merging := func(int64) {}
	if pl == nil || pl.full {
		// An update renders a few pages: its garbage is no burden, and
		// measuring the Site would cost it a collection. A full build
		// takes the default target back first.
		relaxed()
		relaxed = func() {}
		// What assembly detected is saved now and let go of, before the
		// budget measures the Site. Detections are a pure function of
		// the sources: a build that fails later leaves them right.
		if dets != nil {
			_ = dets.saveAndRelease(opts.CacheDir, context)
			dets = nil
		}
		// Sources still held (assembly lets go of those it parses) are
		// let go of too: holding every source while the site renders grows
		// with the archive. A page that needs one reads it again.
		b := budgetMemory(l.archive.Release() + keptTexts(s, bodies))
		defer b.undo()
		merging = b.merging
	}
	// The index is written while the pages are: rendering waits on the
	// disk often enough to leave the index room on both cores. Neither is
	// put in place until both succeeded.
	res.IndexDir = indexDir(opts, cfg)
	// Large segments are merged once the pages are written: merging maps
	// them all into memory, which rendering's garbage would be using too.
	// Small ones are merged at once, beside the pages: the budget's fixed
	// part holds them, and waiting would add the merge's time to the
	// build's.
	var staged *index.Staged
	var indexErr error
	var indexTime time.Duration
	var wg sync.WaitGroup
	pagesDone := make(chan struct{})
	if res.IndexDir != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			staged, indexErr = stageIndex(res.IndexDir, s, cfg, renderer, minifier, func(segments int64) {
				if segments > mergeBeside {
					<-pagesDone
					merging(segments)
				}
			})
			indexTime = time.Since(t)
		}()
	}
	opts.Progress.Start("render", len(outputs))
	prepared, err := publish.Prepare(dest, outputs, publish.Options{Minifier: minifier, Keep: pl.keep(), Reuse: pl.reuse(), Stale: pl.stale(outputs), Done: func() { opts.Progress.Add(1) }})
	opts.Progress.End()
	renderTime := time.Since(t)
	close(pagesDone)
	if res.IndexDir != "" {
		opts.Progress.Start("index", 0)
		wg.Wait()
		opts.Progress.End()
	}
	switch {
	case err != nil:
		staged.Discard()
		return nil, fmt.Errorf("writing %s: %w", opts.Dest, err)
	case indexErr != nil:
		prepared.Discard()
		return nil, fmt.Errorf("search index %s: %w", res.IndexDir, indexErr)
	case bodies != nil && bodies.Err() != nil:
		// Pages and the index may hold empty texts: neither is published.
		prepared.Discard()
		staged.Discard()
		return nil, bodies.Err()
	}
	if opts.CacheDir != "" {
		// Commit changes files made of parts in place: a build stopped
		// half-way must not leave a manifest saying where their parts
		// were, so that the next build writes the site whole.
		if err := os.Remove(filepath.Join(opts.CacheDir, manifestFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			prepared.Discard()
			staged.Discard()
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	if err := prepared.Commit(); err != nil {
		staged.Discard()
		return nil, fmt.Errorf("writing %s: %w", opts.Dest, err)
	}
	stats := prepared.Stats
	res.Files, res.Rendered, res.Bytes = stats.Files, stats.Rendered, stats.Bytes
	res.Full = res.Rendered == res.Files
	res.Stages = append(res.Stages, Stage{"render+write", renderTime})
	if staged != nil {
		st, err := staged.Commit()
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", res.IndexDir, err)
		}
		st.Duration = indexTime
		res.Index = &st
		res.Stages = append(res.Stages, Stage{"index", indexTime})
	}

	if opts.CacheDir != "" {
		// The site is published: a cache that cannot be written costs the
		// next build time, not correctness, so it is not an error.
		pl.record(outputs, stats)
		// The three files are independent, each keyed by what it
		// describes: they are written side by side.
		var saved sync.WaitGroup
		saved.Add(2)
		go func() {
			defer saved.Done()
			if dets != nil {
				_ = dets.save(opts.CacheDir, context)
			}
		}()
		go func() {
			defer saved.Done()
			_ = sources.save(opts.CacheDir, l.archive, loadStart)
		}()
		_ = writeFile(opts.CacheDir, manifestFile, encodeManifest(pl.next))
		saved.Wait()
	}
	built = true
	return res, nil
}

// indexDir is where the search index goes, or "" for none.
func indexDir(opts Options, cfg *config.Config) string {
	switch {
	case opts.IndexDir != "":
		return opts.IndexDir
	case opts.Source != "" && cfg.Search.Index != "":
		return filepath.Join(opts.Source, filepath.FromSlash(cfg.Search.Index))
	}
	return ""
}

// stageIndex writes the search index beside its folder, with the site's search page as the
// endpoint's results page: rendered with markers where the query and the
// results go, which the index cuts it at, minified like every other page,
// and the theme's results partials.
func stageIndex(dir string, s *generator.Site, cfg *config.Config, r *render.Renderer, m *minify.M, beforeMerge func(int64)) (*index.Staged, error) {
	var page, shell bytes.Buffer
	if err := r.Search(&page, resultspage.QueryMarker, template.HTML(resultspage.ResultsMarker)); err != nil { //nolint:gosec // a constant
		return nil, err
	}
	if err := m.Minify("text/html", &shell, &page); err != nil {
		return nil, err
	}
	return index.Stage(s, dir, index.Options{Synonyms: cfg.Search.Synonyms, Shell: shell.Bytes(), Partials: r.SearchPartials(), Program: binaryID(), BeforeMerge: beforeMerge})
}

// globalKey hashes everything whose change shows on every page: the
// program, the config, the theme and layouts, sessions, topics, options.
func globalKey(opts Options, cfg *config.Config, a *content.Archive) (string, error) {
	h := newHasher(binaryID(), fmt.Sprint(cacheFormat, opts.Drafts, opts.BaseURL))
	if data, err := fs.ReadFile(opts.Root, content.ConfigFile); err == nil {
		h.add(content.ConfigFile, data)
	}
	if err := h.hashTree(opts.Root, "layouts"); err != nil {
		return "", err
	}
	if err := h.hashTree(opts.Root, "themes/"+cfg.Theme); err != nil {
		return "", err
	}
	h.sources(a)
	return h.sum(), nil
}

// Theme loads the configured theme: the archive's own themes/<name>/ if it
// has one, else the bundled theme of that name, with the archive's layouts/
// overriding single templates.
func Theme(root fs.FS, cfg *config.Config) (*render.Theme, error) {
	dir := "themes/" + cfg.Theme
	themeFS, err := fs.Sub(root, dir)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(root, dir); errors.Is(err, fs.ErrNotExist) {
		if themeFS, err = themes.Lookup(cfg.Theme); err != nil {
			return nil, fmt.Errorf("config.toml: theme %q not found: add %s/ or use theme = \"default\"", cfg.Theme, dir)
		}
	} else if err != nil {
		return nil, err
	}
	var overrides fs.FS
	switch _, err := fs.Stat(root, "layouts"); {
	case err == nil:
		overrides, _ = fs.Sub(root, "layouts")
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	return render.LoadTheme(themeFS, overrides, publish.TemplateMinifier())
}
