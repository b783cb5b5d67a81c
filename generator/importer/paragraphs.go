package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runBlocks makes blocks of a run of text lines with no blank line between
// them: a list of lines ending in ";" after a line ending in ":" (a list
// whose bullets were lost in copying), and paragraphs told apart by
// splitRun.
func (im *Importer) runBlocks(run []line) []*block {
	if len(run) == 0 {
		return nil
	}
	var out []*block
	if c, end, ok := semicolonList(run); ok {
		out = append(out, paragraphBlocks(run[:c])...)
		if h := strings.TrimSpace(strings.TrimSuffix(run[c].trimmed(), ":")); h != "" {
			out = append(out, &block{kind: heading, lines: []string{h}, line: run[c].n})
		}
		items := &block{kind: list, line: run[c+1].n}
		for _, l := range run[c+1 : end] {
			items.items = append(items.items, []string{l.trimmed()})
			items.nums = append(items.nums, 0)
		}
		out = append(out, items)
		return append(out, im.runBlocks(run[end:])...)
	}
	return append(out, paragraphBlocks(run)...)
}

func paragraphBlocks(run []line) []*block {
	if len(run) == 0 {
		return nil
	}
	var out []*block
	for _, p := range splitRun(run) {
		b := &block{kind: paragraph, line: p[0].n}
		for _, l := range p {
			b.lines = append(b.lines, l.trimmed())
		}
		out = append(out, b)
	}
	return out
}

// semicolonList finds, in a run, a line ending in ":" followed by at least
// two lines each ending in ";" (the last item may end in "."): run[c] is
// the line that introduces the list, run[c+1:end] its items.
func semicolonList(run []line) (c, end int, ok bool) {
	for c = 0; c+2 < len(run); c++ {
		if !strings.HasSuffix(run[c].trimmed(), ":") {
			continue
		}
		j := c + 1
		for j < len(run) && endsItem(run[j].trimmed()) {
			j++
		}
		if j < len(run) && j-(c+1) >= 1 && startsLower(run[j].trimmed()) && endsSentence(run[j].trimmed()) {
			j++ // the last item ends the sentence
		}
		if j-(c+1) >= 2 {
			return c, j, true
		}
	}
	return 0, 0, false
}

func endsItem(t string) bool {
	return strings.HasSuffix(t, ";") || strings.HasSuffix(t, "; and") || strings.HasSuffix(t, "; or")
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// splitRun splits a run of lines into paragraphs.
//
// Text copied from a web page has one line per paragraph and no blank
// lines: most lines end a sentence, and a new paragraph starts after each.
// Hard-wrapped text has most lines end mid-sentence, and a paragraph ends
// only where a line that ends a sentence is clearly shorter than the
// others, or where the next line is indented as a paragraph's first line.
// Short lines without a full stop (titles) are paragraphs of their own in
// copied text.
func splitRun(run []line) [][]line {
	n := len(run)
	if n == 1 {
		return [][]line{run}
	}
	ends, width := 0, 0
	for i, l := range run {
		w := utf8.RuneCountInString(l.trimmed())
		width = max(width, w)
		if i < n-1 && (endsSentence(l.trimmed()) || titleLike(l.trimmed())) {
			ends++
		}
	}
	wrapped := 2*ends < n-1
	var out [][]line
	start := 0
	for i := 0; i+1 < n; i++ {
		a, b := run[i].trimmed(), run[i+1].trimmed()
		brk := false
		switch {
		case !startsNew(b):
		case !wrapped:
			brk = endsSentence(a) || titleLike(a)
		default:
			short := utf8.RuneCountInString(a)*10 < width*7
			firstIndent := len(run[i+1].text) > len(b) && len(run[i].text) == len(a)
			brk = endsSentence(a) && (short || firstIndent)
		}
		if brk {
			out = append(out, run[start:i+1])
			start = i + 1
		}
	}
	return append(out, run[start:])
}

// startsNew tells whether a line can start a paragraph: its first letter
// or digit, after opening quotes or brackets, is a capital or a digit.
func startsNew(t string) bool {
	for _, r := range t {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return false
		case strings.ContainsRune(`"'“‘«(¿¡[`, r):
			continue
		default:
			return false
		}
	}
	return false
}

// lowerWords end a line that goes on, whatever its length.
var lowerWords = map[string]bool{
	"and": true, "or": true, "of": true, "the": true, "to": true, "in": true, "for": true, "with": true,
	"a": true, "an": true, "on": true, "by": true, "that": true, "which": true, "as": true, "at": true,
	"from": true, "its": true, "their": true, "is": true, "are": true, "was": true, "were": true,
}

// titleLike tells whether a line is a title of its own in copied text:
// short, capitalised, without a sentence's end, and not ending on a word
// that needs more.
func titleLike(t string) bool {
	if t == "" || utf8.RuneCountInString(t) > 50 || endsSentence(t) || !startsNew(t) || strings.Contains(t, ",") {
		return false
	}
	words := strings.Fields(t)
	if len(words) > 8 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(",;:-–—(", r) {
		return false
	}
	return !lowerWords[strings.ToLower(words[len(words)-1])]
}
