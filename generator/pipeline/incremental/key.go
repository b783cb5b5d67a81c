package incremental

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"github.com/plenary-archive/plenary/generator/content"
)

// GlobalKey hashes everything whose change shows on every page: the
// program, config.toml and speakers.toml, the theme and layouts of root,
// the processes, sessions and topics of a, and the build's options, among
// them the addresses the site is built for (its base URL and search
// endpoint, which options may set apart from config.toml). A build whose
// key differs from the previous build's renders everything.
func GlobalKey(root fs.FS, theme string, drafts bool, addresses string, a *content.Archive) (string, error) {
	h := newHasher(ProgramID(), fmt.Sprint(cacheFormat, drafts, addresses))
	if data, err := fs.ReadFile(root, content.ConfigFile); err == nil {
		h.add(content.ConfigFile, data)
	}
	if a.Speakers != nil {
		h.add(content.SpeakersFile, a.Speakers)
	}
	if err := h.hashTree(root, "layouts"); err != nil {
		return "", err
	}
	if err := h.hashTree(root, "themes/"+theme); err != nil {
		return "", err
	}
	for _, p := range a.Processes {
		h.add(p.Path, p.Hash[:])
	}
	for _, s := range a.Sessions {
		h.add(s.Path, s.Hash[:])
	}
	for _, t := range a.Topics {
		h.add(t.Path, t.Hash[:])
	}
	return h.sum(), nil
}

// hasher accumulates a key from named parts.
type hasher struct{ h [32]byte }

func newHasher(parts ...string) *hasher {
	x := &hasher{}
	for _, p := range parts {
		x.add(p, []byte(p))
	}
	return x
}

func (x *hasher) add(name string, data []byte) {
	h := sha256.New()
	h.Write(x.h[:])
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(data)
	h.Sum(x.h[:0])
}

func (x *hasher) sum() string { return hex.EncodeToString(x.h[:]) }

// hashTree adds every file below dir of fsys, in path order.
func (x *hasher) hashTree(fsys fs.FS, dir string) error {
	var paths []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		x.add(p, data)
	}
	return nil
}
