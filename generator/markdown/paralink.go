package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindParaLink is the node kind of a paragraph's own link.
var KindParaLink = ast.NewNodeKind("ParaLink")

// paraLink is the small "¶" link at the end of an anchored block: the way
// to get the address of one paragraph, which is what readers cite and
// share. It is a plain link, so it works without JavaScript; a script may
// add copying to the clipboard. It holds no text, so the plain text of a
// block (excerpts, the search index) is unchanged by it.
type paraLink struct {
	ast.BaseInline
	n int
}

func (l *paraLink) Kind() ast.NodeKind { return KindParaLink }

func (l *paraLink) Dump(src []byte, level int) {
	ast.DumpHelper(l, src, level, map[string]string{"N": strconv.Itoa(l.n)}, nil)
}

// paraLinks appends a paraLink to every block the anchors transformer
// numbered: inside a paragraph, or inside a list item's first block of
// text so that it follows the item's words, not its nested lists. It runs
// after anchors (a higher priority number runs later).
type paraLinks struct{}

func (p *paraLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var found []ast.Node
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if _, ok := anchorNumber(node); ok {
				found = append(found, node)
			}
		}
		return ast.WalkContinue, nil
	})
	// Appending after the walk keeps the walk from visiting new nodes.
	for _, node := range found {
		n, _ := anchorNumber(node)
		target := node
		if node.Kind() == ast.KindListItem {
			if first := node.FirstChild(); first != nil && (first.Kind() == ast.KindTextBlock || first.Kind() == ast.KindParagraph) {
				target = first
			}
		}
		target.AppendChild(target, &paraLink{n: n})
	}
}

type paraLinkRenderer struct{}

func (r *paraLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindParaLink, r.render)
}

func (r *paraLinkRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := strconv.Itoa(node.(*paraLink).n)
		_, _ = w.WriteString(` <a href="#p-` + n + `" class="anchor" aria-label="Link to paragraph ` + n + `">¶</a>`)
	}
	return ast.WalkSkipChildren, nil
}
