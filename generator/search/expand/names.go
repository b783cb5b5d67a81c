package expand

import (
	"strings"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/query"
)

// Names are an index's facts with the look-ups a request needs: filter
// values as people write them, and labels for facets and hits. They are
// never changed once made, so one serves every search.
type Names struct {
	*index.Facts
	states   map[string]*index.State // by slug, code, and every name folded
	byCode   map[string]*index.State
	groups   map[string]*index.Speaker // groups and stakeholders by every name folded
	byGroup  map[string]*index.Speaker // by key
	topics   map[string]*index.Topic   // by key and folded title
	byTopic  map[string]*index.Topic
	sessions map[string]*index.Session // by key, and by folded title when unique
	bySess   map[string]*index.Session
	labels   map[string]string // session key → title, with its process when the title is not unique
	// sessionRank orders sessions as the archive does, oldest first.
	sessionRank map[string]int
}

// NewNames makes the look-ups of f.
func NewNames(f *index.Facts) *Names {
	x := &Names{Facts: f,
		states: map[string]*index.State{}, byCode: map[string]*index.State{},
		groups: map[string]*index.Speaker{}, byGroup: map[string]*index.Speaker{},
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
			for _, k := range Keys(name) {
				if _, taken := x.states[k]; !taken {
					x.states[k] = st
				}
			}
		}
	}
	for i := range f.Speakers {
		g := &f.Speakers[i]
		x.byGroup[g.Key] = g
	}
	for i := range f.Speakers {
		g := &f.Speakers[i]
		for _, name := range append([]string{g.Name}, g.Names...) {
			for _, k := range Keys(name) {
				if _, taken := x.groups[k]; !taken {
					x.groups[k] = g
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
func (x *Names) state(v string) (string, error) {
	if st := x.states[gazetteer.Slugify(v)]; st != nil {
		return st.Code, nil
	}
	if st := x.states[strings.ToLower(v)]; st != nil {
		return st.Code, nil
	}
	return "", query.Errorf("no state %q is named in the archive: use a name or slug from its states page, such as Brazil or south-africa", clip(v))
}

// speaker resolves who speaks, as people write it, to the key the index
// holds: a group's or stakeholder's key, then a state by name, slug or
// code (its code), then a group or stakeholder by any of its names.
func (x *Names) speaker(v string) (string, error) {
	if g := x.byGroup[strings.ToLower(strings.TrimSpace(v))]; g != nil {
		return g.Key, nil
	}
	if code, err := x.state(v); err == nil {
		return code, nil
	}
	for _, k := range Keys(v) {
		if g := x.groups[k]; g != nil {
			return g.Key, nil
		}
	}
	return "", query.Errorf("no state, group or stakeholder %q speaks in the archive: use a name or key from its states, groups or stakeholders pages, such as Brazil or icrc", clip(v))
}

// speakerLabel is the name of a speaker's key.
func (x *Names) SpeakerLabel(key string) string {
	if st := x.byCode[key]; st != nil {
		return st.Name
	}
	if g := x.byGroup[key]; g != nil {
		return g.Name
	}
	return key
}

// speakerValue is what the speaker filter takes for a key in links: a
// state's slug, as the state filter, or a group's key.
func (x *Names) SpeakerValue(key string) string {
	if st := x.byCode[key]; st != nil {
		return st.Slug
	}
	return key
}

// speakerNames are every name of the speakers with the given keys.
func (x *Names) SpeakerNames(keys []string) []string {
	var out []string
	for _, k := range keys {
		if st := x.byCode[k]; st != nil {
			out = append(append(out, st.Name), st.Names...)
		} else if g := x.byGroup[k]; g != nil {
			out = append(append(out, g.Name), g.Names...)
		}
	}
	return out
}

func (x *Names) topic(v string) (string, error) {
	if t := x.topics[v]; t != nil {
		return t.Key, nil
	}
	if t := x.topics[gazetteer.Slugify(v)]; t != nil {
		return t.Key, nil
	}
	return "", query.Errorf("unknown topic %q: use a topic's name or key, such as %s", clip(v), x.exampleTopic())
}

func (x *Names) session(v string) (string, error) {
	if s := x.sessions[v]; s != nil {
		return s.Key, nil
	}
	if s := x.sessions[gazetteer.Slugify(v)]; s != nil {
		return s.Key, nil
	}
	return "", query.Errorf("unknown session %q: use a session's key as in its page's address, such as %s", clip(v), x.exampleSession())
}

func (x *Names) exampleTopic() string {
	if len(x.Topics) == 0 {
		return "international-law"
	}
	return x.Topics[0].Key
}

func (x *Names) exampleSession() string {
	if len(x.Sessions) == 0 {
		return "oewg-2021-2025-s2"
	}
	return x.Sessions[len(x.Sessions)-1].Key
}

// SessionLabel is what pages call a session: its title, with its process
// when another session has the same title.
func (x *Names) SessionLabel(key string) string { return x.labels[key] }

// StateNames are the names of the states with the given codes.
func (x *Names) StateNames(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, s := range codes {
		if st := x.byCode[s]; st != nil {
			out = append(out, st.Name)
		}
	}
	return out
}

// AllNames are every name of the states with the given codes.
func (x *Names) AllNames(codes []string) []string {
	var out []string
	for _, c := range codes {
		if st := x.byCode[c]; st != nil {
			out = append(append(out, st.Name), st.Names...)
		}
	}
	return out
}

// TopicTitles are the titles of the topics with the given keys.
func (x *Names) TopicTitles(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if t := x.byTopic[k]; t != nil {
			out = append(out, t.Title)
		}
	}
	return out
}

// State is the state with the given code, nil if the archive names none.
func (x *Names) State(code string) *index.State { return x.byCode[code] }

// Topic is the topic with the given key, or nil.
func (x *Names) Topic(key string) *index.Topic { return x.byTopic[key] }

// Session is the session with the given key, or nil.
func (x *Names) Session(key string) *index.Session { return x.bySess[key] }

// SessionRank is a session's place in the archive's order, oldest first.
func (x *Names) SessionRank(key string) int { return x.sessionRank[key] }

// IsSpeaker tells whether key is a state or a group or stakeholder of
// the archive.
func (x *Names) IsSpeaker(key string) bool { return x.byCode[key] != nil || x.byGroup[key] != nil }

// clip shortens a value quoted back in an error message.
func clip(s string) string { return query.Clip(s, 40) }

// Resolve turns a filter's value as people write it (a name, a slug, a
// code, a title) into the key the index holds: field is state, speaker,
// topic or session. An unknown value is a *query.Error.
func (x *Names) Resolve(field, value string) (string, error) {
	switch field {
	case "state":
		return x.state(value)
	case "speaker":
		return x.speaker(value)
	case "topic":
		return x.topic(value)
	case "session":
		return x.session(value)
	}
	return "", query.Errorf("unknown filter %q: use state, speaker, topic or session", field)
}
