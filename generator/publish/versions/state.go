package versions

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The state file says which slot it was written for and how the other slot
// differs from it, so that a build brings the other slot up to date by
// touching only those files:
//
//	plenary versions 1
//	current a
//	f reports/x/index.html      a file that differs, or is on one side only
//	p 1048576 data/statements.csv  a file made of parts, its first bytes the same
//
// "unknown" in place of the lines after current says the other slot may
// differ anywhere: a build then compares every file.
const stateHeader = "plenary versions 1"

// difference is how the slot a build writes differs from the published
// one.
type difference struct {
	files []string         // site paths whose files differ or are on one side only
	parts map[string]int64 // files made of parts, with how many bytes they begin alike
}

// Changes are what a build changed in its slot, once it had brought it up
// to date with the published one: after the switch, how the other slot
// differs from the published one.
type Changes struct {
	// Full says every file was written: the other slot may differ
	// anywhere.
	Full bool
	// Written and Removed are the site paths the build wrote and removed,
	// slash-separated, files made of parts aside.
	Written, Removed []string
	// Parts are the files made of parts, with how many bytes at their
	// beginning the build left as they were.
	Parts map[string]int64
}

// readState reads the state file; nil when it was not written for the
// slot published now, or says nothing certain.
func readState(dir, current string) *difference {
	data, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil {
		return nil
	}
	return parseState(data, current)
}

// parseState reads a state file's content; nil when it says nothing
// certain of the slot published now.
func parseState(data []byte, current string) *difference {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != stateHeader || !sc.Scan() || sc.Text() != "current "+current {
		return nil
	}
	d := &difference{parts: map[string]int64{}}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "unknown":
			return nil
		case strings.HasPrefix(line, "f "):
			d.files = append(d.files, line[2:])
		case strings.HasPrefix(line, "p "):
			n, path, ok := strings.Cut(line[2:], " ")
			size, err := strconv.ParseInt(n, 10, 64)
			if !ok || err != nil || size < 0 {
				return nil
			}
			d.parts[path] = size
		default:
			return nil
		}
	}
	if sc.Err() != nil {
		return nil
	}
	for _, p := range d.files {
		if !local(p) {
			return nil
		}
	}
	for p := range d.parts {
		if !local(p) {
			return nil
		}
	}
	return d
}

// local tells whether a path from the state file stays in the site.
func local(p string) bool { return p != "" && filepath.IsLocal(filepath.FromSlash(p)) }

// writeState writes the state file for the published slot current; nil
// changes say the other slot may differ anywhere.
func writeState(dir, current string, c *Changes) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\ncurrent %s\n", stateHeader, current)
	if c == nil || c.Full {
		b.WriteString("unknown\n")
	} else {
		files := append(append([]string(nil), c.Written...), c.Removed...)
		sort.Strings(files)
		for _, p := range files {
			fmt.Fprintf(&b, "f %s\n", p)
		}
		parts := make([]string, 0, len(c.Parts))
		for p := range c.Parts {
			parts = append(parts, p)
		}
		sort.Strings(parts)
		for _, p := range parts {
			fmt.Fprintf(&b, "p %d %s\n", c.Parts[p], p)
		}
	}
	return replaceFile(filepath.Join(dir, stateFile), b.Bytes())
}

// replaceFile writes a file by making it beside its place and renaming it
// there, so that a build stopped half-way leaves the old file or the new.
func replaceFile(path string, data []byte) error {
	tmp := path + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
