package endpoint

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator/resultspage"
	"github.com/plenary-archive/plenary/generator/search/engine"
)

// results renders a response with the theme's results partial. Links keep
// every parameter of the request and change one.
func (h *Handler) results(u *url.URL, r *engine.Request, res *engine.Response) template.HTML {
	out, err := h.page.render(resultspage.ResultsPartial, h.view(u, r, res))
	if err != nil {
		h.log.Error("search: results template", "error", err.Error())
		return h.errorHTML("internal error: the results could not be shown")
	}
	return out
}

// view is what the results partial shows of a response.
func (h *Handler) view(u *url.URL, r *engine.Request, res *engine.Response) *resultspage.Results {
	base := u.Query()
	base.Del("format")
	target := h.site.search
	link := func(change func(v url.Values)) string {
		v := url.Values{}
		for k, vals := range base {
			v[k] = append([]string(nil), vals...)
		}
		change(v)
		return target + "?" + v.Encode()
	}
	page := func(n int) string { return link(func(v url.Values) { v.Set("page", strconv.Itoa(n)) }) }
	out := &resultspage.Results{
		Query: res.Query, Status: status(res, r.Filtered()), Notice: res.Notice, Total: res.Total, Page: res.Page, Pages: res.Pages,
		Paged: res.Pages > 1, Hits: make([]resultspage.Hit, 0, len(res.Hits)),
	}
	for _, hit := range res.Hits {
		out.Hits = append(out.Hits, resultspage.Hit{
			URL: hit.URL, Title: hit.Title, Date: hit.Date, DateText: humanDate(hit.Date), Session: hit.Session,
			Excerpt:   template.HTML(hit.Excerpt), //nolint:gosec // built by highlight, which escapes all text
			NamedHere: strings.Join(hit.ParagraphStates, ", "),
		})
	}
	if res.Page > 1 {
		out.Prev = page(res.Page - 1)
	}
	if res.Page < res.Pages && (res.Page+1)*res.Size <= maxDepth {
		out.Next = page(res.Page + 1)
	}
	if res.Sort == "date" {
		out.Relevance = link(func(v url.Values) { v.Set("sort", "relevance"); v.Del("page") })
	} else {
		out.Newest = link(func(v url.Values) { v.Set("sort", "date"); v.Del("page") })
	}
	// without is a link to the results without one value of a filter,
	// however the request wrote it (a name, a slug, another name).
	without := func(param, key string) string {
		return link(func(v url.Values) {
			v.Del("page")
			keep := []string{}
			for _, x := range v[param] {
				if k, err := h.ix.Resolve(param, x); err != nil || k != key {
					keep = append(keep, x)
				}
			}
			v[param] = keep
		})
	}
	key := func(param, value string) string {
		k, _ := h.ix.Resolve(param, value)
		return k
	}
	for _, f := range res.Filters {
		out.Filters = append(out.Filters, resultspage.ActiveFilter{Kind: filterKinds[f.Filter], Label: f.Label, Remove: without(f.Filter, key(f.Filter, f.Value))})
	}
	for _, g := range facetGroups(res.Facets) {
		fg := resultspage.FacetGroup{Title: g.title}
		for _, f := range g.list {
			href := without(g.param, key(g.param, f.Value))
			if !f.Selected {
				href = link(func(v url.Values) { v.Del("page"); v.Add(g.param, f.Value) })
			}
			fg.Links = append(fg.Links, resultspage.FacetLink{Href: href, Label: f.Label, Count: f.Count, Selected: f.Selected})
		}
		out.Groups = append(out.Groups, fg)
	}
	if said := h.said(res.Facets); len(said.Links) > 0 {
		out.Groups = append(out.Groups, said)
	}
	return out
}

// filterKinds name the filters as the results page lists those in use.
var filterKinds = map[string]string{"state": "State", "speaker": "Speaker", "topic": "Topic", "session": "Session"}

type facetGroup struct {
	title, param string
	list         []engine.Facet
}

// facetGroups are the facets as the page shows them: states, speakers, topics,
// then the sessions of each process in a group of their own, processes
// in the order of their first session, leaving out empty groups.
func facetGroups(f engine.Facets) []facetGroup {
	var out []facetGroup
	for _, g := range []facetGroup{{"States", "state", f.States}, {"Speakers", "speaker", f.Speakers}, {"Topics", "topic", f.Topics}} {
		if len(g.list) > 0 {
			out = append(out, g)
		}
	}
	at := map[string]int{}
	for _, s := range f.Sessions {
		title := "Sessions"
		if s.Process != "" {
			title += " · " + s.Process
		}
		i, ok := at[title]
		if !ok {
			i = len(out)
			at[title] = i
			out = append(out, facetGroup{title: title, param: "session"})
		}
		out[i].list = append(out[i].list, s)
	}
	return out
}

// said links, when the search is filtered by states and sessions, the
// site's page of what each state said at each session (the build writes
// it at the state's address + "sessions/<key>/"), so that a search leads
// to everything a state said there, not only to what matches.
func (h *Handler) said(f engine.Facets) resultspage.FacetGroup {
	g := resultspage.FacetGroup{Title: "What they said"}
	facts := h.ix.Facts()
	if facts == nil {
		return g
	}
	for _, st := range f.States {
		if !st.Selected {
			continue
		}
		var stateURL string
		for _, x := range facts.States {
			if x.Slug == st.Value {
				stateURL = x.URL
			}
		}
		if stateURL == "" {
			continue
		}
		for _, ss := range f.Sessions {
			if ss.Selected {
				g.Links = append(g.Links, resultspage.FacetLink{Href: stateURL + "sessions/" + ss.Value + "/", Label: st.Label + " at " + ss.Label, Count: ss.Count})
			}
		}
	}
	return g
}

// status is the sentence above the results.
func status(res *engine.Response, filtered bool) string {
	var b strings.Builder
	switch res.Total {
	case 0:
		b.WriteString("No report matches")
	case 1:
		b.WriteString("1 report matches")
	default:
		b.WriteString(strconv.FormatUint(res.Total, 10) + " reports match")
	}
	if res.Query != "" {
		b.WriteString(" “" + res.Query + "”")
	}
	if filtered {
		b.WriteString(" with the chosen filters")
	}
	b.WriteString(".")
	if res.Pages > 1 {
		b.WriteString(" Page " + strconv.Itoa(res.Page) + " of " + strconv.Itoa(res.Pages) + ".")
	}
	return b.String()
}

func humanDate(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}
