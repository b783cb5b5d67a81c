package metadata

import (
	"encoding/json"
	"io"

	"github.com/plenary-archive/plenary/generator"
)

// manifestIcon is an icon of the web manifest.
type manifestIcon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// Manifest writes the web manifest: the site's name and icon for
// browsers that install or bookmark it. Its addresses are relative to
// the manifest itself, so it works under any base path.
func Manifest(w io.Writer, s *generator.Site) error {
	m := struct {
		Name        string         `json:"name"`
		ShortName   string         `json:"short_name"`
		Description string         `json:"description,omitempty"`
		StartURL    string         `json:"start_url"`
		Scope       string         `json:"scope"`
		Display     string         `json:"display"`
		Background  string         `json:"background_color"`
		Theme       string         `json:"theme_color"`
		Icons       []manifestIcon `json:"icons"`
	}{Name: s.Title, ShortName: s.Title, Description: s.Description, StartURL: "./", Scope: "./", Display: "browser",
		Background: "#fdfdfb", Theme: "#0b5cad", Icons: []manifestIcon{{"favicon.svg", "any", "image/svg+xml"}}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}
