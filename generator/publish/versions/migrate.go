package versions

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/plenary-archive/plenary/internal/faults"
)

// migrate turns a site folder and an index folder written before versions
// into the published version, slot b, without changing what either shows:
// the site's folder is swapped, in one step, with a link that leads to it
// through current, and the index's files are linked into the slot and the
// folder swapped with a folder of links to them. A build then writes slot
// a and switches to it as usual. Nothing is done when neither is there.
func (s *Set) migrate() error {
	siteDir := isDir(s.dest)
	var indexNames []string
	if s.index != "" && isDir(s.index) {
		state, names, err := s.farm()
		if err != nil {
			return err
		}
		if state == farmForeign && !anyLink(s.index, names) {
			indexNames = names
		}
	}
	if !siteDir && indexNames == nil {
		return nil
	}
	slot := filepath.Join(s.dir, slotNames[1])
	if err := os.RemoveAll(slot); err != nil {
		return err
	}
	if err := os.MkdirAll(slot, 0o755); err != nil {
		return err
	}
	undo := func(err error) error {
		_ = os.Remove(filepath.Join(s.dir, currentLink))
		_ = os.RemoveAll(slot)
		return err
	}
	if indexNames != nil {
		if err := copyTree(s.index, filepath.Join(slot, indexName)); err != nil {
			return undo(err)
		}
		faults.At("migrate: index linked")
	}
	link := filepath.Join(slot, siteName)
	if siteDir {
		// The link is made where the folder goes, saying what it says
		// from the site's place, where the swap puts it.
		if err := os.Symlink(s.siteTarget(), link); err != nil {
			return undo(err)
		}
	} else if err := os.Mkdir(link, 0o755); err != nil {
		return undo(err)
	}
	if err := s.switchTo(slotNames[1]); err != nil {
		return undo(err)
	}
	if siteDir {
		if err := swapIn(s.dest, link); err != nil {
			_ = os.Remove(link)
			return undo(fmt.Errorf("%s cannot be replaced (%v): make it and its parent writable, or choose another destination", s.dest, err))
		}
	}
	s.current = slotNames[1]
	faults.At("migrate: site swapped")
	if indexNames != nil {
		farm, err := s.newFarm(indexNames)
		if err != nil {
			return err
		}
		if err := replaceFolder(s.index, farm); err != nil {
			_ = os.RemoveAll(farm)
			return fmt.Errorf("%s cannot be replaced: %w", s.index, err)
		}
	}
	return nil
}

// swapIn swaps the folder at path with the link at link, in one step
// where the system can; otherwise the folder is moved first, and path is
// absent for an instant.
func swapIn(path, link string) error {
	err := exchange(path, link)
	if !errors.Is(err, errNoExchange) {
		return err
	}
	target, err := os.Readlink(link)
	if err != nil {
		return err
	}
	if err := os.Remove(link); err != nil {
		return err
	}
	if err := os.Rename(path, link); err != nil {
		return err
	}
	return os.Symlink(target, path)
}

func isDir(path string) bool {
	st, err := os.Lstat(path)
	return err == nil && st.IsDir()
}

// anyLink tells whether any of the named entries of dir is a symbolic
// link: a folder of links is not an index written before versions.
func anyLink(dir string, names []string) bool {
	for _, n := range names {
		if st, err := os.Lstat(filepath.Join(dir, n)); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}

// copyTree makes to a copy of the folder from: its files hard-linked
// where they can be, copied otherwise.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(dst, 0o755)
		case !e.Type().IsRegular():
			return nil
		}
		if os.Link(path, dst) == nil {
			return nil
		}
		return copyFile(path, dst)
	})
}

// copyFile copies a file's bytes into a new file.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
