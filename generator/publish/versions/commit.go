package versions

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/plenary-archive/plenary/internal/faults"
)

// Commit publishes the slot the build wrote: the site and the index
// together, by one rename of current. What it changed says, for the next
// build, how the other slot differs from it. The site's link and the index
// folder are made before the switch when they are not there yet.
func (s *Set) Commit(c Changes) error {
	var indexNames []string
	farm := farmAbsent
	var have []string
	if s.index != "" {
		var err error
		if indexNames, err = names(s.Index()); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		if farm, have, err = s.farm(); err != nil {
			return err
		}
		// Links through current lead to the published version until the
		// switch, and nowhere when none is: made now, they show the new
		// version with the site.
		switch farm {
		case farmOurs:
			err = s.addFarmLinks(have, indexNames)
		case farmAbsent:
			err = s.placeFarm(indexNames, false)
		}
		if err != nil {
			return fmt.Errorf("search index %s: %w", s.index, err)
		}
	}
	if _, err := os.Lstat(s.dest); os.IsNotExist(err) {
		if err := s.symlinkAt(s.dest, s.siteTarget()); err != nil {
			return writable(filepath.Dir(s.dest), err)
		}
	}
	faults.At("commit: before the switch")
	if err := s.switchTo(s.target); err != nil {
		return writable(s.dir, err)
	}
	s.current, s.done = s.target, true
	faults.At("commit: after the switch")
	// What is in the way of the site's link or the index folder's (a
	// folder made by hand, links through another destination's versions)
	// is replaced just after the switch.
	if err := s.placeSite(); err != nil {
		return err
	}
	if s.index != "" {
		var err error
		if farm == farmForeign {
			err = s.placeFarm(indexNames, true)
		} else {
			err = s.removeFarmLinks(indexNames)
		}
		if err != nil {
			return fmt.Errorf("search index %s: %w", s.index, err)
		}
		faults.At("commit: index folder completed")
	}
	return writeState(s.dir, s.current, &c)
}

// placeSite puts the site's link in place if it is not there.
func (s *Set) placeSite() error {
	if s.isSiteLink() {
		return nil
	}
	if !isDir(s.dest) {
		// Nothing, or a link elsewhere: one rename replaces it.
		return s.symlinkAt(s.dest, s.siteTarget())
	}
	// A folder made since the last build, by hand.
	tmp := filepath.Join(s.dir, "site-link.new")
	_ = os.Remove(tmp)
	if err := os.Symlink(s.siteTarget(), tmp); err != nil {
		return err
	}
	if err := replaceFolder(s.dest, tmp); err != nil {
		return fmt.Errorf("%s is %s and cannot be replaced: %w", s.dest, describe(s.dest), err)
	}
	return nil
}

// placeFarm puts a new index folder of links in place: renamed there, or
// swapped with what is there.
func (s *Set) placeFarm(indexNames []string, replace bool) error {
	farm, err := s.newFarm(indexNames)
	if err != nil {
		return err
	}
	if replace {
		err = replaceFolder(s.index, farm)
	} else {
		if isDir(s.index) {
			// An empty folder.
			_ = os.Remove(s.index)
		}
		err = os.Rename(farm, s.index)
	}
	if err != nil {
		_ = os.RemoveAll(farm)
	}
	return err
}
