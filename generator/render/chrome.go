package render

import (
	"html/template"
	"strings"
	"sync"
	"text/template/parse"
)

// The site's header and footer (the partials header.html and
// footer.html) are the same on every page of a kind, and executing them
// was half the cost of rendering a small page: they are rendered once per
// kind and handed to baseof.html ready-made (Page.Header, Page.Footer),
// when they read nothing of the page but what every page of the kind
// shares. A theme whose partials read more renders them on every page,
// as baseof.html falls back to.

// chromeRoots are the fields of a Page the header and footer may read to
// be rendered once per kind.
var chromeRoots = map[string]bool{"Site": true, "Kind": true, "Feed": true, "CSS": true, "Browse": true}

// chromeParts are the partials rendered once per kind.
var chromeParts = []string{"partials/header.html", "partials/footer.html"}

// chrome holds the header and footer of each page kind, once rendered.
type chrome struct {
	mu    sync.Mutex
	kinds map[string][2]template.HTML
}

// chromeOf gives p its kind's header and footer, rendering them with p
// the first time, when the theme's partials allow.
func (r *Renderer) chromeOf(p *Page) error {
	t := r.theme.pages[p.Kind]
	if t == nil || !r.theme.chromeOnce[p.Kind] {
		return nil
	}
	r.chrome.mu.Lock()
	defer r.chrome.mu.Unlock()
	parts, ok := r.chrome.kinds[p.Kind]
	if !ok {
		for i, name := range chromeParts {
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, name, p); err != nil {
				return err
			}
			parts[i] = template.HTML(b.String()) //nolint:gosec // the theme's own markup, escaped by html/template
		}
		if r.chrome.kinds == nil {
			r.chrome.kinds = map[string][2]template.HTML{}
		}
		r.chrome.kinds[p.Kind] = parts
	}
	p.Header, p.Footer = parts[0], parts[1]
	return nil
}

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
