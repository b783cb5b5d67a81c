// Package versions keeps the published site and its search index as
// versions in two slots, a and b, in a folder beside the site, and
// publishes one by a single rename(2). The folder holds the slots, a
// symbolic link, current, naming the slot that is published, a state file
// saying how the other slot differs from it, and the lock that keeps
// builds apart. The site's folder is a symbolic link through current to
// its slot's site; the index folder is a folder of links, one per entry,
// through current to its slot's index, so that tools that want a folder
// find one. A build writes the slot that is not published, then renames a
// new current over the old: whatever reads the site or the index sees the
// previous version or the new one, whole, at every instant, and a build
// killed at any instruction leaves one of them.
//
// The two slots are written alternately, each brought up to date from the
// other by hard links, so that no build deletes a whole site: files are
// made by a build into its own slot, never changed in place while another
// slot shares them, and a slot's files stay as they are until the build
// after next.
package versions

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/plenary-archive/plenary/generator/lockfile"
)

// Names in the versions folder and in a slot.
const (
	suffix      = ".versions"
	currentLink = "current"
	stateFile   = "state"
	siteName    = "site"
	indexName   = "index"
)

// slotNames are the two slots.
var slotNames = [2]string{"a", "b"}

// other is the slot that is not s.
func other(s string) string {
	if s == slotNames[0] {
		return slotNames[1]
	}
	return slotNames[0]
}

// Options say how Open waits for another build.
type Options struct {
	// NoWait makes Open fail at once with a *lockfile.BusyError when
	// another build holds the versions.
	NoWait bool
	// Waiting, when set, hears that Open waits for another build, and its
	// process ID (0 if unknown).
	Waiting func(pid int)
}

// Set is the versions of one destination, opened and locked by a build.
type Set struct {
	dest  string // the site's path, a link through current; parent resolved
	index string // the index folder's path, "" without an index
	dir   string // the versions folder, beside dest
	lock  *lockfile.Lock

	current string      // the published slot, "" when none is
	target  string      // the slot this build writes
	diff    *difference // how target differs from current; nil when unknown
	made    bool        // the target slot was made by this Open: it held nothing
	fresh   bool        // and nothing was put in it since
	done    bool        // Commit succeeded
}

// Folder is the versions folder of the site at dest.
func Folder(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+suffix)
}

// Open locks the versions of the site at dest and its index at index ("":
// none), removes what interrupted builds left, turns a site or an index
// written before versions into the published version, and picks the slot
// this build writes. The slot is marked as being written before Open
// returns, so that a build stopped at any point leaves it known to be
// stale.
func Open(dest, index string, opts Options) (*Set, error) {
	dest, err := resolveParent(dest)
	if err != nil {
		return nil, err
	}
	if index != "" {
		if index, err = resolveParent(index); err != nil {
			return nil, err
		}
	}
	if st, err := os.Lstat(dest); err == nil && st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is a file, not a folder: choose another destination", dest)
	}
	if index != "" && (within(index, dest) || within(dest, index)) {
		return nil, fmt.Errorf("the search index %s and the site %s are one inside the other: choose an index folder beside the site", index, dest)
	}
	s := &Set{dest: dest, index: index, dir: Folder(dest)}
	if s.lock, err = lockfile.Acquire(s.dir, opts.NoWait, opts.Waiting); err != nil {
		return nil, writable(s.dir, err)
	}
	if err := s.open(); err != nil {
		s.lock.Release()
		return nil, err
	}
	return s, nil
}

// open does Open's work under the lock.
func (s *Set) open() error {
	if err := s.clean(); err != nil {
		return err
	}
	s.current = s.published()
	if s.current == "" {
		if err := s.migrate(); err != nil {
			return err
		}
	}
	s.target = slotNames[0]
	if s.current != "" {
		s.target = other(s.current)
		s.diff = readState(s.dir, s.current)
	}
	target := filepath.Join(s.dir, s.target)
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		s.made, s.fresh = true, true
	}
	if _, err := os.Lstat(filepath.Join(target, siteName)); err != nil {
		// The list of differences is of a site that is not there.
		s.diff = nil
	}
	// An index a stopped build left half-written.
	if err := os.RemoveAll(filepath.Join(target, indexName)); err != nil {
		return err
	}
	// From here on the target is stale until Commit says otherwise.
	if err := writeState(s.dir, s.current, nil); err != nil {
		return writable(s.dir, err)
	}
	if err := os.MkdirAll(filepath.Join(target, siteName), 0o755); err != nil {
		return writable(target, err)
	}
	return nil
}

// published is the slot current names, if it names one that is there.
func (s *Set) published() string {
	name, err := os.Readlink(filepath.Join(s.dir, currentLink))
	if err != nil || (name != slotNames[0] && name != slotNames[1]) {
		return ""
	}
	if st, err := os.Stat(filepath.Join(s.dir, name, siteName)); err != nil || !st.IsDir() {
		return ""
	}
	return name
}

// Previous is the published version's site and index folders, where a
// build finds what it keeps; "" for those there are not.
func (s *Set) Previous() (site, index string) {
	if s.current == "" {
		return "", ""
	}
	slot := filepath.Join(s.dir, s.current)
	site = filepath.Join(slot, siteName)
	if s.index != "" {
		if st, err := os.Stat(filepath.Join(slot, indexName)); err == nil && st.IsDir() {
			index = filepath.Join(slot, indexName)
		}
	}
	return site, index
}

// Site is the folder the build writes the site into: the target slot's.
func (s *Set) Site() string { return filepath.Join(s.dir, s.target, siteName) }

// Index is the folder the build writes the index into, which does not
// exist until it does; "" without an index.
func (s *Set) Index() string {
	if s.index == "" {
		return ""
	}
	return filepath.Join(s.dir, s.target, indexName)
}

// Fresh tells whether the target slot holds nothing but what the build
// wrote into it: nothing in it needs checking or removing.
func (s *Set) Fresh() bool { return s.fresh }

// Committed tells whether Commit published the build's slot.
func (s *Set) Committed() bool { return s.done }

// Dest is the site's path, its parent's links resolved.
func (s *Set) Dest() string { return s.dest }

// Discard removes what a build that did not commit wrote and the next
// build would write again: its index, if any, and a slot that was made
// for it. A slot that held a version is left as it is, stale, for the
// next build to bring up to date.
func (s *Set) Discard() {
	if s.done {
		return
	}
	if idx := s.Index(); idx != "" {
		_ = os.RemoveAll(idx)
	}
	if s.made {
		_ = os.RemoveAll(filepath.Join(s.dir, s.target))
	}
}

// Close discards what the build wrote unless it committed, and lets the
// lock go.
func (s *Set) Close() error {
	s.Discard()
	return s.lock.Release()
}

// within tells whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel) || rel == "."
}

// resolveParent makes path absolute with its parent's symbolic links
// resolved, so that relative links made from it are right; the parent is
// made if missing.
func resolveParent(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(real, filepath.Base(abs)), nil
}

// writable explains an error of writing into dir.
func writable(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%s cannot be written (%v): make it writable, or choose another destination", dir, err)
	}
	return err
}

// slotted tells whether name, an entry of the versions folder, is one this
// package makes and keeps.
func slotted(name string) bool {
	return name == slotNames[0] || name == slotNames[1] || name == currentLink || name == stateFile || name == lockfile.Name
}

// clean removes what interrupted builds left: anything in the versions
// folder and its slots that a finished build does not keep, and the
// temporary folders beside the site and the index that builds made
// before versions, or that this package makes for a moment (".NAME.new-*").
func (s *Set) clean() error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		path := filepath.Join(s.dir, e.Name())
		if !slotted(e.Name()) {
			errs = append(errs, os.RemoveAll(path))
			continue
		}
		if e.Name() != slotNames[0] && e.Name() != slotNames[1] || !e.IsDir() {
			continue
		}
		inside, err := os.ReadDir(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range inside {
			if f.Name() != siteName && f.Name() != indexName {
				errs = append(errs, os.RemoveAll(filepath.Join(path, f.Name())))
			}
		}
	}
	for _, p := range []string{s.dest, s.index} {
		if p == "" {
			continue
		}
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "."+globEscape(filepath.Base(p))+".new-*"))
		for _, l := range left {
			errs = append(errs, os.RemoveAll(l))
		}
	}
	// Builds before versions kept report bodies in an unnamed file beside
	// the site; a build killed between making and unnaming it left it.
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(s.dest), ".plenary-bodies-*"))
	for _, l := range left {
		errs = append(errs, os.Remove(l))
	}
	return errors.Join(errs...)
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	return r.Replace(s)
}

// errNoExchange says the system cannot swap two names in one step.
var errNoExchange = errors.New("no atomic exchange of names here")
