package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/plenary-archive/plenary/generator/importer/escape"
)

type blockKind int

const (
	paragraph blockKind = iota
	heading
	list
	olist // a numbered list
)

// block is a paragraph (lines), a heading (one line) or a list (items,
// each its first line and any continuation lines), with the speaker of
// the transcript turn it belongs to.
type block struct {
	kind  blockKind
	lines []string
	items [][]string
	nums  []int // olist: the number of each item
	line  int   // where it starts in the input
	who   *label
	lead  bool // the first block of a speaker's turn: it names the speaker
}

// bodyText is the Markdown of a report's text and what the import learned
// making it.
type bodyText struct {
	markdown   string
	speakers   map[string][]string // paragraph ID → speaker names
	paragraphs int                 // anchored blocks: paragraphs and list items
	chars      int                 // characters of text
	longest    struct{ chars, line int }
}

// orderedItem matches a numbered list item: "1. text", "2) text".
var orderedItem = regexp.MustCompile(`^([0-9]{1,3})[.)]\s+(\S.*)$`)

// renderBody turns the report's text into Markdown.
//
// Plain text marks structure with blank lines between paragraphs, bullet
// characters, numbers and a line ending in ":" before a list; text copied
// from a web page often has single line breaks only, so paragraphs are
// also told apart by sentence ends, indentation and short title lines
// (splitRun). A line that introduces a list becomes a heading because it
// names what the list is about, which is what readers scan for. A line
// that is only a speaker's name (a transcript's label) is not a paragraph:
// it names the speaker of what follows until the next label.
func (im *Importer) renderBody(name string, ls []line, transcript bool) (*bodyText, error) {
	numbered := numberedItems(ls)
	var blocks []*block
	var run []line
	var who *label
	lead := false
	last := func() *block {
		if len(blocks) == 0 {
			return nil
		}
		return blocks[len(blocks)-1]
	}
	add := func(b *block) {
		if who != nil {
			b.who, b.lead = who, lead
			lead = false
		}
		blocks = append(blocks, b)
	}
	flush := func() {
		for _, b := range im.runBlocks(run) {
			if b.kind == heading {
				who = nil
			}
			add(b)
		}
		run = run[:0]
	}
	afterBlank := true // nothing before the body counts as a paragraph to continue
	inItem := false    // the previous non-blank line belongs to a list item
	for i, l := range ls {
		if l.blank() {
			afterBlank = true
			continue
		}
		text := l.trimmed()
		indented := len(text) < len(l.text)
		if l.heading {
			flush()
			who = nil
			add(&block{kind: heading, lines: []string{text}, line: l.n})
			inItem, afterBlank = false, true
			continue
		}
		item, isBullet := bullet(text)
		num, isNumbered := numbered[i]
		if isBullet || isNumbered {
			kind := list
			if isNumbered {
				kind = olist
				m := orderedItem.FindStringSubmatch(text)
				item = m[2]
			} else if item == "" {
				return nil, &ParseError{Name: name, Line: l.n, Msg: "empty list item",
					Hint: "remove the bullet or write the item's text after it"}
			}
			flush()
			if b := last(); b != nil && b.kind == kind && (kind == list || num == b.nums[len(b.nums)-1]+1) {
				// Blank lines between items do not end a list: plain
				// text often spaces items out.
				b.items = append(b.items, []string{item})
				b.nums = append(b.nums, num)
			} else {
				if promoteHeading(&blocks) {
					who = nil
				}
				add(&block{kind: kind, items: [][]string{{item}}, nums: []int{num}, line: l.n})
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
		if lb, ok := labelOf(text, im.gz); ok && im.isLabelLine(ls, i, run, afterBlank, transcript, numbered) {
			flush()
			who, lead = &lb, true
			inItem, afterBlank = false, true
			continue
		}
		if afterBlank && len(run) > 0 {
			flush()
		}
		run = append(run, l)
		inItem, afterBlank = false, false
	}
	flush()
	return im.markdown(blocks), nil
}

// isLabelLine tells whether the label-like line at i stands alone as a
// speaker's label: after a blank line or a finished sentence, and before
// the speaker's text. Outside transcripts a label before a list is the
// list's heading, as any line ending in ":" before a list is.
func (im *Importer) isLabelLine(ls []line, i int, run []line, afterBlank, transcript bool, numbered map[int]int) bool {
	if !afterBlank && len(run) > 0 && !endsSentence(run[len(run)-1].trimmed()) {
		return false
	}
	j := nextNonBlank(ls, i+1)
	if j == len(ls) || ls[j].heading {
		return false
	}
	next := ls[j].trimmed()
	if _, ok := labelOf(next, im.gz); ok {
		return false
	}
	if _, isBullet := bullet(next); isBullet || numbered[j] != 0 {
		return transcript
	}
	return true
}

// numberedItems finds the lines that are items of a numbered list: a line
// "N. text" is one when the next or previous such line (blank lines
// between allowed) is numbered N+1 or N-1, so a lone "1. not a list" or
// "In 2021. Then" stays text.
func numberedItems(ls []line) map[int]int {
	type cand struct{ i, n int }
	var cs []cand
	for i, l := range ls {
		if l.heading || l.blank() {
			continue
		}
		if m := orderedItem.FindStringSubmatch(l.trimmed()); m != nil {
			n, _ := strconv.Atoi(m[1])
			cs = append(cs, cand{i, n})
		}
	}
	out := map[int]int{}
	for k := 0; k+1 < len(cs); k++ {
		a, b := cs[k], cs[k+1]
		if b.n == a.n+1 && nextNonBlank(ls, a.i+1) == b.i {
			out[a.i], out[b.i] = a.n, b.n
		}
	}
	return out
}

// promoteHeading turns the last line of the last paragraph into a heading
// when it ends in ":", since a list follows it. Lines above it in the same
// paragraph stay a paragraph of their own. It reports whether it did.
func promoteHeading(blocks *[]*block) bool {
	bs := *blocks
	if len(bs) == 0 || bs[len(bs)-1].kind != paragraph {
		return false
	}
	p := bs[len(bs)-1]
	t := p.lines[len(p.lines)-1]
	if !strings.HasSuffix(t, ":") {
		return false
	}
	h := strings.TrimRight(strings.TrimSuffix(t, ":"), " \t")
	if h == "" {
		return false
	}
	p.lines = p.lines[:len(p.lines)-1]
	if len(p.lines) == 0 {
		bs = bs[:len(bs)-1]
	}
	*blocks = append(bs, &block{kind: heading, lines: []string{h}, line: p.line})
	return true
}

// markdown writes the blocks, numbering paragraphs and list items as the
// site numbers them, and lists the speakers of each.
func (im *Importer) markdown(blocks []*block) *bodyText {
	out := &bodyText{}
	var parts []string
	n := 0
	speak := func(b *block) {
		n++
		if b.who != nil && b.who.entity {
			if out.speakers == nil {
				out.speakers = map[string][]string{}
			}
			out.speakers["p-"+strconv.Itoa(n)] = []string{b.who.name}
		}
	}
	// lead writes a block's first line after its speaker's lead-in, if
	// it has one.
	lead := func(s *strings.Builder, b *block) {
		if b.lead {
			s.WriteString("**" + escape.Inline(b.who.name) + ":** ")
		}
	}
	for _, b := range blocks {
		var s strings.Builder
		switch b.kind {
		case paragraph:
			speak(b)
			chars := 0
			for _, t := range b.lines {
				chars += len(t) + 1
			}
			lead(&s, b)
			s.WriteString(strings.Join(escape.Lines(b.lines, b.lead), "\n"))
			out.chars += chars
			if chars > out.longest.chars {
				out.longest.chars, out.longest.line = chars, b.line
			}
		case heading:
			s.WriteString("## ")
			s.WriteString(escape.Heading(b.lines[0]))
		case list, olist:
			for i, it := range b.items {
				speak(b)
				if i > 0 {
					s.WriteByte('\n')
				}
				marker := "- "
				indent := "\n  "
				if b.kind == olist {
					marker = strconv.Itoa(b.nums[i]) + ". "
					indent = "\n" + strings.Repeat(" ", len(marker))
				}
				s.WriteString(marker)
				if i == 0 {
					lead(&s, b)
				}
				s.WriteString(strings.Join(escape.Lines(it, i == 0 && b.lead), indent))
				for _, c := range it {
					out.chars += len(c) + 1
				}
			}
		}
		parts = append(parts, s.String())
	}
	out.markdown = strings.Join(parts, "\n\n")
	out.paragraphs = n
	return out
}
