// Package render turns the read-only Site into pages: html/template themes
// with per-site overrides (render/theme), the Atom feed, the sitemap,
// robots.txt and the stylesheet. Rendering a page is a pure function of the
// Site; writing and minifying is the publish package's business.
package render

import (
	"io/fs"

	"github.com/tdewolff/minify/v2"

	"github.com/plenary-archive/plenary/generator/render/theme"
)

// Theme is a parsed theme (see render/theme).
type Theme = theme.Theme

// LoadTheme reads a theme's layouts/ and static/ from theme, with any file
// of the same name under overrides (the site's own layouts/) taking its
// place; see theme.Load.
func LoadTheme(th, overrides fs.FS, m *minify.M) (*Theme, error) { return theme.Load(th, overrides, m) }

// SearchPartials are the search results partials of the Renderer's theme.
func (r *Renderer) SearchPartials() map[string]string { return r.theme.SearchPartials() }
