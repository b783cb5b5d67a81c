// Package webpage turns a saved or fetched web page into the article it
// carries: the title, and the headings, paragraphs and list items of the
// text, as plain text. Navigation, headers and footers, scripts and
// styles, forms, share and subscription widgets and everything hidden are
// left out, and no markup, attribute or address of the page survives: the
// importer reads the result as it reads a pasted report, and escapes it.
//
// It also fetches pages (Fetch), bounded in time, size and redirects, over
// http and https only.
package webpage

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxBytes bounds a page: larger ones are refused, not cut, since a cut
// page would import as a shorter report without a word.
const MaxBytes = 8 << 20

// maxBlocks bounds the blocks of one article.
const maxBlocks = 100_000

// Kind is what a block of an article is.
type Kind int

// The kinds of block.
const (
	Paragraph Kind = iota
	Heading
	Item // a list item
)

// Block is one heading, paragraph or list item, as plain text with its
// spaces collapsed.
type Block struct {
	Kind Kind
	Text string
}

// Article is the text of a page.
type Article struct {
	Title  string
	Blocks []Block
}

// skipped are elements whose content is never the article's text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Form: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Menu: true, atom.Dialog: true,
	atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Source: true,
	atom.Head: true, atom.Link: true, atom.Meta: true, atom.Figure: true, atom.Label: true,
}

// blockElements end the text before them and start a new block.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Details: true, atom.Dd: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Figcaption: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Summary: true, atom.Body: true, atom.Br: true,
	atom.Caption: true,
}

// furnitureName matches the class, id or role of a page's furniture.
var furnitureName = regexp.MustCompile(`(?i)(^|[\s_-])(share|sharing|social|newsletter|subscribe|subscription|related|comments?|cookies?|banner|breadcrumbs?|menu|nav|navbar|navigation|footer|sidebar|widget|advert|ads|promo|popup|modal|toolbar|print|skip|knowledge-graph|graph)($|[\s_-])`)

// skipRoles are ARIA roles of furniture.
var skipRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"dialog": true, "menu": true, "menubar": true, "toolbar": true, "alert": true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// furniture tells whether an element and its content are no part of the
// article.
func furniture(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode || n.Type == html.DoctypeNode
	}
	if skipped[n.DataAtom] || n.DataAtom == 0 && n.Namespace != "" {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") || skipRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none") {
		return true
	}
	if n.DataAtom == atom.Header && !contains(n, atom.H1) {
		return true // a site's header, not the article's
	}
	return furnitureName.MatchString(attr(n, "class")) || furnitureName.MatchString(attr(n, "id"))
}

func contains(n *html.Node, a atom.Atom) bool {
	// Parse nests at most 512 elements deep, so this walk is bounded.
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return true
		}
	}
	return false
}

// Extract reads an HTML document (at most MaxBytes) and returns its
// article.
func Extract(data []byte) (*Article, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("the page is %d bytes, more than the %d an import reads", len(data), MaxBytes)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the page cannot be read as HTML: %v", err)
	}
	m := measure(doc)
	a := &Article{}
	w := &walker{a: a, m: m}
	w.walk(m.root())
	w.flush()
	// Without a first-level heading, the article's first heading is its
	// title, and the page's <title> (which often names the site) is the
	// last resort.
	if a.Title == "" && len(a.Blocks) > 0 && a.Blocks[0].Kind == Heading {
		a.Title, a.Blocks = a.Blocks[0].Text, a.Blocks[1:]
	}
	if a.Title == "" {
		a.Title = pageTitle(doc)
	}
	return a, nil
}

// measures are what one pass over the document learns: which nodes are
// furniture or inside it, and how much visible text each element holds.
type measures struct {
	order  []*html.Node // document order
	hidden map[*html.Node]bool
	text   map[*html.Node]int
}

func measure(doc *html.Node) *measures {
	m := &measures{hidden: map[*html.Node]bool{}, text: map[*html.Node]int{}}
	for n := range doc.Descendants() {
		m.order = append(m.order, n)
		if furniture(n) || n.Parent != nil && m.hidden[n.Parent] {
			m.hidden[n] = true
		}
	}
	// Children come after their parents in document order: walking it
	// backwards adds each node's text to its parent after its own.
	for i := len(m.order) - 1; i >= 0; i-- {
		n := m.order[i]
		if m.hidden[n] {
			continue
		}
		if n.Type == html.TextNode {
			m.text[n] = len(strings.TrimSpace(n.Data))
		}
		if n.Parent != nil {
			m.text[n.Parent] += m.text[n]
		}
	}
	return m
}

// root is the element holding the article: the <article> with the most
// text, else <main> or the element whose role is "main", else the element
// whose paragraphs hold the most text when they are at least half the
// page's, else the body. Ties go to the first in document order.
func (m *measures) root() *html.Node {
	var article, main, body, top *html.Node
	scores := map[*html.Node]int{}
	topScore := 0
	for _, n := range m.order {
		if n.Type != html.ElementNode || m.hidden[n] {
			continue
		}
		switch {
		case n.DataAtom == atom.Article:
			if article == nil || m.text[n] > m.text[article] {
				article = n
			}
		case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
			if main == nil {
				main = n
			}
		case n.DataAtom == atom.Body:
			body = n
		case n.DataAtom == atom.P && n.Parent != nil:
			scores[n.Parent] += m.text[n]
			if s := scores[n.Parent]; s > topScore {
				top, topScore = n.Parent, s
			}
		}
	}
	switch {
	case article != nil:
		return article
	case main != nil:
		return main
	case top != nil && body != nil && topScore*2 >= m.text[body]:
		return top
	case body != nil:
		return body
	}
	return m.order[0].Parent
}

// pageTitle is the document's <title>, without the site's name after a bar.
func pageTitle(doc *html.Node) string {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			t := collapse(textOf(n))
			for _, sep := range []string{" | ", " :: ", " · "} {
				if i := strings.LastIndex(t, sep); i > 0 {
					t = t[:i]
				}
			}
			return strings.TrimSpace(t)
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// collapse folds runs of white space into one space and trims the ends.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
