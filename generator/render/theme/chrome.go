package theme

import (
	"html/template"
	"strings"
	"sync"
	"text/template/parse"
)

// The site's header and footer (the partials header.html and
// footer.html) are the same on every page of a kind, and executing them
// was half the cost of rendering a small page: a page kind's are rendered
// once (see the render package) when they read nothing of the page but
// what every page of the kind shares, as their parse trees tell.

// Chrome holds the header and footer of each page kind of one build, once
// rendered.
type Chrome struct {
	mu    sync.Mutex
	kinds map[string][2]template.HTML
}

// Of is the header and footer of page, a page of kind, rendered with it
// the first time; ok is false when the theme's partials read more of a
// page than its kind shares, and every page renders its own.
func (c *Chrome) Of(th *Theme, kind string, page any) (header, footer template.HTML, ok bool, err error) {
	t := th.Page(kind)
	if t == nil || !th.ChromeOnce(kind) {
		return "", "", false, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	parts, made := c.kinds[kind]
	if !made {
		for i, name := range ChromeParts {
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, name, page); err != nil {
				return "", "", false, err
			}
			parts[i] = template.HTML(b.String()) //nolint:gosec // the theme's own markup, escaped by html/template
		}
		if c.kinds == nil {
			c.kinds = map[string][2]template.HTML{}
		}
		c.kinds[kind] = parts
	}
	return parts[0], parts[1], true, nil
}

// chromeRoots are the fields of a page the header and footer may read to
// be rendered once per kind.
var chromeRoots = map[string]bool{"Site": true, "Kind": true, "Feed": true, "CSS": true, "Browse": true}

// ChromeParts are the partials rendered once per kind.
var ChromeParts = []string{"partials/header.html", "partials/footer.html"}

// readsOnly tells whether the templates named, in t, read nothing of the
// page they are given but the fields roots, directly or through the
// templates they call.
func readsOnly(t *template.Template, roots map[string]bool, names ...string) bool {
	seen := map[string]bool{}
	var tmpl func(name string) bool
	tmpl = func(name string) bool {
		if seen[name] {
			return true
		}
		seen[name] = true
		x := t.Lookup(name)
		if x == nil || x.Tree == nil {
			return false
		}
		w := &chromeWalk{roots: roots, call: tmpl}
		return w.node(x.Tree.Root, true)
	}
	for _, n := range names {
		if !tmpl(n) {
			return false
		}
	}
	return true
}

// chromeWalk checks the nodes of a template; page says whether dot is
// the page (else it is a value read from an allowed field).
type chromeWalk struct {
	roots map[string]bool
	call  func(name string) bool
}

func (w *chromeWalk) node(n parse.Node, page bool) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !w.node(c, page) {
				return false
			}
		}
		return true
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return true
	case *parse.ActionNode:
		return w.pipe(n.Pipe, page)
	case *parse.IfNode:
		return w.pipe(n.Pipe, page) && w.node(n.List, page) && w.node(n.ElseList, page)
	case *parse.WithNode:
		return w.pipe(n.Pipe, page) && w.node(n.List, false) && w.node(n.ElseList, page)
	case *parse.RangeNode:
		return w.pipe(n.Pipe, page) && w.node(n.List, false) && w.node(n.ElseList, page)
	case *parse.TemplateNode:
		if n.Pipe == nil {
			return w.call(n.Name)
		}
		if page && len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1 {
			if _, dot := n.Pipe.Cmds[0].Args[0].(*parse.DotNode); dot {
				return w.call(n.Name)
			}
		}
		// Given a value read from an allowed field, the template may
		// read anything of it.
		return w.pipe(n.Pipe, page)
	}
	return false
}

func (w *chromeWalk) pipe(p *parse.PipeNode, page bool) bool {
	if p == nil {
		return true
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if !w.arg(a, page) {
				return false
			}
		}
	}
	return true
}

func (w *chromeWalk) arg(a parse.Node, page bool) bool {
	switch a := a.(type) {
	case *parse.FieldNode:
		return !page || w.roots[a.Ident[0]]
	case *parse.VariableNode:
		// $ is the page; other variables were read from allowed fields.
		return a.Ident[0] != "$" || len(a.Ident) > 1 && w.roots[a.Ident[1]]
	case *parse.DotNode:
		return !page
	case *parse.ChainNode:
		return w.arg(a.Node, page)
	case *parse.PipeNode:
		return w.pipe(a, page)
	case *parse.IdentifierNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return true
	}
	return false
}
