package content

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
)

// File is one source file split into its TOML front matter and Markdown
// body, with enough positions to point editors at the right line.
type File struct {
	Path      string   // slash-separated, relative to the archive's root
	Front     []byte   // TOML text between the +++ lines
	FrontLine int      // line number of the first line of Front
	Body      []byte   // Markdown after the closing +++
	BodyLine  int      // line number of the first line of Body
	Hash      [32]byte // SHA-256 of the file as read, for incremental builds
	// Stamp is the file's stat data before it was read, when HasStamp.
	Stamp    Stamp
	HasStamp bool
	// Unread says the file was known unchanged by its stamp (see Known)
	// and not read: Body is nil, and ReadBody reads it when needed.
	Unread bool
}

var bom = []byte("\ufeff")

// Split separates front matter from body. It accepts a byte-order mark and
// CRLF line ends, so files saved by any editor read the same.
func Split(path string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, bom)
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		return nil, generator.Errorf(path, firstInvalidLine(data), "save the file as UTF-8", "the file is not valid UTF-8")
	}
	if !bytes.HasPrefix(data, []byte("+++\n")) {
		if bytes.Equal(bytes.TrimRight(data, " \t"), []byte("+++")) {
			return nil, generator.Errorf(path, 1, `close the front matter with a line "+++"`, "front matter is not closed")
		}
		return nil, generator.Errorf(path, 1, `start the file with a line "+++", the TOML front matter, and another "+++"`, "no front matter")
	}
	rest := data[4:]
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == "+++" {
			f := &File{Path: path, Front: rest[:off], FrontLine: 2, BodyLine: line + 1}
			if end >= 0 {
				f.Body = rest[off+end+1:]
			}
			return f, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, generator.Errorf(path, 1, `close the front matter with a line "+++"`, "front matter is not closed")
}

var keyLine = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)

// keyLines maps each top-level key to its line, so that errors found after
// decoding (an unknown session, a missing state) still name a line.
func keyLines(front []byte, first int) map[string]int {
	m := map[string]int{}
	inTable := false
	for i, l := range bytes.Split(front, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] == '[' {
			inTable = true
			continue
		}
		if inTable {
			continue
		}
		if sm := keyLine.FindSubmatch(l); sm != nil {
			if _, seen := m[string(sm[1])]; !seen {
				m[string(sm[1])] = first + i
			}
		}
	}
	return m
}

// Line returns the line of key, or of the front matter's first line when
// the key is absent (a missing required field is reported there). It
// scans the front matter on every call: lines are asked for errors only,
// and an archive has tens of thousands of files without one.
func (f *File) Line(key string) int {
	if l, ok := keyLines(f.Front, f.FrontLine)[key]; ok {
		return l
	}
	return 1
}

// TableLine returns the line of the table header "[name]" in the front
// matter, or of the key name when it is written inline ("name = {…}"),
// or 1 when neither is there.
func (f *File) TableLine(name string) int {
	for i, l := range bytes.Split(f.Front, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if string(t) == "["+name+"]" {
			return f.FrontLine + i
		}
	}
	return f.Line(name)
}

// EntryLines maps each key of the table name in the front matter to its
// line: the lines of a "[name]" table's entries, or, for an inline table
// ("name = {…}"), the line of name for every key. Keys are read as TOML
// writes them, bare or quoted.
func (f *File) EntryLines(name string) map[string]int {
	out := map[string]int{}
	lines := bytes.Split(f.Front, []byte("\n"))
	in := false
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] == '[' {
			in = string(t) == "["+name+"]"
			continue
		}
		if !in {
			continue
		}
		if m := entryKey.FindSubmatch(t); m != nil {
			key := string(m[1])
			if key == "" {
				key = string(m[2])
			}
			if _, seen := out[key]; !seen {
				out[key] = f.FrontLine + i
			}
		}
	}
	if len(out) == 0 {
		if line, ok := keyLines(f.Front, f.FrontLine)[name]; ok {
			for _, m := range inlineKey.FindAllSubmatch(lines[line-f.FrontLine], -1) {
				key := string(m[1])
				if key == "" {
					key = string(m[2])
				}
				out[key] = line
			}
		}
	}
	return out
}

var (
	entryKey  = regexp.MustCompile(`^(?:"([^"]*)"|([A-Za-z0-9_-]+))\s*=`)
	inlineKey = regexp.MustCompile(`[{,]\s*(?:"([^"]*)"|([A-Za-z0-9_-]+))\s*=`)
)

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
