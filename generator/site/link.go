package site

import (
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator"
)

// link fills in every relation between pages once all reports are
// analysed: sessions and their reports, statements and mentions by state,
// group and stakeholder, counts. It orders a copy of reports: the
// caller's slice stays in step with the sources and analyses it was made
// beside, and so does declared, the states each report's title and front
// matter name.
func link(s *generator.Site, reports []*generator.Report, declared [][]*generator.State,
	states map[string]*generator.State, rank map[*generator.State]int, groupRank map[*generator.Group]int) {

	declaredBy := make(map[*generator.Report][]*generator.State, len(reports))
	for i, r := range reports {
		if len(declared[i]) > 0 {
			declaredBy[r] = declared[i]
		}
	}
	reports = slices.Clone(reports)
	newestFirst(reports)
	s.Reports = reports
	s.Updated = latest(reports)

	for i := len(reports) - 1; i >= 0; i-- {
		r := reports[i]
		r.Session.Reports = append(r.Session.Reports, r)
	}
	for _, ss := range s.Sessions {
		for i, r := range ss.Reports {
			if i > 0 {
				r.Prev = ss.Reports[i-1]
			}
			if i+1 < len(ss.Reports) {
				r.Next = ss.Reports[i+1]
			}
		}
	}

	byRank := make([]*generator.State, len(rank))
	for st, i := range rank {
		byRank[i] = st
	}
	groupsByRank := make([]*generator.Group, len(groupRank))
	for g, i := range groupRank {
		groupsByRank[i] = g
	}
	c := count(s, reports, rank, groupRank)

	// The lists are filled in the reports' order, newest first, each
	// grown once to its size.
	for i, st := range byRank {
		if n := c.said[i]; n > 0 {
			st.Statements = make([]*generator.Statement, 0, n)
		}
		if n := c.mentioned[i]; n > 0 {
			st.Mentions = make([]*generator.Statement, 0, n)
		}
	}
	for i, g := range groupsByRank {
		if n := c.groupSaid[i]; n > 0 {
			g.Statements = make([]*generator.Statement, 0, n)
		}
		if n := c.groupMentioned[i]; n > 0 {
			g.Mentions = make([]*generator.Statement, 0, n)
		}
	}
	for _, r := range reports {
		for _, st := range declaredBy[r] {
			addReport(&st.Reports, r)
		}
		for _, t := range r.Topics {
			t.Reports = append(t.Reports, r)
		}
		for j := range r.Statements {
			stmt := &r.Statements[j]
			switch {
			case stmt.State != nil && stmt.Role == generator.Speaker:
				stmt.State.Statements = append(stmt.State.Statements, stmt)
				addReport(&stmt.State.Reports, r)
			case stmt.State != nil:
				stmt.State.Mentions = append(stmt.State.Mentions, stmt)
			case stmt.Role == generator.Speaker:
				stmt.Group.Statements = append(stmt.Group.Statements, stmt)
				addReport(&stmt.Group.Reports, r)
			default:
				stmt.Group.Mentions = append(stmt.Group.Mentions, stmt)
			}
		}
	}
	for i, st := range byRank {
		if len(st.Reports) == 0 && len(st.Mentions) == 0 {
			continue
		}
		s.States = append(s.States, st)
		st.BySession = bySession(st.Statements)
		st.Topics = topicCounts(s.Topics, c.topicRow(c.topicStates, i, len(byRank)))
	}
	for i, g := range groupsByRank {
		if len(g.Statements) == 0 && len(g.Mentions) == 0 {
			continue
		}
		s.Groups = append(s.Groups, g)
		g.BySession = bySession(g.Statements)
		g.Topics = topicCounts(s.Topics, c.topicRow(c.topicGroups, i, len(groupsByRank)))
	}

	nStates, nGroups, nTopics := len(byRank), len(groupsByRank), len(s.Topics)
	for i, ss := range s.Sessions {
		ss.Speakers = stateCounts(byRank, c.sessionSpeakers[i*nStates:(i+1)*nStates])
		ss.GroupSpeakers = groupCounts(groupsByRank, c.sessionGroups[i*nGroups:(i+1)*nGroups])
		ss.Topics = topicCounts(s.Topics, c.sessionTopics[i*nTopics:(i+1)*nTopics])
	}
	for i, t := range s.Topics {
		t.States = stateCounts(byRank, c.topicStates[i*nStates:(i+1)*nStates])
	}
}

// addReport adds r to reports unless it is the last one there: reports
// are added in order, each once per statement.
func addReport(reports *[]*generator.Report, r *generator.Report) {
	if n := len(*reports); n == 0 || (*reports)[n-1] != r {
		*reports = append(*reports, r)
	}
}

// counts are the figures link keeps in dense tables indexed by rank: a
// large archive has tens of statements per report.
type counts struct {
	sessionSpeakers, sessionGroups, sessionTopics []int // by session, then state, group or topic
	topicStates, topicGroups                      []int // by topic, then state or group
	said, mentioned, groupSaid, groupMentioned    []int // by state or group
}

// topicRow is the counts of one state or group (at i of n) per topic, out
// of a table by topic.
func (c *counts) topicRow(table []int, i, n int) []int {
	row := make([]int, len(table)/max(n, 1))
	for t := range row {
		row[t] = table[t*n+i]
	}
	return row
}

// count counts every report's statements on every core, each worker into
// tables of its own, added up at the end.
func count(s *generator.Site, reports []*generator.Report, rank map[*generator.State]int, groupRank map[*generator.Group]int) *counts {
	sessionIdx := make(map[*generator.Session]int, len(s.Sessions))
	for i, ss := range s.Sessions {
		sessionIdx[ss] = i
	}
	topicIdx := make(map[*generator.Topic]int, len(s.Topics))
	for i, t := range s.Topics {
		topicIdx[t] = i
	}
	nStates, nGroups, nTopics, nSessions := len(rank), len(groupRank), len(s.Topics), len(s.Sessions)
	newCounts := func() *counts {
		return &counts{
			sessionSpeakers: make([]int, nSessions*nStates),
			sessionGroups:   make([]int, nSessions*nGroups),
			sessionTopics:   make([]int, nSessions*nTopics),
			topicStates:     make([]int, nTopics*nStates),
			topicGroups:     make([]int, nTopics*nGroups),
			said:            make([]int, nStates),
			mentioned:       make([]int, nStates),
			groupSaid:       make([]int, nGroups),
			groupMentioned:  make([]int, nGroups),
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(reports)))
	parts := make([]*counts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCounts()
			parts[w] = c
			for i := w * len(reports) / workers; i < (w+1)*len(reports)/workers; i++ {
				r := reports[i]
				si := sessionIdx[r.Session]
				for _, t := range r.Topics {
					c.sessionTopics[si*nTopics+topicIdx[t]]++
				}
				for j := range r.Statements {
					stmt := &r.Statements[j]
					speaks := stmt.Role == generator.Speaker
					if stmt.State != nil {
						k := rank[stmt.State]
						if !speaks {
							c.mentioned[k]++
							continue
						}
						c.said[k]++
						c.sessionSpeakers[si*nStates+k]++
						for _, t := range stmt.Paragraph.Topics {
							c.topicStates[topicIdx[t]*nStates+k]++
						}
						continue
					}
					k := groupRank[stmt.Group]
					if !speaks {
						c.groupMentioned[k]++
						continue
					}
					c.groupSaid[k]++
					c.sessionGroups[si*nGroups+k]++
					for _, t := range stmt.Paragraph.Topics {
						c.topicGroups[topicIdx[t]*nGroups+k]++
					}
				}
			}
		}()
	}
	wg.Wait()
	total := parts[0]
	for _, c := range parts[1:] {
		for _, pair := range [][2][]int{
			{total.sessionSpeakers, c.sessionSpeakers}, {total.sessionGroups, c.sessionGroups}, {total.sessionTopics, c.sessionTopics},
			{total.topicStates, c.topicStates}, {total.topicGroups, c.topicGroups},
			{total.said, c.said}, {total.mentioned, c.mentioned}, {total.groupSaid, c.groupSaid}, {total.groupMentioned, c.groupMentioned},
		} {
			for i, n := range pair[1] {
				pair[0][i] += n
			}
		}
	}
	return total
}

// bySession groups statements, newest first, by session, newest session
// first.
func bySession(stmts []*generator.Statement) []*generator.SessionStatements {
	var out []*generator.SessionStatements
	of := map[*generator.Session]*generator.SessionStatements{}
	for _, stmt := range stmts {
		g := of[stmt.Report.Session]
		if g == nil {
			g = &generator.SessionStatements{Session: stmt.Report.Session}
			of[stmt.Report.Session] = g
			out = append(out, g)
		}
		g.Statements = append(g.Statements, stmt)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Session, out[j].Session
		if !a.Start.Equal(b.Start) {
			return a.Start.After(b.Start)
		}
		return a.Key < b.Key
	})
	return out
}

// stateCounts lists the states of a row of counts (indexed by rank) that
// have any.
func stateCounts(byRank []*generator.State, counts []int) []generator.StateCount {
	out := []generator.StateCount{}
	for i, n := range counts {
		if n > 0 {
			out = append(out, generator.StateCount{State: byRank[i], Count: n})
		}
	}
	generator.SortStateCounts(out)
	return out
}

// groupCounts lists the groups of a row of counts (indexed by rank) that
// have any.
func groupCounts(byRank []*generator.Group, counts []int) []generator.GroupCount {
	out := []generator.GroupCount{}
	for i, n := range counts {
		if n > 0 {
			out = append(out, generator.GroupCount{Group: byRank[i], Count: n})
		}
	}
	generator.SortGroupCounts(out)
	return out
}

// topicCounts lists the topics of a row of counts (indexed as topics)
// that have any.
func topicCounts(topics []*generator.Topic, counts []int) []generator.TopicCount {
	out := []generator.TopicCount{}
	for i, n := range counts {
		if n > 0 {
			out = append(out, generator.TopicCount{Topic: topics[i], Count: n})
		}
	}
	generator.SortTopicCounts(out)
	return out
}
