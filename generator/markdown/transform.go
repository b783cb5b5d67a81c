package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var idAttr = []byte("id")

// anchors numbers every list item and every paragraph that is not inside a
// list item, in document order. The numbering depends on the source alone,
// so a link to "#p-7" keeps pointing at the same text across builds.
type anchors struct{}

func (a *anchors) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	n := 0
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node.(type) {
		case *ast.ListItem:
		case *ast.Paragraph:
			if insideListItem(node) {
				return ast.WalkContinue, nil
			}
		default:
			return ast.WalkContinue, nil
		}
		n++
		node.SetAttribute(idAttr, []byte("p-"+strconv.Itoa(n)))
		return ast.WalkContinue, nil
	})
}

func insideListItem(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			return true
		}
	}
	return false
}

func insideQuote(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindBlockquote {
			return true
		}
	}
	return false
}

func anchorNumber(n ast.Node) (int, bool) {
	v, ok := n.AttributeString("id")
	if !ok {
		return 0, false
	}
	b, _ := v.([]byte)
	if !bytes.HasPrefix(b, []byte("p-")) {
		return 0, false
	}
	num, err := strconv.Atoi(string(b[2:]))
	return num, err == nil
}

// links puts root-relative link and image destinations under the site's
// base path, so "/sessions/x/" written by an editor works when the archive
// is published at "https://host/archive/".
type links struct{ base string }

func (l *links) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if l.base == "" || l.base == "/" {
		return
	}
	fix := func(dest []byte) []byte {
		if len(dest) > 0 && dest[0] == '/' && (len(dest) == 1 || dest[1] != '/') {
			return append([]byte(l.base), dest[1:]...)
		}
		return dest
	}
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := node.(type) {
		case *ast.Link:
			n.Destination = fix(n.Destination)
		case *ast.Image:
			n.Destination = fix(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}
