package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/themes"
)

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

// searchShell is the site's search page as the endpoint's results page:
// rendered with markers where the query and the results go, which the
// index cuts it at, with the site's absolute addresses (the endpoint may
// have a host of its own), and minified like every other page.
func searchShell(r *render.Renderer, m *minify.M) ([]byte, error) {
	var page, shell bytes.Buffer
	if err := r.SearchShell(&page, resultspage.QueryMarker, template.HTML(resultspage.ResultsMarker)); err != nil { //nolint:gosec // a constant
		return nil, err
	}
	if err := m.Minify("text/html", &shell, &page); err != nil {
		return nil, err
	}
	return shell.Bytes(), nil
}
