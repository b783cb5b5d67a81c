package site

import (
	"sort"

	"github.com/plenary-archive/plenary/generator"
)

// link fills in every relation between pages once all reports are
// analysed: sessions and their reports, statements by state, counts.
func link(s *generator.Site, reports []*generator.Report, states map[string]*generator.State,
	groups map[string]*generator.Group, rank map[*generator.State]int) {

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

	sessionSpeakers := map[*generator.Session]map[*generator.State]int{}
	sessionTopics := map[*generator.Session]map[*generator.Topic]int{}
	topicStates := map[*generator.Topic]map[*generator.State]int{}
	stateTopics := map[*generator.State]map[*generator.Topic]int{}
	groupSeen := map[*generator.Group]bool{}
	for _, r := range reports {
		for _, st := range r.States {
			st.Reports = append(st.Reports, r)
		}
		for _, g := range r.Groups {
			groupSeen[g] = true
		}
		for _, t := range r.Topics {
			t.Reports = append(t.Reports, r)
			inc(sessionTopics, r.Session, t)
		}
		for _, p := range r.Paragraphs {
			for _, st := range p.States {
				stmt := &generator.Statement{State: st, Report: r, Paragraph: p}
				st.Statements = append(st.Statements, stmt)
				inc(sessionSpeakers, r.Session, st)
				for _, t := range p.Topics {
					inc(topicStates, t, st)
					inc(stateTopics, st, t)
				}
			}
		}
	}

	for _, st := range states {
		if len(st.Reports) == 0 {
			continue
		}
		s.States = append(s.States, st)
		bySession := map[*generator.Session]*generator.SessionStatements{}
		for _, stmt := range st.Statements {
			g := bySession[stmt.Report.Session]
			if g == nil {
				g = &generator.SessionStatements{Session: stmt.Report.Session}
				bySession[stmt.Report.Session] = g
				st.BySession = append(st.BySession, g)
			}
			g.Statements = append(g.Statements, stmt)
		}
		sort.SliceStable(st.BySession, func(i, j int) bool {
			a, b := st.BySession[i].Session, st.BySession[j].Session
			if !a.Start.Equal(b.Start) {
				return a.Start.After(b.Start)
			}
			return a.Key < b.Key
		})
		st.Topics = topicCounts(stateTopics[st])
	}
	sort.Slice(s.States, func(i, j int) bool { return rank[s.States[i]] < rank[s.States[j]] })

	for _, ss := range s.Sessions {
		ss.Speakers = stateCounts(sessionSpeakers[ss])
		ss.Topics = topicCounts(sessionTopics[ss])
	}
	for _, t := range s.Topics {
		t.States = stateCounts(topicStates[t])
	}
	for _, g := range groups {
		if groupSeen[g] {
			s.Groups = append(s.Groups, g)
		}
	}
	sort.Slice(s.Groups, func(i, j int) bool { return s.Groups[i].Name < s.Groups[j].Name })
}

func inc[K, V comparable](m map[K]map[V]int, k K, v V) {
	if m[k] == nil {
		m[k] = map[V]int{}
	}
	m[k][v]++
}

func stateCounts(m map[*generator.State]int) []generator.StateCount {
	out := make([]generator.StateCount, 0, len(m))
	for st, n := range m {
		out = append(out, generator.StateCount{State: st, Count: n})
	}
	generator.SortStateCounts(out)
	return out
}

func topicCounts(m map[*generator.Topic]int) []generator.TopicCount {
	out := make([]generator.TopicCount, 0, len(m))
	for t, n := range m {
		out = append(out, generator.TopicCount{Topic: t, Count: n})
	}
	generator.SortTopicCounts(out)
	return out
}
