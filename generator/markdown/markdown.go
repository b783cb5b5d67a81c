// Package markdown owns the one goldmark configuration of a build: the
// extensions, chroma highlighting with CSS classes, paragraph anchors
// ("#p-N" on every paragraph and list item, each ending in a "¶" link to
// itself), root-relative link resolution
// under the site's base path, and the rule that raw HTML in content is shown
// as text, never passed through.
package markdown

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	highlighting "github.com/yuin/goldmark-highlighting/v2"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer parses and renders the archive's Markdown. It is safe for
// concurrent use; create one per build, not per page.
type Renderer struct {
	md goldmark.Markdown
	// prose renders descriptions (of sessions, topics, processes), whose
	// paragraphs are not cited one by one and get no anchors.
	prose goldmark.Markdown
}

// New returns a Renderer whose root-relative links ("/sessions/x/") are
// placed under basePath ("/archive/"), so content works under a sub-path.
func New(basePath string) *Renderer {
	return &Renderer{md: newGoldmark(basePath, true), prose: newGoldmark(basePath, false)}
}

// newGoldmark is the build's goldmark, with paragraph anchors and their
// links or without.
func newGoldmark(basePath string, anchored bool) goldmark.Markdown {
	transformers := []util.PrioritizedValue{util.Prioritized(&links{base: basePath}, 110)}
	renderers := []util.PrioritizedValue{util.Prioritized(&escapeHTML{}, 100)}
	if anchored {
		transformers = append(transformers, util.Prioritized(&anchors{}, 100), util.Prioritized(&paraLinks{}, 105))
		renderers = append(renderers, util.Prioritized(&paraLinkRenderer{}, 100))
	}
	return goldmark.New(
		// First: the options below are added to the parser set here.
		goldmark.WithParser(newBoundedParser()),
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Linkify,
			extension.Footnote,
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(renderers...)),
	)
}

// Block is one anchored block of a document: a paragraph or a list item.
type Block struct {
	N       int
	Line    int    // 1-based line in src where the block starts
	Text    string // plain text
	Heading string // the nearest heading above it
	// Quote says the block is inside a block quotation, and Item that it
	// is a list item: who speaks in it may be said by the block before.
	Quote, Item bool
}

// ID is the block's anchor.
func (b Block) ID() string { return "p-" + strconv.Itoa(b.N) }

// Link is a link or image in a document, for checking where it points.
type Link struct {
	Dest string // as rendered: root-relative links already carry the base path
	Line int    // of the block that holds it
}

// Document is what the site needs to know of a document besides its HTML.
type Document struct {
	Blocks []Block // anchored blocks in document order, numbered as HTML numbers them
	Links  []Link
}

// Analyse parses src once for its blocks and links.
func (r *Renderer) Analyse(src []byte) Document {
	d, _ := r.AnalyseHTML(src, nil)
	return d
}

// AnalyseHTML parses src once for its blocks and links and, when html is
// not nil, renders it there from the same parse, as HTML would.
func (r *Renderer) AnalyseHTML(src []byte, html io.Writer) (Document, error) {
	src = replaceNUL(src)
	doc := r.md.Parser().Parse(text.NewReader(src))
	if html != nil {
		if err := r.md.Renderer().Render(html, src, doc); err != nil {
			return Document{}, err
		}
	}
	var out Document
	var heading string
	lines := lineCounter{src: src, line: 1}
	blockLine := 1
	// A block without lines of its own (a list, a list item) starts where
	// its first child does: the walk enters that child next, so it takes
	// the offset found for its parent instead of searching again, which
	// made nested lists quadratic.
	var lineless ast.Node
	lastOff := -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			off := lastOff
			if lineless == nil || n.Parent() != lineless || lineless.FirstChild() != n {
				off = firstOffset(n)
			}
			lineless, lastOff = nil, off
			if l := n.Lines(); l == nil || l.Len() == 0 {
				lineless = n
			}
			if off >= 0 {
				blockLine = lines.at(off)
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = plain(n, src)
		case *ast.Paragraph, *ast.ListItem:
			if num, ok := anchorNumber(n); ok {
				_, item := n.(*ast.ListItem)
				out.Blocks = append(out.Blocks, Block{N: num, Line: blockLine, Text: plain(n, src), Heading: heading, Quote: insideQuote(n), Item: item})
			}
		case *ast.Link:
			out.Links = append(out.Links, Link{Dest: string(n.Destination), Line: blockLine})
		case *ast.Image:
			out.Links = append(out.Links, Link{Dest: string(n.Destination), Line: blockLine})
		}
		return ast.WalkContinue, nil
	})
	return out, nil
}

// HTML renders src.
func (r *Renderer) HTML(w io.Writer, src []byte) error {
	return r.md.Convert(replaceNUL(src), w)
}

// Prose renders src as a description (of a session, topic or process):
// as HTML does, but without paragraph anchors and their "¶" links, which
// belong to the reports that are cited paragraph by paragraph.
func (r *Renderer) Prose(w io.Writer, src []byte) error {
	return r.prose.Convert(replaceNUL(src), w)
}

// replaceNUL returns src with every NUL byte replaced by U+FFFD, as
// CommonMark asks: goldmark keeps them, and they would reach pages, feeds
// and data files raw. src is returned as it is when it has none.
func replaceNUL(src []byte) []byte {
	if bytes.IndexByte(src, 0) < 0 {
		return src
	}
	return bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
}

// plain is the text of a block without markup; a list item's nested lists
// are their own blocks and are left out.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				continue
			case *ast.Text:
				if c.IsRaw() {
					b.Write(c.Segment.Value(src))
				} else {
					writeUnescaped(&b, c.Segment.Value(src))
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.CodeSpan:
				// A code span's text is as written: backslashes and
				// entities in it are literal.
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						v := t.Segment.Value(src)
						if n := len(v); n > 0 && v[n-1] == '\n' {
							v = append(v[:n-1:n-1], ' ')
						}
						b.Write(v)
					}
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				if c.Type() == ast.TypeBlock && b.Len() > 0 {
					b.WriteByte(' ')
				}
				walk(c)
			}
		}
	}
	walk(n)
	text := strings.TrimSpace(b.String())
	// The builder grows by doubling; the Site keeps every paragraph's
	// text for the whole build, so it keeps them without the slack.
	if b.Cap()-len(text) > 32 {
		text = strings.Clone(text)
	}
	return text
}

// firstOffset is where a block's first line starts in the source.
func firstOffset(n ast.Node) int {
	// Only blocks have lines: an inline node's Lines panics, and an empty
	// list item's first child is its paragraph link.
	for ; n != nil && n.Type() == ast.TypeBlock; n = n.FirstChild() {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	return -1
}

// lineCounter turns increasing byte offsets into line numbers in one pass.
type lineCounter struct {
	src  []byte
	off  int
	line int
}

func (c *lineCounter) at(off int) int {
	if off < c.off {
		return c.line // an offset we cannot place stays on the last known line
	}
	if off > len(c.src) {
		off = len(c.src)
	}
	c.line += bytes.Count(c.src[c.off:off], []byte("\n"))
	c.off = off
	return c.line
}
