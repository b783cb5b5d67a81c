package importer

import (
	"strings"

	"github.com/plenary-archive/plenary/generator/importer/webpage"
)

// ParseHTML reads a web page as a report: the article's title, then its
// text as a pasted report's lines (webpage.Extract), headings kept as
// headings and list items as items. Line numbers in errors and notes
// count lines of that extracted text: the title is line 1, and a blank
// line comes before each block but between list items. Errors are
// *ParseError.
func (im *Importer) ParseHTML(name string, data []byte) (*Report, error) {
	ls, err := htmlLines(name, data)
	if err != nil {
		return nil, err
	}
	return im.parseLines(name, ls)
}

func htmlLines(name string, data []byte) ([]line, error) {
	a, err := webpage.Extract(data)
	if err != nil {
		return nil, &ParseError{Name: name, Line: 1, Msg: err.Error(), Hint: "save the page as HTML, or copy its text into a .txt file"}
	}
	var ls []line
	add := func(text string, heading bool) {
		// The text has no line ends (Extract collapses spaces); control
		// characters it may carry would end up in the Markdown.
		text = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' || r == 0x7f {
				return ' '
			}
			return r
		}, nbspReplacer.Replace(text))
		ls = append(ls, line{n: len(ls) + 1, text: strings.TrimSpace(text), heading: heading})
	}
	add(a.Title, false)
	prevItem := false
	for _, b := range a.Blocks {
		item := b.Kind == webpage.Item
		if !(item && prevItem) {
			add("", false)
		}
		switch b.Kind {
		case webpage.Heading:
			add(b.Text, true)
		case webpage.Item:
			add("• "+b.Text, false)
		default:
			add(b.Text, false)
		}
		prevItem = item
	}
	return ls, nil
}
