package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walker collects an article's blocks from its root element.
type walker struct {
	a    *Article
	m    *measures
	text strings.Builder // inline text of the block being read
	kind Kind
	// titleNext says the block being read is a page's first-level
	// heading, which is the article's title when it has none yet.
	titleNext bool
}

// flush ends the block being read.
func (w *walker) flush() {
	t := collapse(w.text.String())
	w.text.Reset()
	kind := w.kind
	w.kind = Paragraph
	if t == "" || len(w.a.Blocks) >= maxBlocks {
		return
	}
	if kind == Heading && w.a.Title == "" && w.titleNext {
		w.a.Title = t
		w.titleNext = false
		return
	}
	w.a.Blocks = append(w.a.Blocks, Block{Kind: kind, Text: t})
}

func (w *walker) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if w.m.hidden[c] {
			continue
		}
		switch c.Type {
		case html.TextNode:
			w.text.WriteString(c.Data)
			continue
		case html.ElementNode:
		default:
			continue
		}
		if !blockElements[c.DataAtom] {
			if (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && w.text.Len() > 0 {
				w.text.WriteString(" – ") // the cells of a row make one paragraph
			}
			w.walk(c) // inline: its text joins the block
			continue
		}
		w.flush()
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			w.kind = Heading
			w.titleNext = c.DataAtom == atom.H1
		case atom.Li, atom.Dt:
			w.kind = Item
		}
		w.walk(c)
		w.flush()
	}
}
