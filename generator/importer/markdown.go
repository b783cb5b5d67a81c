package importer

import (
	"regexp"
	"strings"
)

type blockKind int

const (
	paragraph blockKind = iota
	heading
	list
)

// block is a paragraph (lines), a heading (one line) or a list (items, each
// its first line and any continuation lines).
type block struct {
	kind  blockKind
	lines []string
	items [][]string
}

// renderBody turns the report's text after the kind line into Markdown.
//
// Plain-text reports mark structure in only two ways, blank lines between
// paragraphs and bullet characters, and introduce a list with a line ending
// in ":". That line becomes a heading because it names what the list is
// about, which is what readers scan for; a line ending in ":" that is not
// followed by a list stays a sentence.
func renderBody(name string, ls []line) (string, error) {
	var blocks []*block
	last := func() *block {
		if len(blocks) == 0 {
			return nil
		}
		return blocks[len(blocks)-1]
	}
	afterBlank := true // nothing before the body counts as a paragraph to continue
	inItem := false    // the previous non-blank line belongs to a list item
	for _, l := range ls {
		if l.blank() {
			afterBlank = true
			continue
		}
		text := strings.TrimLeft(l.text, " \t")
		indented := len(text) < len(l.text)
		if item, ok := bullet(text); ok {
			if item == "" {
				return "", &ParseError{Name: name, Line: l.n, Msg: "empty list item",
					Hint: "remove the bullet or write the item's text after it"}
			}
			if b := last(); b != nil && b.kind == list {
				// Blank lines between bullets do not end a list: plain
				// text often spaces items out.
				b.items = append(b.items, []string{item})
			} else {
				promoteHeading(&blocks)
				blocks = append(blocks, &block{kind: list, items: [][]string{{item}}})
			}
			inItem, afterBlank = true, false
			continue
		}
		// An indented line right under an item continues the item, as
		// wrapped plain-text bullets do; an unindented one starts the
		// text after the list.
		if inItem && indented && !afterBlank {
			b := last()
			b.items[len(b.items)-1] = append(b.items[len(b.items)-1], text)
			continue
		}
		if b := last(); b != nil && b.kind == paragraph && !afterBlank {
			b.lines = append(b.lines, text)
		} else {
			blocks = append(blocks, &block{kind: paragraph, lines: []string{text}})
		}
		inItem, afterBlank = false, false
	}

	var out []string
	for _, b := range blocks {
		var s strings.Builder
		switch b.kind {
		case paragraph:
			for i, t := range b.lines {
				if i > 0 {
					s.WriteByte('\n')
				}
				s.WriteString(escapeLine(t))
			}
		case heading:
			s.WriteString("## ")
			s.WriteString(strings.ReplaceAll(escapeInline(b.lines[0]), "#", `\#`))
		case list:
			for i, it := range b.items {
				if i > 0 {
					s.WriteByte('\n')
				}
				s.WriteString("- ")
				s.WriteString(escapeLine(it[0]))
				for _, c := range it[1:] {
					s.WriteString("\n  ")
					s.WriteString(escapeLine(c))
				}
			}
		}
		out = append(out, s.String())
	}
	return strings.Join(out, "\n\n"), nil
}

// promoteHeading turns the last line of the last paragraph into a heading
// when it ends in ":", since a list follows it. Lines above it in the same
// paragraph stay a paragraph of their own.
func promoteHeading(blocks *[]*block) {
	bs := *blocks
	if len(bs) == 0 || bs[len(bs)-1].kind != paragraph {
		return
	}
	p := bs[len(bs)-1]
	t := p.lines[len(p.lines)-1]
	if !strings.HasSuffix(t, ":") {
		return
	}
	h := strings.TrimRight(strings.TrimSuffix(t, ":"), " \t")
	if h == "" {
		return
	}
	p.lines = p.lines[:len(p.lines)-1]
	if len(p.lines) == 0 {
		bs = bs[:len(bs)-1]
	}
	*blocks = append(bs, &block{kind: heading, lines: []string{h}})
}

// bullet reports whether text (without leading spaces) is a list item and
// returns the item's text. "•" and "◦" cannot start a sentence, so they
// need no space after them; "-", "*" and "–" do, or "-5" and "*note*"
// would become items.
func bullet(text string) (item string, ok bool) {
	for _, b := range []string{"•", "◦"} {
		if rest, found := strings.CutPrefix(text, b); found {
			return strings.TrimLeft(rest, " \t"), true
		}
	}
	for _, b := range []string{"-", "*", "–"} {
		rest, found := strings.CutPrefix(text, b)
		if found && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t")) {
			return strings.TrimLeft(rest, " \t"), true
		}
	}
	return "", false
}

// inlineSpecial are the characters that start emphasis, links, raw HTML,
// code spans, strikethrough and table cells. Backslash-escaping any ASCII
// punctuation is valid CommonMark and renders as the character itself, so
// escaping one that would not have been interpreted costs nothing.
const inlineSpecial = "\\*_[]<>`~|"

// entity matches what Markdown would decode as an HTML character
// reference; an "&" elsewhere ("AT&T") is left alone to keep sources
// readable.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(inlineSpecial, r) || (r == '&' && entity.MatchString(s[i:])) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// orderedMarker matches the start of a line that Markdown would read as a
// numbered list item ("1." or "1)").
var orderedMarker = regexp.MustCompile(`^[0-9]+[.)]`)

// escapeLine escapes a line of a paragraph or list item: its inline
// specials and, at its start, what would begin a heading, quote, list,
// setext underline or numbered list.
func escapeLine(s string) string {
	s = escapeInline(s)
	if s != "" && strings.ContainsRune("#>+-=", rune(s[0])) {
		return `\` + s
	}
	if m := orderedMarker.FindString(s); m != "" {
		return m[:len(m)-1] + `\` + s[len(m)-1:]
	}
	return s
}
