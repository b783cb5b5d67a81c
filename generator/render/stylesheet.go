package render

import (
	"bytes"
	"io"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// stylesheet is the theme's css/style.css followed by chroma's classes for
// fenced code, light and dark, so one file serves every page.
func (r *Renderer) stylesheet(w io.Writer) error {
	for _, f := range r.theme.static {
		if f.path == "css/style.css" {
			if _, err := w.Write(f.data); err != nil {
				return err
			}
		}
	}
	return chromaCSS(w)
}

func chromaCSS(w io.Writer) error {
	f := chromahtml.New(chromahtml.WithClasses(true))
	if err := f.WriteCSS(w, styles.Get("github")); err != nil {
		return err
	}
	var dark bytes.Buffer
	if err := f.WriteCSS(&dark, styles.Get("github-dark")); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n@media (prefers-color-scheme: dark) {\n"); err != nil {
		return err
	}
	if _, err := w.Write(dark.Bytes()); err != nil {
		return err
	}
	_, err := io.WriteString(w, "}\n")
	return err
}
