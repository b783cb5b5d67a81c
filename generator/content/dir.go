package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
)

// CacheDir is the folder, below an archive's root, where builds keep what
// they learnt for the next one.
const CacheDir = ".plenary-cache"

// Root is an archive's root folder opened for reading through an os.Root:
// nothing read through it leaves the folder, so a symbolic link to a file
// elsewhere on the machine (a theme's static file, a layout, a report)
// never carries that file into the site. Links that stay inside the
// archive are followed.
type Root struct {
	// Dir is the folder; "" when the folder held no archive and the
	// sample given to OpenRoot is read instead.
	Dir      string
	fsys     fs.FS
	confined *confined // nil for the sample
}

// OpenRoot opens the archive in the folder dir. A folder with neither
// config.toml nor content/ holds no archive: sample, when not nil, is
// read in its place (the archive the plenary command carries).
func OpenRoot(dir string, sample fs.FS) (*Root, error) {
	if sample != nil {
		held, err := HoldsArchive(dir)
		if err != nil {
			return nil, err
		}
		if !held {
			return &Root{fsys: sample}, nil
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	c := newConfined(root)
	return &Root{Dir: dir, fsys: c, confined: c}, nil
}

// HoldsArchive tells whether the folder dir holds an archive: a
// config.toml or a content/ folder. The error says that dir cannot be
// read at all.
func HoldsArchive(dir string) (bool, error) {
	_, errC := os.Stat(filepath.Join(dir, ConfigFile))
	_, errD := os.Stat(filepath.Join(dir, "content"))
	if errC == nil || errD == nil {
		return true, nil
	}
	_, err := os.Stat(dir)
	return false, err
}

// Sample tells whether the folder held no archive and the sample is read.
func (r *Root) Sample() bool { return r.confined == nil }

// FS is the archive's files. Reading through a symbolic link that leads
// outside the archive fails with a *LinkError naming the link.
func (r *Root) FS() fs.FS { return r.fsys }

// CacheDir is where builds of the archive keep their cache: "" for the
// sample, which is built whole every time.
func (r *Root) CacheDir() string {
	if r.Sample() {
		return ""
	}
	return filepath.Join(r.Dir, CacheDir)
}

// Close closes the folder; its FS reads nothing afterwards.
func (r *Root) Close() error {
	if r.confined == nil {
		return nil
	}
	r.confined.close()
	return r.confined.root.Close()
}

// LinkError is a symbolic link of the archive that leads outside it (or
// nowhere), which the build does not follow.
type LinkError struct {
	Path   string // the link, relative to the archive's root
	Target string // where it points
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s: a symbolic link to %s, outside the archive, is not followed (copy the file into the archive instead of linking to it)", e.Path, e.Target)
}

// confined reads an archive through its os.Root. A file is opened
// through a root of its folder, opened once through the archive's root and
// kept: opening each path from the archive's root would open every
// folder on the way for each of thousands of reports. Errors name the link
// that led outside the archive, where one did.
type confined struct {
	root *os.Root
	mu   sync.Mutex
	dirs map[string]*os.Root // by folder, relative to root
}

func newConfined(root *os.Root) *confined {
	return &confined{root: root, dirs: map[string]*os.Root{}}
}

// in returns the root of name's folder and name's last element.
func (c *confined) in(op, name string) (*os.Root, string, error) {
	if !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return c.root, name, nil
	}
	dir, base := name[:i], name[i+1:]
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.dirs[dir]
	if r == nil {
		var err error
		if r, err = c.root.OpenRoot(dir); err != nil {
			if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
				err = &fs.PathError{Op: op, Path: name, Err: pe.Err}
			}
			return nil, "", c.explain(name, err)
		}
		c.dirs[dir] = r
	}
	return r, base, nil
}

// close closes the folders' roots.
func (c *confined) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for dir, r := range c.dirs {
		r.Close()
		delete(c.dirs, dir)
	}
}

func (c *confined) Open(name string) (fs.File, error) {
	r, base, err := c.in("open", name)
	if err != nil {
		return nil, err
	}
	f, err := r.Open(base)
	if err != nil && r != c.root && !errors.Is(err, fs.ErrNotExist) {
		// A link that leaves the folder may stay inside the archive.
		f, err = c.root.Open(name)
	}
	if err != nil {
		return nil, c.explain(name, err)
	}
	return f, nil
}

func (c *confined) Stat(name string) (fs.FileInfo, error) {
	r, base, err := c.in("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := r.Stat(base)
	if err != nil && r != c.root && !errors.Is(err, fs.ErrNotExist) {
		info, err = c.root.Stat(name)
	}
	return info, c.explain(name, err)
}

func (c *confined) ReadFile(name string) ([]byte, error) {
	return readLimited(c, name, math.MaxInt64-1)
}

func (c *confined) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list, err := f.(*os.File).ReadDir(-1)
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, err
}

// explain returns err, or a *LinkError when a symbolic link on the path
// name is what could not be followed.
func (c *confined) explain(name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		p := name[:i]
		info, lerr := c.root.Lstat(p)
		if lerr != nil {
			break
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, serr := c.root.Stat(p); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			target, _ := c.root.Readlink(p)
			return &LinkError{Path: p, Target: target}
		}
	}
	return err
}

// readLimited reads the file name of fsys unless it is larger than limit
// bytes, in which case it reads no more than that and returns a
// *sizeError.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	if size > limit {
		return nil, &sizeError{size}
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, &sizeError{int64(len(data))}
		}
		switch {
		case err == io.EOF:
			return data, nil
		case err != nil:
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// sizeError is a file over the size limit; size is what was seen of it.
type sizeError struct{ size int64 }

func (e *sizeError) Error() string { return "file too large" }

// tooLarge is the problem of a file of size bytes over limit.
func tooLarge(path string, size, limit int64) *generator.Error {
	return generator.Errorf(path, 0, "split it into several reports, or raise [build] maxReportSize in config.toml",
		"the file is %s (%d bytes), over the limit of %s", config.FormatSize(size), size, config.FormatSize(limit))
}

// readError is the problem of a source that could not be read.
func readError(path string, err error, limit int64) *generator.Error {
	var link *LinkError
	var size *sizeError
	switch {
	case errors.As(err, &link):
		return generator.Errorf(link.Path, 0, "copy the file into the archive instead of linking to it",
			"a symbolic link to %s, outside the archive, is not followed", link.Target)
	case errors.As(err, &size):
		return tooLarge(path, size.size, limit)
	}
	return generator.Errorf(path, 0, "check the file's permissions", "cannot read: %v", err)
}
