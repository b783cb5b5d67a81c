package site

import (
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/plenary-archive/plenary/generator"
)

// link fills in every relation between pages once all reports are
// analysed: sessions and their reports, statements by state, counts. It
// orders a copy of reports: the caller's slice stays in step with the
// sources and analyses it was made beside.
func link(s *generator.Site, reports []*generator.Report, states map[string]*generator.State,
	groups map[string]*generator.Group, rank map[*generator.State]int) {

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

	// Counts are kept in dense tables indexed by rank, and statements are
	// allocated one slab per report: a large archive has tens of
	// statements per report. Statements and counts are made on every
	// core, each worker counting into tables of its own; only filling the
	// lists, in the reports' order, is left to one.
	byRank := make([]*generator.State, len(rank))
	for st, i := range rank {
		byRank[i] = st
	}
	sessionIdx := make(map[*generator.Session]int, len(s.Sessions))
	for i, ss := range s.Sessions {
		sessionIdx[ss] = i
	}
	topicIdx := make(map[*generator.Topic]int, len(s.Topics))
	for i, t := range s.Topics {
		topicIdx[t] = i
	}
	nStates, nTopics := len(byRank), len(s.Topics)
	type counts struct{ sessionSpeakers, sessionTopics, topicStates, statements []int }
	newCounts := func() *counts {
		return &counts{
			sessionSpeakers: make([]int, len(s.Sessions)*nStates),
			sessionTopics:   make([]int, len(s.Sessions)*nTopics),
			topicStates:     make([]int, nTopics*nStates),
			statements:      make([]int, nStates),
		}
	}
	slabs := make([][]generator.Statement, len(reports))
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
				n := 0
				for _, p := range r.Paragraphs {
					n += len(p.States)
				}
				slab := make([]generator.Statement, 0, n)
				rk := r.Key()
				for _, p := range r.Paragraphs {
					key := generator.ParagraphKey(rk, p.N)
					for _, st := range p.States {
						slab = append(slab, generator.Statement{State: st, Report: r, Paragraph: p, Key: key})
						k := rank[st]
						c.statements[k]++
						c.sessionSpeakers[si*nStates+k]++
						for _, t := range p.Topics {
							c.topicStates[topicIdx[t]*nStates+k]++
						}
					}
				}
				slabs[i] = slab
			}
		}()
	}
	wg.Wait()
	total := parts[0]
	for _, c := range parts[1:] {
		for _, pair := range [][2][]int{{total.sessionSpeakers, c.sessionSpeakers}, {total.sessionTopics, c.sessionTopics}, {total.topicStates, c.topicStates}, {total.statements, c.statements}} {
			for i, n := range pair[1] {
				pair[0][i] += n
			}
		}
	}
	sessionSpeakers, sessionTopics, topicStates := total.sessionSpeakers, total.sessionTopics, total.topicStates
	for i, n := range total.statements {
		if n > 0 {
			byRank[i].Statements = make([]*generator.Statement, 0, n)
		}
	}
	groupSeen := map[*generator.Group]bool{}
	for i, r := range reports {
		for _, st := range r.States {
			st.Reports = append(st.Reports, r)
		}
		for _, g := range r.Groups {
			groupSeen[g] = true
		}
		for _, t := range r.Topics {
			t.Reports = append(t.Reports, r)
		}
		for j := range slabs[i] {
			stmt := &slabs[i][j]
			stmt.State.Statements = append(stmt.State.Statements, stmt)
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
		k := rank[st]
		st.Topics = []generator.TopicCount{}
		for i, t := range s.Topics {
			if n := topicStates[i*nStates+k]; n > 0 {
				st.Topics = append(st.Topics, generator.TopicCount{Topic: t, Count: n})
			}
		}
		generator.SortTopicCounts(st.Topics)
	}
	sort.Slice(s.States, func(i, j int) bool { return rank[s.States[i]] < rank[s.States[j]] })

	for i, ss := range s.Sessions {
		ss.Speakers = stateCounts(byRank, sessionSpeakers[i*nStates:(i+1)*nStates])
		ss.Topics = topicCounts(s.Topics, sessionTopics[i*nTopics:(i+1)*nTopics])
	}
	for i, t := range s.Topics {
		t.States = stateCounts(byRank, topicStates[i*nStates:(i+1)*nStates])
	}
	for _, g := range groups {
		if groupSeen[g] {
			s.Groups = append(s.Groups, g)
		}
	}
	sort.Slice(s.Groups, func(i, j int) bool { return s.Groups[i].Name < s.Groups[j].Name })
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
