package said

import (
	"fmt"
	"html/template"
	"slices"
	"sort"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/format"
	"github.com/plenary-archive/plenary/generator/render/paging"
)

// View fills the page of a state at a session or on a topic.
type View struct {
	Title, Description string
	Session            *generator.Session // at a session
	Topic              *generator.Topic   // on a topic
	Count              int                // the statements on the page's subject
	Reports            int                // the reports they are in
	// List is the statements by report, on a session's page; Groups
	// by session, then report, on a topic's.
	List   template.HTML
	Groups []SessionGroup
	// Topics are the topics of the state's statements at the session,
	// most first, each linking to the state's page on it.
	Topics []Link
	// Prev and Next are the sessions before and after at which the
	// state spoke.
	Prev, Next *Link
}

// Link is a link from a page, with a count of what it leads to.
type Link struct {
	Title, URL string
	Count      int
}

// Landing is how many statements a state's page on a topic shows before
// its archive pages, which hold them all: as many as an archive page
// holds on average, so that most lists need none.
const Landing = 100

// AtSession is the page of what the state said at ss, between prev and
// next, the sessions before and after at which it spoke (nil at the
// ends).
func (s *Statements) AtSession(ss, prev, next *generator.Session) *View {
	st := s.State
	idx := s.At(ss)
	v := &View{Session: ss, Count: len(idx), Reports: s.reports(idx), List: s.ByReport(idx, "h2", nil)}
	v.Title = st.Name + " at the " + ss.Title
	if ss.Process != "" {
		v.Title += " (" + ss.Process + ")"
	}
	v.Description = fmt.Sprintf("What %s said at the %s, %s: %s in %s.", st.Name, ss.Title, format.Span(ss.Start, ss.End),
		format.Plural(v.Count, "statement", "statements"), format.Plural(v.Reports, "report", "reports"))
	count := map[*generator.Topic]int{}
	for _, i := range idx {
		for _, t := range st.Statements[i].Paragraph.Topics {
			count[t]++
		}
	}
	for _, tc := range st.Topics { // in the state's order: most first overall
		if n := count[tc.Topic]; n > 0 && s.links.Topic != nil {
			v.Topics = append(v.Topics, Link{Title: tc.Topic.Title, URL: s.links.Topic(tc.Topic), Count: n})
		}
	}
	if prev != nil && s.links.Session != nil {
		v.Prev = &Link{Title: prev.Title, URL: s.links.Session(prev)}
	}
	if next != nil && s.links.Session != nil {
		v.Next = &Link{Title: next.Title, URL: s.links.Session(next)}
	}
	return v
}

// TopicPages are the archive pages of st's statements on t, those
// OnTopic lists.
func TopicPages(st *generator.State, t *generator.Topic) []paging.Page {
	var on []*generator.Statement
	for _, stmt := range st.Statements {
		if slices.Contains(stmt.Paragraph.Topics, t) {
			on = append(on, stmt)
		}
	}
	return paging.Cut(len(on), Landing,
		func(i int) uint64 { return on[i].Key },
		func(i int) time.Time { return on[i].Report.Date })
}

// OnTopicPage is the landing page (k < 0) or archive page k of pages of
// what the state said on t.
func (s *Statements) OnTopicPage(t *generator.Topic, pages []paging.Page, k int) *View {
	st := s.State
	idx := s.OnTopic(t)
	v := &View{Topic: t}
	if k < 0 {
		v.Count, v.Reports = len(idx), s.reports(idx)
		v.Title = st.Name + " on " + t.Title
		v.Description = fmt.Sprintf("What %s said on %s: %s in %s.", st.Name, t.Title,
			format.Plural(v.Count, "statement", "statements"), format.Plural(v.Reports, "report", "reports"))
		idx = idx[:min(Landing, len(idx))]
	} else {
		from := pages[k].From.Format("2 January 2006")
		v.Title = fmt.Sprintf("%s on %s: statements from %s", st.Name, t.Title, from)
		v.Description = fmt.Sprintf("Statements of %s on %s from %s on, newest first.", st.Name, t.Title, from)
		idx = idx[pages[k].Lo:pages[k].Hi]
	}
	v.Groups = s.BySession(idx, "h3", t)
	return v
}

// reports counts the reports of the statements idx, whose statements are
// consecutive.
func (s *Statements) reports(idx []int) int {
	n := 0
	var last *generator.Report
	for _, i := range idx {
		if r := s.State.Statements[i].Report; r != last {
			n, last = n+1, r
		}
	}
	return n
}

// Headings are the texts of the headings of reports on the pages of what
// states said, made once per report for every state that names it.
func Headings(reports []*generator.Report) map[*generator.Report]string {
	out := make(map[*generator.Report]string, len(reports))
	for _, r := range reports {
		out[r] = Heading(r)
	}
	return out
}

// Named lists the states that speak in a report, each with the number
// of its paragraphs it speaks in, most first, for the head of its page.
func Named(rep *generator.Report) []Link {
	count := map[*generator.State]int{}
	var order []*generator.State
	for i := range rep.Statements {
		stmt := &rep.Statements[i]
		if stmt.State == nil || stmt.Role != generator.Speaker {
			continue
		}
		if count[stmt.State] == 0 {
			order = append(order, stmt.State)
		}
		count[stmt.State]++
	}
	out := make([]Link, 0, len(order))
	for _, st := range order {
		out = append(out, Link{Title: st.Name, URL: st.URL, Count: count[st]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}
