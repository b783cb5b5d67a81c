package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// line is one input line after normalisation, with its number in the input
// as an editor shows it, so errors point at the right place whatever was
// normalised away.
type line struct {
	n    int
	text string // no line end, no trailing spaces, non-breaking spaces as spaces
	// heading marks a heading of a web page, which becomes a Markdown
	// heading whatever it says.
	heading bool
	// dropped marks page furniture, which counts as a blank line.
	dropped bool
}

func (l line) blank() bool { return l.dropped || strings.TrimLeft(l.text, " \t") == "" }

// trimmed is the line without its indentation.
func (l line) trimmed() string { return strings.TrimLeft(l.text, " \t") }

func nextNonBlank(ls []line, i int) int {
	for i < len(ls) && ls[i].blank() {
		i++
	}
	return i
}

// nbspReplacer folds the no-break spaces that copying from web pages and
// word processors leaves in text: they are invisible, so the same report
// with and without them must import the same.
var nbspReplacer = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// splitLines normalises everything an editor or a copy-and-paste may change
// without changing what the text says (byte-order mark, CRLF or CR line
// ends, no-break spaces, trailing spaces) and refuses bytes that cannot be
// plain text, which would otherwise end up unescaped in the output.
func splitLines(name string, data []byte) ([]line, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	raw := strings.Split(string(data), "\n")
	var out []line
	n := 1
	for _, r := range raw {
		// A CR before LF is a CRLF line end; any other CR is an old-style
		// line end of its own, so it counts as a line for error positions.
		r = strings.TrimSuffix(r, "\r")
		for part := range strings.SplitSeq(r, "\r") {
			if !utf8.ValidString(part) {
				return nil, &ParseError{Name: name, Line: n, Msg: "the text is not valid UTF-8", Hint: "save the report as UTF-8"}
			}
			for _, c := range part {
				if (c < 0x20 && c != '\t') || c == 0x7f {
					return nil, &ParseError{Name: name, Line: n,
						Msg:  fmt.Sprintf("control character %U in the text", c),
						Hint: "remove it: a report holds only printable characters, tabs and line ends"}
				}
			}
			out = append(out, line{n: n, text: strings.TrimRight(nbspReplacer.Replace(part), " \t")})
			n++
		}
	}
	return out, nil
}
