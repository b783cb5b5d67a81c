package incremental

import (
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/render"
)

// Plan decides which files of the site a build renders and which it keeps
// from the previous site. It is conservative: whatever it cannot prove
// unchanged is rendered. A nil Plan renders everything and records
// nothing.
type Plan struct {
	next  *manifest
	dest  string
	full  bool
	dirty map[render.Dep]bool // touched by a change
	old   *manifest
}

// Full tells whether a build whose global key is global, writing to dest,
// renders every file: the cache has no previous site, or one that every
// page would show differently. It is known before the Site is assembled.
func (c *Cache) Full(global, dest string) bool {
	if c == nil || c.isDamaged() {
		return true
	}
	old := c.manifest()
	return old == nil || old.Global != global || old.Dest != dest
}

// Plan compares the site the previous build wrote with s, whose global key
// is global, written to dest; nil without a cache.
func (c *Cache) Plan(s *generator.Site, global, dest string) *Plan {
	if c == nil {
		return nil
	}
	old := c.manifest()
	if c.isDamaged() {
		old = nil
	}
	return makePlan(old, newManifest(s, global, dest))
}

// Full tells whether the plan renders every file.
func (p *Plan) Full() bool { return p == nil || p.full }

func newManifest(s *generator.Site, global, dest string) *manifest {
	m := &manifest{Format: cacheFormat, Global: global, Dest: dest, Reports: make(map[string]reportEntry, len(s.Reports))}
	for _, r := range s.Reports {
		e := reportEntry{Session: r.Session.Key}
		copy(e.Hash[:], r.SourceHash[:])
		if r.Prev != nil {
			e.Prev = r.Prev.Slug
		}
		if r.Next != nil {
			e.Next = r.Next.Slug
		}
		for _, st := range r.States {
			e.States = append(e.States, st.Code)
		}
		for _, g := range r.Groups {
			e.Groups = append(e.Groups, g.Key)
		}
		for _, t := range r.Topics {
			e.Topics = append(e.Topics, t.Key)
		}
		m.Reports[r.Slug] = e
	}
	return m
}

// makePlan compares the previous build's manifest with this one's.
func makePlan(old, next *manifest) *Plan {
	p := &Plan{next: next, dest: next.Dest, old: old, dirty: map[render.Dep]bool{}}
	if old == nil || old.Global != next.Global || old.Dest != next.Dest {
		p.full = true
		return p
	}
	mark := func(e reportEntry, slug string) {
		place := render.Place{Slug: slug, Session: e.Session, Prev: e.Prev, Next: e.Next, States: e.States, Groups: e.Groups, Topics: e.Topics}
		for _, d := range place.Touched() {
			p.dirty[d] = true
		}
	}
	for slug, o := range old.Reports {
		n, ok := next.Reports[slug]
		if !ok || !sameEntry(o, n) {
			mark(o, slug)
			if ok {
				mark(n, slug)
			}
		}
	}
	for slug, n := range next.Reports {
		if _, ok := old.Reports[slug]; !ok {
			mark(n, slug)
		}
	}
	return p
}

func sameEntry(a, b reportEntry) bool {
	return a.Hash == b.Hash && a.Session == b.Session && a.Prev == b.Prev && a.Next == b.Next &&
		slices.Equal(a.States, b.States) && slices.Equal(a.Groups, b.Groups) && slices.Equal(a.Topics, b.Topics)
}

// Keep tells the publisher which files of the previous site are still
// right: nil (render everything) for a full build.
func (p *Plan) Keep() func(o render.Output) (int64, bool) {
	if p == nil || p.full {
		return nil
	}
	changed := len(p.dirty) > 0
	return func(o render.Output) (int64, bool) {
		switch {
		case o.Key != "":
			if p.old.Keys[o.Path] != o.Key {
				return 0, false
			}
		case len(o.Deps) == 0 && changed:
			return 0, false
		}
		for _, d := range o.Deps {
			if o.Key == "" && p.dirty[d] {
				return 0, false
			}
		}
		size, ok := p.old.Files[o.Path]
		if !ok {
			return 0, false
		}
		st, err := os.Stat(filepath.Join(p.dest, filepath.FromSlash(o.Path)))
		if err != nil || st.Size() != size || !st.Mode().IsRegular() {
			return 0, false
		}
		return size, true
	}
}

// Reuse tells the publisher which parts of the previous site's files made
// of parts are still right, and where they are: nil for a full build.
func (p *Plan) Reuse() func(o render.Output) func(i int) (publish.Extent, bool) {
	if p == nil || p.full {
		return nil
	}
	return func(o render.Output) func(i int) (publish.Extent, bool) {
		size, ok := p.old.Files[o.Path]
		if !ok {
			return nil
		}
		// A file changed by hand since is not copied from.
		if st, err := os.Stat(filepath.Join(p.dest, filepath.FromSlash(o.Path))); err != nil || st.Size() != size {
			return nil
		}
		at := make(map[string]publish.Extent, len(p.old.Parts[o.Path]))
		for _, e := range p.old.Parts[o.Path] {
			if e.Off >= 0 && e.Len >= 0 && e.Off+e.Len <= size {
				at[e.Name] = e
			}
		}
		return func(i int) (publish.Extent, bool) {
			part := o.Parts[i]
			for _, d := range part.Deps {
				if p.dirty[d] {
					return publish.Extent{}, false
				}
			}
			e, ok := at[part.Name]
			return e, ok
		}
	}
}

// Record notes in the manifest the build leaves the outputs' keys and
// where the parts of their files lie, those of kept files included.
func (p *Plan) Record(outputs []render.Output, st publish.Stats) {
	if p == nil {
		return
	}
	p.next.Files = st.Sizes
	p.next.Keys = map[string]string{}
	p.next.Parts = map[string][]publish.Extent{}
	for _, o := range outputs {
		if o.Key != "" {
			p.next.Keys[o.Path] = o.Key
		}
		if o.Parts == nil {
			continue
		}
		if e, ok := st.Parts[o.Path]; ok {
			p.next.Parts[o.Path] = e
		} else if p.old != nil {
			p.next.Parts[o.Path] = p.old.Parts[o.Path]
		}
	}
}

// Stale lists the previous site's files that no output writes any more.
func (p *Plan) Stale(outputs []render.Output) []string {
	if p == nil || p.full {
		return nil
	}
	now := make(map[string]bool, len(outputs))
	for _, o := range outputs {
		now[o.Path] = true
	}
	var out []string
	for path := range p.old.Files {
		if !now[path] {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	return out
}
