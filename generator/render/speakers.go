package render

import (
	"fmt"
	"io"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/registry"
	"github.com/plenary-archive/plenary/generator/render/paging"
)

// landingMentions is how many of the paragraphs that only name a state,
// group or stakeholder its landing page shows, collapsed: the newest, as
// a pointer to where it is spoken of; the data files list every one.
const landingMentions = 25

// statementPages are the archive pages of a state's or group's
// statements, newest first.
func statementPages(stmts []*generator.Statement) []paging.Page {
	return paging.Cut(len(stmts), landingStatements,
		func(i int) uint64 { return stmts[i].Key },
		func(i int) time.Time { return stmts[i].Report.Date })
}

// statements gives a state's or group's page its share of stmts: the
// newest, and the newest mentions, on the landing page (k < 0), archive
// page k's otherwise. A state's page has no archive pages (pages is nil):
// its pages at each session hold every statement.
func (r *Renderer) statements(p *Page, url string, stmts, mentions []*generator.Statement, pages []paging.Page, k int) error {
	var err error
	if k >= 0 {
		p.Groups, err = r.theme.Lists().Sessions(r.texts, stmts[pages[k].Lo:pages[k].Hi])
		p.Pager = paging.Archive(url, pages, k)
		return err
	}
	if p.Groups, err = r.theme.Lists().Sessions(r.texts, stmts[:min(landingStatements, len(stmts))]); err != nil {
		return err
	}
	p.MentionCount, p.MentionsShown = len(mentions), min(landingMentions, len(mentions))
	if p.Mentions, err = r.theme.Lists().Sessions(r.texts, mentions[:p.MentionsShown]); err != nil {
		return err
	}
	p.Pager = paging.Landing(url, pages)
	return nil
}

// group renders a group's or stakeholder's landing page (k < 0) or
// archive page k of pages.
func (r *Renderer) group(w io.Writer, g *generator.Group, pages []paging.Page, k int) error {
	var p *Page
	if k < 0 {
		p = r.base("group", g.Name, fmt.Sprintf("What %s said in the archive: %d statements in %d reports.", g.Name, len(g.Statements), len(g.Reports)), g.URL)
	} else {
		from := pages[k].From.Format("2 January 2006")
		p = r.base("group", fmt.Sprintf("%s: statements from %s", g.Name, from), fmt.Sprintf("Statements of %s in the archive from %s on, newest first.", g.Name, from), paging.URL(g.URL, pages[k].Name))
		p.Archive = true
	}
	p.Group = g
	if err := r.statements(p, g.URL, g.Statements, g.Mentions, pages, k); err != nil {
		return err
	}
	return r.page(w, "group", p)
}

// Kind is a section of an index of groups or stakeholders: those of one
// kind, by name.
type Kind struct {
	Key, Title string
	Groups     []*generator.Group
}

// groupOutputs are the indexes of groups and of stakeholders and every
// one's pages, when the theme has templates for them (a theme made
// before them has none).
func (r *Renderer) groupOutputs() []Output {
	s := r.site
	var out []Output
	if r.theme.Has("groups") {
		for _, ix := range []struct {
			dir, title, desc string
			ofStates         bool
		}{
			{"groups/", "Groups of states", "The groups of states that speak in the archive, by kind.", true},
			{"stakeholders/", "Stakeholders", "The organisations that speak in the archive: international organisations, civil society, the private sector, academia, the technical community.", false},
		} {
			out = append(out, Output{Path: ix.dir + "index.html", Render: func(w io.Writer) error {
				p := r.base("groups", ix.title, ix.desc, s.BasePath+ix.dir)
				p.Kinds = kinds(s.Groups, ix.ofStates)
				return r.page(w, "groups", p)
			}})
		}
	}
	if !r.theme.Has("group") {
		return out
	}
	groupPages := make([][]paging.Page, len(s.Groups))
	generator.Parallel(len(s.Groups), func(i int) { groupPages[i] = statementPages(s.Groups[i].Statements) })
	for i, g := range s.Groups {
		pages := groupPages[i]
		out = append(out, Output{Path: rel(s, g.URL) + "index.html", Deps: []Dep{GroupDep(g.Key)},
			Render: func(w io.Writer) error { return r.group(w, g, pages, -1) }})
		for k := range pages {
			out = append(out, Output{
				Path: rel(s, paging.URL(g.URL, pages[k].Name)) + "index.html", Key: paging.Key("group", g.Key, pages, k),
				Render: func(w io.Writer) error { return r.group(w, g, pages, k) },
			})
		}
	}
	return out
}

// kinds sorts the groups of states (ofStates) or the stakeholders of
// groups by kind, in the registry's order of kinds.
func kinds(groups []*generator.Group, ofStates bool) []Kind {
	var out []Kind
	for _, k := range registry.Kinds {
		if registry.IsGroupKind(k.Key) != ofStates {
			continue
		}
		kind := Kind{Key: k.Key, Title: k.Title}
		for _, g := range groups {
			if g.Kind == k.Key {
				kind.Groups = append(kind.Groups, g)
			}
		}
		if len(kind.Groups) > 0 {
			out = append(out, kind)
		}
	}
	return out
}
