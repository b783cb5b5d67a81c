package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// place is where a report shows on other files, as an incremental build
// records it.
func place(r *generator.Report) render.Place {
	p := render.Place{Slug: r.Slug, Session: r.Session.Key}
	if r.Prev != nil {
		p.Prev = r.Prev.Slug
	}
	if r.Next != nil {
		p.Next = r.Next.Slug
	}
	for _, st := range r.States {
		p.States = append(p.States, st.Code)
	}
	for _, g := range r.Groups {
		p.Groups = append(p.Groups, g.Key)
	}
	for _, t := range r.Topics {
		p.Topics = append(p.Topics, t.Key)
	}
	return p
}

// touched is every dep an incremental build touches for the change from
// before to after: those of each report added, removed, edited or moved,
// at its old place and its new one.
func touched(before, after *generator.Site) map[render.Dep]bool {
	out := map[render.Dep]bool{}
	old := map[string]*generator.Report{}
	for _, r := range before.Reports {
		old[r.Slug] = r
	}
	now := map[string]*generator.Report{}
	for _, r := range after.Reports {
		now[r.Slug] = r
	}
	mark := func(r *generator.Report) {
		for _, d := range place(r).Touched() {
			out[d] = true
		}
	}
	for slug, o := range old {
		n, ok := now[slug]
		if !ok || o.SourceHash != n.SourceHash || fmtPlace(place(o)) != fmtPlace(place(n)) {
			mark(o)
			if ok {
				mark(n)
			}
		}
	}
	for slug, n := range now {
		if _, ok := old[slug]; !ok {
			mark(n)
		}
	}
	return out
}

func fmtPlace(p render.Place) string {
	return strings.Join([]string{p.Slug, p.Session, p.Prev, p.Next, strings.Join(p.States, ","), strings.Join(p.Groups, ","), strings.Join(p.Topics, ",")}, "|")
}

// TestDepsCoverChanges checks the contract incremental builds rest on:
// after a change to reports, every file whose bytes changed either has no
// deps (it shows the whole site and is always rendered), has a key that
// changed, or names a dep the change touches; and every part of a file
// made of parts that changed is named differently or names a touched dep.
// A dep a page forgets to name fails here, not as a stale page.
func TestDepsCoverChanges(t *testing.T) {
	base := sessions + archivetest.Topic + law +
		report("a", "s1", 4, "", "France and Chile backed the PoA.") +
		report("b", "s1", 5, "", "Kenya cited the UN Charter.") +
		report("c", "s1", 6, "", "Peru and France closed.\n\nThe ICRC said that Mexico agreed.") +
		report("d", "s2", 12, "", "Brazil opened the second session.")
	edits := []struct {
		name string
		edit func(string) string
	}{
		{"retitle a report", func(s string) string { return strings.Replace(s, `"Report b"`, `"Report b, retitled"`, 1) }},
		{"name another state", func(s string) string { return strings.Replace(s, "Kenya cited", "Kenya and Peru cited", 1) }},
		{"speak for a group", func(s string) string {
			return strings.Replace(s, "Kenya cited", "Kenya, on behalf of the African Group, cited", 1)
		}},
		{"a stakeholder no longer speaks", func(s string) string { return strings.Replace(s, "The ICRC said that", "The ICRC heard that", 1) }},
		{"name another topic", func(s string) string {
			return strings.Replace(s, "Peru and France closed.", "Peru and France closed on the PoA.", 1)
		}},
		{"move a report to another session", func(s string) string {
			return strings.Replace(strings.Replace(s, "2024-03-05T10", "2024-03-13T10", 1), "session = \"s1\"\n+++\nKenya", "session = \"s2\"\n+++\nKenya", 1)
		}},
		{"add a report in the middle", func(s string) string { return s + report("e", "s1", 5, "", "Chile added a word.") }},
		{"add the newest report", func(s string) string { return s + report("f", "s2", 14, "", "Kenya spoke last.") }},
		{"delete a report", func(s string) string {
			i := strings.Index(s, "-- content/reports/2024/c.md --")
			j := strings.Index(s, "-- content/reports/2024/d.md --")
			return s[:i] + s[j:]
		}},
	}
	th := theme(t)
	before := archivetest.Site(t, base)
	old := renderAll(t, before, th, nil)
	for _, tc := range edits {
		t.Run(tc.name, func(t *testing.T) {
			after := archivetest.Site(t, tc.edit(base))
			dirty := touched(before, after)
			for path, f := range renderAll(t, after, th, nil) {
				o, was := f.output, old[path]
				if was.data != nil && bytes.Equal(was.data, f.data) {
					continue
				}
				switch {
				case o.Key != "":
					if was.output.Key == o.Key {
						t.Errorf("%s changed and its key did not", path)
					}
					continue
				case len(o.Deps) == 0 && o.Parts == nil:
					continue // rendered on every change
				case o.Parts != nil:
					for _, p := range o.Parts {
						if prev, ok := was.parts[p.Name]; ok && !bytes.Equal(prev, f.parts[p.Name]) && !anyTouched(p.Deps, dirty) {
							t.Errorf("%s: part %s changed, and none of its deps %v is touched", path, p.Name, p.Deps)
						}
					}
					continue
				}
				if !anyTouched(o.Deps, dirty) {
					t.Errorf("%s changed, and none of its deps %v is touched", path, o.Deps)
				}
			}
		})
	}
}

func anyTouched(deps []render.Dep, dirty map[render.Dep]bool) bool {
	for _, d := range deps {
		if dirty[d] {
			return true
		}
	}
	return false
}

// law is a second topic.
const law = "-- content/topics/law.md --\n+++\ntitle = \"International law\"\nkeywords = [\"UN Charter\"]\nweight = 2\n+++\n"

// TestOutputsDeps checks what a few outputs name as their deps, the
// convention the test above holds every output to.
func TestOutputsDeps(t *testing.T) {
	s := archivetest.Site(t, sessions+archivetest.Topic+law+report("a", "s1", 4, "", "France backed the PoA."))
	deps := map[string]string{}
	for _, o := range render.New(s, theme(t), nil, nil).Outputs() {
		var names []string
		for _, d := range o.Deps {
			names = append(names, d.String())
		}
		deps[o.Path] = strings.Join(names, ",")
	}
	for path, want := range map[string]string{
		"reports/a/index.html":            "report:a",
		"sessions/s1/index.html":          "session:s1",
		"states/france/index.html":        "state:FRA",
		"states/france/feed.xml":          "state:FRA",
		"states/france/topics/index.html": "state:FRA",
		"data/states/france.json":         "state:FRA",
		"topics/law/feed.xml":             "topic:law",
		"sessions/s2/feed.xml":            "session:s2",
		"data/reports.json":               "",
		"data/statements.csv":             "",
		"data/speakers.csv":               "",
		"groups/index.html":               "",
		"states/matrix/index.html":        "",
		"index.html":                      "",
	} {
		got, ok := deps[path]
		if !ok {
			t.Errorf("no output %s", path)
		} else if got != want {
			t.Errorf("%s depends on %q, want %q", path, got, want)
		}
	}
}
