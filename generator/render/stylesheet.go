package render

import (
	"bytes"
	"io"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// codeCSS is the stylesheet of highlighted code, which only report pages
// whose text has fenced code load.
const codeCSS = "css/code.css"

// highlighted tells whether a report's body has highlighted code.
func highlighted(body string) bool { return strings.Contains(body, `class="chroma"`) }

// chromaCSS writes chroma's classes for fenced code, light and dark.
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
