package site

import (
	"sort"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
)

// processes makes the archive's processes and gives each session its
// own. An archive that defines no process keeps each session's process
// as the label it writes; one that defines some must name one of them by
// its key, or none.
func processes(a *content.Archive, u *urls, s *generator.Site, errs *generator.ErrorList) {
	if len(a.Processes) == 0 && len(brokenProcesses(a)) == 0 {
		return
	}
	byKey := map[string]*generator.Process{}
	for _, src := range a.Processes {
		p := &generator.Process{
			Key: src.Key, SourcePath: src.Path, Title: src.Front.Title, Name: src.Front.Name,
			Start: src.Start, End: src.End, Body: src.Body,
		}
		for _, d := range src.Front.Documents {
			p.Documents = append(p.Documents, generator.Link{Title: d.Title, URL: d.URL})
		}
		p.URL, p.Permalink = u.claim("processes/"+src.Key+"/", src.Path)
		byKey[src.Key] = p
		s.Processes = append(s.Processes, p)
	}
	sort.SliceStable(s.Processes, func(i, j int) bool {
		a, b := s.Processes[i], s.Processes[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return a.Key < b.Key
	})
	paths := map[string]*content.Session{}
	for _, src := range a.Sessions {
		paths[src.Path] = src
	}
	// s.Sessions is in date order already, so each process's sessions are.
	for _, ss := range s.Sessions {
		key := ss.Process
		if key == "" {
			continue
		}
		p, ok := byKey[key]
		if !ok {
			if a.Broken["process:"+key] {
				continue
			}
			src := paths[ss.SourcePath]
			hint := suggestKey(key, byKey)
			for _, q := range s.Processes {
				if strings.EqualFold(q.Title, key) {
					hint = "name the process by its key: " + q.Key
				}
			}
			errs.Add(generator.Errorf(ss.SourcePath, src.Line("process"), hint, "unknown process %q", key))
			continue
		}
		ss.Series = p
		ss.Process = p.Title
		p.Sessions = append(p.Sessions, ss)
	}
}

func brokenProcesses(a *content.Archive) []string {
	var out []string
	for k := range a.Broken {
		if strings.HasPrefix(k, "process:") {
			out = append(out, k)
		}
	}
	return out
}
