// Package annotate marks a report's text with the states it names: in
// the HTML of its body, as the markdown package renders it (minified or
// not: annotating the minified body spares minifying the marks), the first
// mention of each state in each paragraph becomes a link to the state's
// page, so a reader finds the states in the text without reading every
// line. Who speaks in a paragraph is marked after its "¶" link by the
// lists package.
package annotate

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// Forms are the names st is written with, to find it in a text: its
// name, official name, and the gazetteer's aliases and misspellings.
func Forms(st *generator.State) []string {
	forms := []string{st.Name, st.Official}
	if e, ok := gazetteer.Default().Lookup(st.Code); ok {
		forms = append(forms, e.Aliases...)
		forms = append(forms, e.Misspellings...)
	}
	return forms
}

// States are how each of states is found (its forms, escaped, once
// each) and linked (its page) in reports' text.
func States(states []*generator.State) map[*generator.State]State {
	out := make(map[*generator.State]State, len(states))
	for _, st := range states {
		a := State{URL: st.URL}
		seen := map[string]bool{}
		for _, f := range Forms(st) {
			// As text is written: the markdown package escapes "&", "<"
			// and ">" in text, and names have no "<" or ">".
			if f = strings.ReplaceAll(f, "&", "&amp;"); f != "" && !seen[f] {
				seen[f] = true
				a.Forms = append(a.Forms, f)
			}
		}
		out[st] = a
	}
	return out
}

// State is how a state is found and linked in a report's text.
type State struct {
	Forms []string // the names it is written with, escaped as text is ("&amp;")

	URL string // its page
}

// Body annotates html, the body of rep; states gives each state's forms
// and page. Text inside links, code and headings is left alone, and a
// paragraph's states are found only in its own text.
func Body(html []byte, rep *generator.Report, states func(*generator.State) State) []byte {
	byN := make(map[int]*generator.Paragraph, len(rep.Paragraphs))
	for _, p := range rep.Paragraphs {
		if len(p.States) > 0 {
			byN[p.N] = p
		}
	}
	if len(byN) == 0 {
		return html
	}
	a := &annotator{src: html, states: states, byN: byN}
	a.out.Grow(len(html) + len(byN)*160)
	a.run()
	return a.out.Bytes()
}

// open is an element of the body that holds text: a paragraph or list
// item, anchored (n > 0) or not.
type open struct {
	tag     string
	n       int
	pending []*generator.State // states not yet linked in it
}

type annotator struct {
	src    []byte
	out    bytes.Buffer
	states func(*generator.State) State
	byN    map[int]*generator.Paragraph
	stack  []open
	skip   int // depth of links, code and headings, whose text is left alone
}

func (a *annotator) run() {
	s := a.src
	for len(s) > 0 {
		if s[0] != '<' {
			i := bytes.IndexByte(s, '<')
			if i < 0 {
				i = len(s)
			}
			a.text(s[:i])
			s = s[i:]
			continue
		}
		end := bytes.IndexByte(s, '>')
		if end < 0 {
			a.out.Write(s)
			return
		}
		tag := s[:end+1]
		a.out.Write(tag)
		a.tag(tag)
		s = s[end+1:]
	}
}

// tag follows the structure: the anchored paragraphs and list items, and
// the elements whose text is not linked.
func (a *annotator) tag(t []byte) {
	closing := len(t) > 1 && t[1] == '/'
	name := tagName(t)
	switch name {
	case "p", "li":
		if closing {
			if n := len(a.stack); n > 0 && a.stack[n-1].tag == name {
				a.stack = a.stack[:n-1]
			}
			return
		}
		o := open{tag: name, n: anchorOf(t)}
		if p := a.byN[o.n]; p != nil {
			o.pending = append([]*generator.State(nil), p.States...)
		}
		a.stack = append(a.stack, o)
	case "a":
		if closing {
			a.skip--
			return
		}
		a.skip++
	case "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6":
		if closing {
			a.skip--
		} else {
			a.skip++
		}
	}
}

// text writes a run of text, linking the first mention of each state of
// its paragraph not linked yet.
func (a *annotator) text(t []byte) {
	o := a.current()
	if o == nil || a.skip > 0 || len(o.pending) == 0 {
		a.out.Write(t)
		return
	}
	for len(t) > 0 {
		at, n, k := -1, 0, -1
		for i, st := range o.pending {
			for _, f := range a.states(st).Forms {
				if j := wordIndex(t, f); j >= 0 && (at < 0 || j < at) {
					at, n, k = j, len(f), i
				}
			}
		}
		if at < 0 {
			break
		}
		a.out.Write(t[:at])
		a.out.WriteString(`<a class=named href=`)
		a.out.WriteString(attr(a.states(o.pending[k]).URL))
		a.out.WriteString(`>`)
		a.out.Write(t[at : at+n])
		a.out.WriteString("</a>")
		t = t[at+n:]
		o.pending = append(o.pending[:k], o.pending[k+1:]...)
	}
	a.out.Write(t)
}

// current is the innermost anchored paragraph or item being written.
func (a *annotator) current() *open {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if a.stack[i].n > 0 {
			return &a.stack[i]
		}
	}
	return nil
}

// wordIndex is where f occurs in t as whole words, or -1.
func wordIndex(t []byte, f string) int {
	if f == "" {
		return -1
	}
	off := 0
	for {
		i := bytes.Index(t[off:], []byte(f))
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRune(t[:i])
		after, _ := utf8.DecodeRune(t[i+len(f):])
		if (i == 0 || !isWord(before)) && (i+len(f) == len(t) || !isWord(after)) {
			return i
		}
		off = i + 1
	}
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tagName is the lower-case name of the tag t ("<p id=…>", "</li>").
func tagName(t []byte) string {
	i := 1
	if i < len(t) && t[i] == '/' {
		i++
	}
	j := i
	for j < len(t) && (t[j] >= 'a' && t[j] <= 'z' || t[j] >= '0' && t[j] <= '9') {
		j++
	}
	return string(t[i:j])
}

// attr is an attribute's value as minified markup writes it: unquoted
// when nothing in it needs quotes.
func attr(v string) string {
	if v != "" && !strings.ContainsAny(v, " \t\n\f\r\"'=<>`") {
		return v
	}
	return `"` + html.EscapeString(v) + `"`
}

// idAttr is a paragraph's id, quoted or not.
var idAttr = regexp.MustCompile(`\sid="?p-(\d+)[" >]`)

// anchorOf is N of a tag's id="p-N", or 0.
func anchorOf(t []byte) int {
	m := idAttr.FindSubmatch(t)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil {
		return 0
	}
	return n
}
