package engine

import (
	"strings"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/expand"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// facts are the index's facts with the look-ups a request needs: filter
// values as people write them, and labels for facets and hits.
type facts struct {
	*index.Facts
	states   map[string]*index.State // by slug, code, and every name folded
	byCode   map[string]*index.State
	topics   map[string]*index.Topic // by key and folded title
	byTopic  map[string]*index.Topic
	sessions map[string]*index.Session // by key, and by folded title when unique
	bySess   map[string]*index.Session
	labels   map[string]string // session key → title, with its process when the title is not unique
	// sessionRank orders sessions as the archive does, oldest first.
	sessionRank map[string]int
}

func newFacts(f *index.Facts) *facts {
	x := &facts{Facts: f,
		states: map[string]*index.State{}, byCode: map[string]*index.State{},
		topics: map[string]*index.Topic{}, byTopic: map[string]*index.Topic{},
		sessions: map[string]*index.Session{}, bySess: map[string]*index.Session{},
		labels: map[string]string{}, sessionRank: map[string]int{},
	}
	for i := range f.States {
		st := &f.States[i]
		x.byCode[st.Code] = st
		for _, k := range []string{st.Slug, strings.ToLower(st.Code)} {
			x.states[k] = st
		}
	}
	// Names after slugs and codes, which win: a state's name may be
	// another's code ("NAM" stands for the Non-Aligned Movement in text,
	// but the filter state=nam is Namibia).
	for i := range f.States {
		st := &f.States[i]
		for _, name := range append([]string{st.Name}, st.Names...) {
			for _, k := range expand.Keys(name) {
				if _, taken := x.states[k]; !taken {
					x.states[k] = st
				}
			}
		}
	}
	for i := range f.Topics {
		t := &f.Topics[i]
		x.byTopic[t.Key] = t
		x.topics[gazetteer.Slugify(t.Title)] = t
	}
	for i := range f.Topics { // keys win over titles
		x.topics[f.Topics[i].Key] = &f.Topics[i]
	}
	titles := map[string]int{}
	for _, s := range f.Sessions {
		titles[gazetteer.Slugify(s.Title)]++
	}
	for i := range f.Sessions {
		s := &f.Sessions[i]
		x.bySess[s.Key] = s
		x.sessionRank[s.Key] = i
		x.labels[s.Key] = s.Title
		if t := gazetteer.Slugify(s.Title); titles[t] == 1 {
			x.sessions[t] = s
		} else if s.Process != "" {
			x.labels[s.Key] = s.Process + " – " + s.Title
		}
	}
	for i := range f.Sessions {
		x.sessions[f.Sessions[i].Key] = &f.Sessions[i]
	}
	return x
}

// state resolves a state's name, slug or code to the code the index
// holds.
func (x *facts) state(v string) (string, error) {
	if st := x.states[gazetteer.Slugify(v)]; st != nil {
		return st.Code, nil
	}
	if st := x.states[strings.ToLower(v)]; st != nil {
		return st.Code, nil
	}
	return "", query.Errorf("no state %q is named in the archive: use a name or slug from its states page, such as Brazil or south-africa", clip(v))
}

func (x *facts) topic(v string) (string, error) {
	if t := x.topics[v]; t != nil {
		return t.Key, nil
	}
	if t := x.topics[gazetteer.Slugify(v)]; t != nil {
		return t.Key, nil
	}
	return "", query.Errorf("unknown topic %q: use a topic's name or key, such as %s", clip(v), x.exampleTopic())
}

func (x *facts) session(v string) (string, error) {
	if s := x.sessions[v]; s != nil {
		return s.Key, nil
	}
	if s := x.sessions[gazetteer.Slugify(v)]; s != nil {
		return s.Key, nil
	}
	return "", query.Errorf("unknown session %q: use a session's key as in its page's address, such as %s", clip(v), x.exampleSession())
}

func (x *facts) exampleTopic() string {
	if len(x.Topics) == 0 {
		return "international-law"
	}
	return x.Topics[0].Key
}

func (x *facts) exampleSession() string {
	if len(x.Sessions) == 0 {
		return "oewg-2021-2025-s2"
	}
	return x.Sessions[len(x.Sessions)-1].Key
}

func (x *facts) sessionLabel(key string) string { return x.labels[key] }

// stateNames are the names of the states with the given codes.
func (x *facts) stateNames(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, s := range codes {
		if st := x.byCode[s]; st != nil {
			out = append(out, st.Name)
		}
	}
	return out
}

// allNames are every name of the states with the given codes.
func (x *facts) allNames(codes []string) []string {
	var out []string
	for _, c := range codes {
		if st := x.byCode[c]; st != nil {
			out = append(append(out, st.Name), st.Names...)
		}
	}
	return out
}

func (x *facts) topicTitles(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if t := x.byTopic[k]; t != nil {
			out = append(out, t.Title)
		}
	}
	return out
}

// clip shortens a value quoted back in an error message.
func clip(s string) string { return query.Clip(s, 40) }

// Resolve turns a filter's value as people write it (a name, a slug, a
// code, a title) into the key the index holds: field is state, topic or
// session. An unknown value is a *query.Error.
func (ix *Index) Resolve(field, value string) (string, error) {
	switch field {
	case "state":
		return ix.facts.state(value)
	case "topic":
		return ix.facts.topic(value)
	case "session":
		return ix.facts.session(value)
	}
	return "", query.Errorf("unknown filter %q: use state, topic or session", field)
}
