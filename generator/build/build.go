// Package build runs the stages of a build in order: load the sources,
// assemble the Site, render and publish the pages. It owns the choice of
// theme and the timing of each stage, and nothing else.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	plenary "github.com/plenary-archive/plenary"
	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/site"
)

// Options say what to build and where.
type Options struct {
	Root   fs.FS  // the archive: config.toml, content/, optional layouts/ and themes/
	Dest   string // the published site's folder
	Drafts bool   // include draft reports (preview)
	// BaseURL, when set, replaces config.toml's (preview serves on localhost).
	BaseURL string
}

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
	Files    int
	Bytes    int64
	Stages   []Stage
}

// Load reads and assembles the archive without writing anything: the
// first half of a build, and all of `plenary check`.
func Load(opts Options) (*generator.Site, *config.Config, generator.ErrorList, []Stage, error) {
	var stages []Stage
	t := time.Now()
	archive, err := content.Load(opts.Root)
	var problems generator.ErrorList
	if err != nil {
		problems = generator.AsList(err)
		if problems == nil || archive == nil {
			return nil, nil, nil, nil, err
		}
	}
	cfg := archive.Config
	if opts.BaseURL != "" {
		c := *cfg
		c.BaseURL = opts.BaseURL
		patched, err := config.Complete(&c)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		cfg = patched
		archive.Config = cfg
	}
	stages = append(stages, Stage{"load", time.Since(t)})
	t = time.Now()
	gz, err := gazetteer.Default().WithAliases(cfg.States.Aliases)
	if err != nil {
		problems.Add(generator.Errorf(content.ConfigFile, 0, "use a state's ISO code or name as the key", "[states.aliases]: %v", err))
	}
	if gz == nil {
		problems.Sort()
		return nil, cfg, problems, stages, nil
	}
	// Assemble even when some files did not load, so that one run lists
	// every problem of the archive.
	s, more := site.Assemble(archive, site.Options{Gazetteer: gz, Markdown: markdown.New(cfg.BasePath), Drafts: opts.Drafts})
	problems = append(problems, more...)
	problems.Sort()
	if len(problems.Errors()) > 0 {
		s = nil
	}
	stages = append(stages, Stage{"assemble", time.Since(t)})
	return s, cfg, problems, stages, nil
}

// Build writes the site. Content problems come back as a
// generator.ErrorList error listing every one; the destination is then
// untouched.
func Build(opts Options) (*Result, error) {
	s, cfg, problems, stages, err := Load(opts)
	if err != nil {
		return nil, err
	}
	if errs := problems.Errors(); len(errs) > 0 {
		return nil, errs
	}
	res := &Result{Site: s, Config: cfg, Warnings: problems.Warnings(), Stages: stages}

	t := time.Now()
	theme, err := Theme(opts.Root, cfg)
	if err != nil {
		return nil, err
	}
	r := render.New(s, theme, markdown.New(cfg.BasePath))
	stats, err := publish.Write(opts.Dest, r.Outputs(), publish.Minifier())
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", opts.Dest, err)
	}
	res.Files, res.Bytes = stats.Files, stats.Bytes
	res.Stages = append(res.Stages, Stage{"render+write", time.Since(t)})
	return res, nil
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
		if _, err := fs.Stat(plenary.Bundle, dir); err != nil {
			return nil, fmt.Errorf("config.toml: theme %q not found: add %s/ or use theme = \"default\"", cfg.Theme, dir)
		}
		themeFS, _ = fs.Sub(plenary.Bundle, dir)
	}
	var overrides fs.FS
	if _, err := fs.Stat(root, "layouts"); err == nil {
		overrides, _ = fs.Sub(root, "layouts")
	}
	return render.LoadTheme(themeFS, overrides)
}
