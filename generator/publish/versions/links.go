package versions

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// siteTarget is what the site's link says: the published slot's site,
// through current, relative to the link's folder.
func (s *Set) siteTarget() string {
	return filepath.Join(filepath.Base(s.dir), currentLink, siteName)
}

// indexTarget is what the index folder's link for its entry name says,
// relative to the index folder.
func (s *Set) indexTarget(name string) (string, error) {
	rel, err := filepath.Rel(s.index, s.dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(rel, currentLink, indexName, name), nil
}

// symlinkAt puts a link saying target at path, replacing a link or file
// there in one rename: it is made in the versions folder first.
func (s *Set) symlinkAt(path, target string) error {
	tmp := filepath.Join(s.dir, "link.new")
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// switchTo publishes slot: one rename of a new current over the old.
func (s *Set) switchTo(slot string) error {
	return s.symlinkAt(filepath.Join(s.dir, currentLink), slot)
}

// isSiteLink tells whether the site's path is this package's link.
func (s *Set) isSiteLink() bool {
	target, err := os.Readlink(s.dest)
	return err == nil && target == s.siteTarget()
}

// farmState is what the index folder is now.
type farmState int

const (
	farmAbsent  farmState = iota // nothing there
	farmOurs                     // links through this versions folder's current
	farmForeign                  // a folder of index files, or of links elsewhere
)

// farm tells what the index folder is, and the names of its entries.
func (s *Set) farm() (farmState, []string, error) {
	entries, err := os.ReadDir(s.index)
	if errors.Is(err, fs.ErrNotExist) {
		return farmAbsent, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	st, err := os.Lstat(s.index)
	if err != nil {
		return 0, nil, err
	}
	if !st.IsDir() {
		// A link to a folder: replaced by a folder of links.
		return farmForeign, nil, nil
	}
	names := make([]string, 0, len(entries))
	ours := len(entries) > 0
	for _, e := range entries {
		names = append(names, e.Name())
		want, err := s.indexTarget(e.Name())
		if err != nil {
			return 0, nil, err
		}
		if got, err := os.Readlink(filepath.Join(s.index, e.Name())); err != nil || got != want {
			ours = false
		}
	}
	if ours {
		return farmOurs, names, nil
	}
	if len(entries) == 0 {
		return farmAbsent, nil, nil
	}
	return farmForeign, names, nil
}

// newFarm makes a folder of links, one per name, beside the index folder,
// ready to take its place.
func (s *Set) newFarm(names []string) (string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(s.index), "."+filepath.Base(s.index)+".new-")
	if err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	for _, name := range names {
		target, err := s.indexTarget(name)
		if err == nil {
			err = os.Symlink(target, filepath.Join(tmp, name))
		}
		if err != nil {
			_ = os.RemoveAll(tmp)
			return "", err
		}
	}
	return tmp, nil
}

// addFarmLinks adds to the index folder, ours, a link for each of names it
// lacks; until the switch they lead nowhere, which the published version,
// without those entries, does not notice.
func (s *Set) addFarmLinks(have, names []string) error {
	had := map[string]bool{}
	for _, n := range have {
		had[n] = true
	}
	for _, n := range names {
		if had[n] {
			continue
		}
		target, err := s.indexTarget(n)
		if err != nil {
			return err
		}
		if err := os.Symlink(target, filepath.Join(s.index, n)); err != nil {
			return err
		}
	}
	return nil
}

// removeFarmLinks removes from the index folder the links for entries the
// published index does not have.
func (s *Set) removeFarmLinks(names []string) error {
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	entries, err := os.ReadDir(s.index)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] {
			if err := os.Remove(filepath.Join(s.index, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// replaceFolder puts the folder (or link) fresh in place of what is at
// path, in one step where the system can swap two names, and removes what
// was there.
func replaceFolder(path, fresh string) error {
	err := exchange(path, fresh)
	if errors.Is(err, errNoExchange) {
		// Two renames: path is absent between them, for an instant.
		old := fresh + ".old"
		if err = os.Rename(path, old); err == nil {
			if err = os.Rename(fresh, path); err != nil {
				_ = os.Rename(old, path)
				return err
			}
			return os.RemoveAll(old)
		}
	}
	if err != nil {
		return err
	}
	return os.RemoveAll(fresh)
}

// names are the entries of a folder.
func names(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Name()
	}
	return out, nil
}

// describe names what is at path for an error message.
func describe(path string) string {
	st, err := os.Lstat(path)
	switch {
	case err != nil:
		return "nothing"
	case st.Mode()&fs.ModeSymlink != 0:
		t, _ := os.Readlink(path)
		return fmt.Sprintf("a link to %s", t)
	case st.IsDir():
		return "a folder"
	}
	return strings.ToLower(st.Mode().Type().String())
}
