// Package checksum lists the files of a folder with their sizes and
// CRC-32C checksums, and verifies a folder against its list: the build
// writes the list into the search index folder last, so that the endpoint
// can refuse a damaged folder at start rather than answer some searches
// wrongly (bleve opens a segment with a flipped byte without a word).
// CRC-32C runs in hardware at several gigabytes a second, which keeps the
// check a fraction of a second even for the largest archives.
package checksum

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// File is the list, in the folder it lists.
const File = "plenary-sums.txt"

const sumsHeader = "plenary sums 1"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Write lists every file of dir but File in File, in the order WalkDir
// visits them, which is lexical.
func Write(dir string) error { return WriteReusing(dir, nil) }

// WriteReusing is Write, except that a file that is the very file known
// lists at the same path (a hard link to it: an index updated in place
// links the segments it keeps) takes its size and checksum from known
// instead of being read again.
func WriteReusing(dir string, known *Sums) error {
	var lines []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == File {
			return err
		}
		size, sum, ok := known.of(rel, path)
		if !ok {
			if size, sum, err = checksum(path); err != nil {
				return err
			}
		}
		lines = append(lines, fmt.Sprintf("%08x %d %s", sum, size, filepath.ToSlash(rel)))
		return nil
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, File), []byte(sumsHeader+"\n"+strings.Join(lines, "\n")+"\n"), 0o644)
}

// checksum is the size and CRC-32C of a file.
func checksum(path string) (int64, uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	return n, h.Sum32(), err
}

// Verify checks every file File lists against its size and checksum; an
// error names the folder and the file, and says to rebuild the index.
func Verify(dir string) error {
	_, err := Check(dir)
	return err
}

// Sums are the files of a folder as its list gives them, verified.
type Sums struct {
	dir   string
	files map[string]sum // by slash-separated path
}

type sum struct {
	size int64
	crc  uint32
}

// of gives the size and checksum of the file rel at path when it is the
// very file s lists at rel.
func (s *Sums) of(rel, path string) (int64, uint32, bool) {
	if s == nil {
		return 0, 0, false
	}
	e, ok := s.files[filepath.ToSlash(rel)]
	if !ok {
		return 0, 0, false
	}
	a, errA := os.Lstat(path)
	b, errB := os.Lstat(filepath.Join(s.dir, rel))
	if errA != nil || errB != nil || !os.SameFile(a, b) || a.Size() != e.size {
		return 0, 0, false
	}
	return e.size, e.crc, true
}

// Check is Verify, and returns what the list says once every file
// matched it.
func Check(dir string) (*Sums, error) {
	rebuild := func(format string, args ...any) (*Sums, error) {
		return nil, fmt.Errorf("%s: %s: rebuild it with plenary build", dir, fmt.Sprintf(format, args...))
	}
	data, err := os.ReadFile(filepath.Join(dir, File))
	if errors.Is(err, fs.ErrNotExist) {
		return rebuild("the index has no %s, which lists its files' checksums", File)
	}
	if err != nil {
		return nil, err
	}
	sums := &Sums{dir: dir, files: map[string]sum{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != sumsHeader {
		return rebuild("%s is damaged", File)
	}
	for line := 2; sc.Scan(); line++ {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) != 3 {
			return rebuild("%s:%d is damaged", File, line)
		}
		want, err1 := strconv.ParseUint(f[0], 16, 32)
		size, err2 := strconv.ParseInt(f[1], 10, 64)
		rel := filepath.FromSlash(f[2])
		if err1 != nil || err2 != nil || !filepath.IsLocal(rel) {
			return rebuild("%s:%d is damaged", File, line)
		}
		n, got, err := checksum(filepath.Join(dir, rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return rebuild("%s is missing", f[2])
		case err != nil:
			return nil, fmt.Errorf("%s: %w", dir, err)
		case n != size:
			return rebuild("%s is damaged: it has %d bytes, not the %d the build wrote", f[2], n, size)
		case got != uint32(want):
			return rebuild("%s is damaged: its checksum is not the one the build wrote", f[2])
		}
		sums.files[f[2]] = sum{size, got}
	}
	if len(sums.files) == 0 {
		return rebuild("%s lists no files", File)
	}
	return sums, nil
}
