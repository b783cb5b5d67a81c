package build

import (
	"os"
	"path/filepath"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render"
)

// plan decides which files of the site a build renders and which it keeps
// from the previous site. It is conservative: whatever it cannot prove
// unchanged is rendered.
type plan struct {
	next  *manifest
	dest  string
	full  bool
	dirty map[string]bool // dependency keys whose pages change
	old   *manifest
}

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
		for _, t := range r.Topics {
			e.Topics = append(e.Topics, t.Key)
		}
		m.Reports[r.Slug] = e
	}
	return m
}

// makePlan compares the previous build's manifest with this one's.
func makePlan(old, next *manifest) *plan {
	p := &plan{next: next, dest: next.Dest, old: old, dirty: map[string]bool{}}
	if old == nil || old.Global != next.Global || old.Dest != next.Dest {
		p.full = true
		return p
	}
	mark := func(e reportEntry, slug string) {
		p.dirty["report:"+slug] = true
		p.dirty["session:"+e.Session] = true
		for _, c := range e.States {
			p.dirty["state:"+c] = true
		}
		for _, k := range e.Topics {
			p.dirty["topic:"+k] = true
		}
		// Neighbours show this report's title in their pagers.
		if e.Prev != "" {
			p.dirty["report:"+e.Prev] = true
		}
		if e.Next != "" {
			p.dirty["report:"+e.Next] = true
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
	if a.Hash != b.Hash || a.Session != b.Session || a.Prev != b.Prev || a.Next != b.Next || len(a.States) != len(b.States) || len(a.Topics) != len(b.Topics) {
		return false
	}
	for i := range a.States {
		if a.States[i] != b.States[i] {
			return false
		}
	}
	for i := range a.Topics {
		if a.Topics[i] != b.Topics[i] {
			return false
		}
	}
	return true
}

// reuse returns, for the publisher, the previous file to keep in place of
// rendering an output, or "" to render it. A nil plan renders everything.
func (p *plan) reuse() func(o render.Output) string {
	if p == nil || p.full {
		return nil
	}
	changed := len(p.dirty) > 0
	return func(o render.Output) string {
		if len(o.Deps) == 0 && changed {
			return ""
		}
		for _, d := range o.Deps {
			if p.dirty[d] {
				return ""
			}
		}
		size, ok := p.old.Files[o.Path]
		if !ok {
			return ""
		}
		prev := filepath.Join(p.dest, filepath.FromSlash(o.Path))
		if st, err := os.Stat(prev); err != nil || st.Size() != size || !st.Mode().IsRegular() {
			return ""
		}
		return prev
	}
}
