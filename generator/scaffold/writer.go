package scaffold

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
)

// ErrExists is the error of a write to a file that exists.
var ErrExists = errors.New("the file exists")

// Writer writes files under an archive's content/ folder through an
// os.Root, so that nothing it writes lands outside the archive, and it
// checks every folder on the way: it never writes through a symbolic
// link, even one that points inside the archive.
type Writer struct {
	root *os.Root
}

// Open opens the archive at dir for writing.
func Open(dir string) (*Writer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Writer{root: root}, nil
}

// Close lets go of the archive's folder.
func (w *Writer) Close() error { return w.root.Close() }

// clean checks a slash-separated path relative to the archive: under
// content/, without ".." or empty parts.
func clean(rel string) (string, error) {
	c := path.Clean(rel)
	if c != rel || !strings.HasPrefix(c, "content/") || strings.Contains("/"+c+"/", "/../") || path.IsAbs(c) {
		return "", fmt.Errorf("%s: the importer writes only under content/", rel)
	}
	return c, nil
}

// folders makes the folders of rel that do not exist and refuses any that
// is a symbolic link or not a folder.
func (w *Writer) folders(rel string) error {
	parts := strings.Split(path.Dir(rel), "/")
	for i := range parts {
		dir := strings.Join(parts[:i+1], "/")
		info, err := w.root.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := w.root.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			continue
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link: the importer never writes through one (replace it with a folder)", dir)
		case !info.IsDir():
			return fmt.Errorf("%s is not a folder", dir)
		}
	}
	return nil
}

// Exists tells whether rel exists (as anything, a link included).
func (w *Writer) Exists(rel string) bool {
	_, err := w.root.Lstat(rel)
	return err == nil
}

// ReadFile reads rel, which must be a regular file.
func (w *Writer) ReadFile(rel string) ([]byte, error) {
	c, err := clean(rel)
	if err != nil {
		return nil, err
	}
	info, err := w.root.Lstat(c)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", rel)
	}
	return w.root.ReadFile(c)
}

// Create writes a new file at rel (slash-separated, relative to the
// archive, under content/) and fails with ErrExists if anything is there,
// a dangling link included: the file is created exclusively, so a link
// put in its place meanwhile is not followed either.
func (w *Writer) Create(rel string, data []byte) error {
	c, err := clean(rel)
	if err != nil {
		return err
	}
	if err := w.folders(c); err != nil {
		return err
	}
	if info, err := w.root.Lstat(c); err == nil {
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link: the importer never writes through one", rel)
		}
		return fmt.Errorf("%s: %w", rel, ErrExists)
	}
	f, err := w.root.OpenFile(c, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", rel, ErrExists)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = w.root.Remove(c)
		return err
	}
	if err := f.Close(); err != nil {
		_ = w.root.Remove(c)
		return err
	}
	return nil
}

// Replace writes rel whether or not it exists, by writing a new file
// beside it and renaming it over the old one: a link at rel is replaced,
// never written through, and a failed write leaves the old file whole.
func (w *Writer) Replace(rel string, data []byte) error {
	c, err := clean(rel)
	if err != nil {
		return err
	}
	if err := w.folders(c); err != nil {
		return err
	}
	if info, err := w.root.Lstat(c); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: the importer replaces only files", rel)
	}
	var r [6]byte
	_, _ = rand.Read(r[:])
	tmp := path.Join(path.Dir(c), ".plenary-"+hex.EncodeToString(r[:])+".tmp")
	if err := w.Create(tmp, data); err != nil {
		return err
	}
	if err := w.root.Rename(tmp, c); err != nil {
		_ = w.root.Remove(tmp)
		return err
	}
	return nil
}
