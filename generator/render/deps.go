package render

// Dep is something a file of the site shows that can change on its own:
// a report, a report's record in the data files, a session, a state or a
// topic. Outputs name their deps; an incremental build renders a file
// again when one of its deps is touched (see Touched), so both sides make
// deps with the constructors below and nothing else.
type Dep struct {
	kind depKind
	key  string
}

type depKind uint8

const (
	reportDep depKind = iota + 1
	dataDep
	sessionDep
	stateDep
	topicDep
	groupDep
)

// ReportDep is a report's page.
func ReportDep(slug string) Dep { return Dep{reportDep, slug} }

// DataDep is a report's records in the data files and the sitemap. It is
// touched for a report whose source or place changed, not for its
// neighbours, whose records do not show it.
func DataDep(slug string) Dep { return Dep{dataDep, slug} }

// SessionDep is what a session's files show: its reports and speakers.
func SessionDep(key string) Dep { return Dep{sessionDep, key} }

// StateDep is what a state's files show: its statements and reports.
func StateDep(code string) Dep { return Dep{stateDep, code} }

// TopicDep is what a topic's files show: its reports and states.
func TopicDep(key string) Dep { return Dep{topicDep, key} }

// GroupDep is what a group's or stakeholder's files show: its statements
// and mentions.
func GroupDep(key string) Dep { return Dep{groupDep, key} }

// String names the dep, for messages and tests.
func (d Dep) String() string {
	return [...]string{"?", "report", "data", "session", "state", "topic", "group"}[d.kind] + ":" + d.key
}

// Place is where a report shows on other files than its own: its
// session, its neighbours in the session, the states, groups,
// stakeholders and topics it names.
type Place struct {
	Slug       string
	Session    string
	Prev, Next string   // neighbours' slugs, "" at either end
	States     []string // codes
	Groups     []string // keys of groups and stakeholders
	Topics     []string // keys
}

// Touched lists the deps of the files that show a report at place: a
// report added there, removed from there or changed touches all of them.
// Its neighbours' pages show its title in their pagers.
func (p Place) Touched() []Dep {
	deps := []Dep{ReportDep(p.Slug), DataDep(p.Slug), SessionDep(p.Session)}
	for _, c := range p.States {
		deps = append(deps, StateDep(c))
	}
	for _, k := range p.Groups {
		deps = append(deps, GroupDep(k))
	}
	for _, k := range p.Topics {
		deps = append(deps, TopicDep(k))
	}
	for _, n := range []string{p.Prev, p.Next} {
		if n != "" {
			deps = append(deps, ReportDep(n))
		}
	}
	return deps
}
