package versions

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/plenary-archive/plenary/generator"
)

// Mirror makes the target slot's site a copy of the published one, so that
// an update writes only what it changes: files are hard links to the
// published slot's, except those whole says are made of parts, which the
// update edits in place and so must be the slot's own; those are copied,
// beyond the bytes they already share. With the state file's list of
// differences only the files on it are touched; without one every file
// is compared. Nothing is published yet: nothing to mirror.
func (s *Set) Mirror(whole func(rel string) bool) error {
	prev, _ := s.Previous()
	if prev == "" {
		return nil
	}
	dst := s.Site()
	var err error
	if s.diff != nil {
		err = s.mirrorKnown(prev, dst)
	} else {
		err = mirrorAll(prev, dst, whole, s.fresh)
	}
	s.fresh = false
	if err == nil {
		err = s.CarryDotFiles()
	}
	if err != nil {
		return err
	}
	s.diff = &difference{}
	return nil
}

// mirrorKnown brings the files the state file lists up to date.
func (s *Set) mirrorKnown(prev, dst string) error {
	for _, rel := range s.diff.files {
		if err := syncFile(prev, dst, filepath.FromSlash(rel)); err != nil {
			return err
		}
	}
	for rel, prefix := range s.diff.parts {
		if err := syncPart(prev, dst, filepath.FromSlash(rel), prefix); err != nil {
			return err
		}
	}
	return nil
}

// mirrorAll makes dst a copy of prev, comparing every file; fresh says
// dst is empty, so that nothing in it needs comparing or removing. The
// files are linked and copied on every core.
func mirrorAll(prev, dst string, whole func(rel string) bool, fresh bool) error {
	var files []string
	seen := map[string]bool{}
	err := filepath.WalkDir(prev, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(prev, path)
		if err != nil || rel == "." {
			return err
		}
		seen[rel] = true
		switch {
		case e.IsDir():
			return mkdir(filepath.Join(dst, rel), fresh)
		case e.Type().IsRegular():
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	errs := make([]error, len(files))
	generator.Parallel(len(files), func(i int) {
		rel := files[i]
		switch {
		case whole(filepath.ToSlash(rel)):
			errs[i] = syncPart(prev, dst, rel, 0)
		case fresh:
			if errs[i] = os.Link(filepath.Join(prev, rel), filepath.Join(dst, rel)); errs[i] != nil {
				errs[i] = copyFile(filepath.Join(prev, rel), filepath.Join(dst, rel))
			}
		default:
			errs[i] = syncFile(prev, dst, rel)
		}
	})
	if err := errors.Join(errs...); err != nil || fresh {
		return err
	}
	// What the published site does not have goes.
	return filepath.WalkDir(dst, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dst, path)
		if err != nil || rel == "." || seen[rel] {
			return err
		}
		if err := os.RemoveAll(path); err != nil {
			return err
		}
		if e.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
}

// mkdir makes the folder path, replacing what else is there unless fresh.
func mkdir(path string, fresh bool) error {
	err := os.Mkdir(path, 0o755)
	if fresh || !errors.Is(err, fs.ErrExist) {
		return err
	}
	if isDir(path) {
		return nil
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	return os.Mkdir(path, 0o755)
}

// syncFile makes dst's file rel a hard link to prev's, or removes it when
// prev has none.
func syncFile(prev, dst, rel string) error {
	from, to := filepath.Join(prev, rel), filepath.Join(dst, rel)
	src, err := os.Lstat(from)
	if errors.Is(err, fs.ErrNotExist) {
		return removeFile(dst, rel)
	}
	if err != nil || !src.Mode().IsRegular() {
		return err
	}
	if cur, err := os.Lstat(to); err == nil {
		if os.SameFile(src, cur) {
			return nil
		}
		if err := os.RemoveAll(to); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if err := os.Link(from, to); err == nil {
		return nil
	}
	return copyFile(from, to)
}

// syncPart makes dst's file rel a copy of prev's, its own: when it is
// already its own and begins with the first prefix bytes of prev's, only
// the rest is copied.
func syncPart(prev, dst, rel string, prefix int64) error {
	from, to := filepath.Join(prev, rel), filepath.Join(dst, rel)
	in, err := os.Open(from)
	if errors.Is(err, fs.ErrNotExist) {
		return removeFile(dst, rel)
	}
	if err != nil {
		return err
	}
	defer in.Close()
	size := int64(-1)
	if st, err := in.Stat(); err == nil {
		size = st.Size()
	}
	if st, err := os.Lstat(to); err != nil || !st.Mode().IsRegular() || Shared(st) || st.Size() < prefix {
		prefix = 0
		if err := os.RemoveAll(to); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	err = copyFrom(out, in, prefix, size)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyFrom copies in from offset prefix on to the same offset of out,
// whose end it cuts there; in is size bytes long (-1: unknown).
func copyFrom(out, in *os.File, prefix, size int64) error {
	if _, err := in.Seek(prefix, io.SeekStart); err != nil {
		return err
	}
	if _, err := out.Seek(prefix, io.SeekStart); err != nil {
		return err
	}
	// Between two files the kernel copies (copy_file_range).
	n, err := io.Copy(out, in)
	if err == nil && size >= 0 && prefix+n != size {
		err = io.ErrUnexpectedEOF
	}
	if err == nil {
		err = out.Truncate(prefix + n)
	}
	return err
}

// removeFile removes dst's file rel and the folders it leaves empty.
func removeFile(dst, rel string) error {
	path := filepath.Join(dst, rel)
	if err := os.RemoveAll(path); err != nil {
		return err
	}
	for d := filepath.Dir(path); d != dst && strings.HasPrefix(d, dst); d = filepath.Dir(d) {
		if os.Remove(d) != nil { // not empty: it and its parents stay
			break
		}
	}
	return nil
}

// CarryDotFiles links the published site's top-level dot files (a
// .gitignore placeholder, a host's marker file, which no build writes)
// into the target slot.
func (s *Set) CarryDotFiles() error {
	prev, _ := s.Previous()
	if prev == "" {
		return nil
	}
	entries, err := os.ReadDir(prev)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Type().IsRegular() {
			if err := syncFile(prev, s.Site(), e.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Remove removes the site paths rels (slash-separated) from the target
// slot, with the folders they leave empty.
func (s *Set) Remove(rels []string) error {
	for _, rel := range rels {
		if err := removeFile(s.Site(), filepath.FromSlash(rel)); err != nil {
			return err
		}
	}
	return nil
}

// Prune removes from the target slot's site every file keep refuses (it is
// given slash-separated paths) and the folders left empty: what a full
// build did not write into a slot that held another version.
func (s *Set) Prune(keep func(rel string) bool) error {
	root := s.Site()
	var dirs []string
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil || rel == "." {
			return err
		}
		if e.IsDir() {
			dirs = append(dirs, path)
			return nil
		}
		if !keep(filepath.ToSlash(rel)) {
			return os.Remove(path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Deepest first: a folder empties as its folders go.
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if err := os.Remove(d); err != nil && !errors.Is(err, syscall.ENOTEMPTY) && !errors.Is(err, syscall.EEXIST) {
			return err
		}
	}
	return nil
}
