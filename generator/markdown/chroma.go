package markdown

import (
	"bytes"
	"io"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// ChromaCSS writes the classes of the highlighted code this package
// renders (chroma's), light and dark, for a stylesheet.
func ChromaCSS(w io.Writer) error {
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

// Highlighted tells whether html, rendered by this package (minified or
// not), has highlighted code, which needs ChromaCSS.
func Highlighted(html string) bool {
	return strings.Contains(html, `class=chroma`) || strings.Contains(html, `class="chroma"`)
}
