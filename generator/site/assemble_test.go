package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// shape describes what assembly made of an archive, one line a report,
// newest first: its session and neighbours, its states and topics, then
// each paragraph's anchor with the states (in brackets) and topics (in
// parentheses) it names.
func shape(s *generator.Site) string {
	var b strings.Builder
	for _, r := range s.Reports {
		prev, next := "-", "-"
		if r.Prev != nil {
			prev = r.Prev.Slug
		}
		if r.Next != nil {
			next = r.Next.Slug
		}
		fmt.Fprintf(&b, "%s %s %s<>%s states%v topics%v groups%v:", r.Slug, r.Session.Key, prev, next, codes(r.States), keys(r.Topics), names(r.Groups))
		for _, p := range r.Paragraphs {
			fmt.Fprintf(&b, " %s%v%v", p.ID, codes(p.States), keys(p.Topics))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func codes(states []*generator.State) []string {
	out := []string{}
	for _, st := range states {
		out = append(out, st.Code)
	}
	return out
}

func keys(topics []*generator.Topic) []string {
	out := []string{}
	for _, t := range topics {
		out = append(out, t.Key)
	}
	return out
}

func names(groups []*generator.Group) []string {
	out := []string{}
	for _, g := range groups {
		out = append(out, g.Name)
	}
	return out
}

// report is a report file of session s1 dated day (March 2024).
func report(slug string, day int, front, body string) string {
	return fmt.Sprintf("-- content/reports/2024/%s.md --\n+++\ntitle = %q\ndate = 2024-03-%02dT10:00:00Z\nsession = \"s1\"\n%s+++\n%s\n", slug, "Report "+slug, day, front, body)
}

// law is a second topic; weighted, it comes first in the site's order.
const law = "-- content/topics/law.md --\n+++\ntitle = \"International law\"\nkeywords = [\"UN Charter\"]\nweight = 2\n+++\n"

// TestAssemble checks, archive by archive, the states, groups and topics
// assembly finds in each paragraph and report, and how reports are
// ordered and chained.
func TestAssemble(t *testing.T) {
	const base = archivetest.Session + archivetest.Topic
	for _, tc := range []struct {
		name    string
		archive string
		want    string
	}{
		{"the longest name wins", report("a", 4, "", "Nigeria agreed.\n\nNiger too.\n\nGuinea-Bissau and Papua New Guinea agreed."),
			"a s1 -<>- states[GNB NER NGA PNG] topics[] groups[]: p-1[NGA][] p-2[NER][] p-3[GNB PNG][]\n"},
		{"groups are never states", report("a", 4, "", "The African Group and ASEAN spoke. France agreed."),
			"a s1 -<>- states[FRA] topics[] groups[African Group Association of Southeast Asian Nations]: p-1[FRA][]\n"},
		{"front matter and title name states, not statements", report("a", 4, "states = [\"Kenya\"]\n", "Chile spoke."),
			"a s1 -<>- states[CHL KEN] topics[] groups[]: p-1[CHL][]\n"},
		{"acronyms match case for case, phrases in any case", law + report("a", 4, "", "France backed the PoA.\n\nChile said poa, citing the UN Charter.\n\nKenya praised the programme of action."),
			"a s1 -<>- states[CHL FRA KEN] topics[law poa] groups[]: p-1[FRA][poa] p-2[CHL][law] p-3[KEN][poa]\n"},
		{"a paragraph naming no topic is about its report's", law + report("a", 4, "topics = [\"law\"]\n", "France backed the PoA.\n\nChile agreed."),
			"a s1 -<>- states[CHL FRA] topics[law poa] groups[]: p-1[FRA][poa] p-2[CHL][law poa]\n"},
		{"a heading tags its section", report("a", 4, "", "Chile opened.\n\n## Programme of Action\n\nKenya agreed."),
			"a s1 -<>- states[CHL KEN] topics[poa] groups[]: p-1[CHL][poa] p-2[KEN][poa]\n"},
		{"neighbours within a session, newest first", report("a", 4, "", "Chile spoke.") + report("b", 6, "", "Kenya spoke.") + report("c", 5, "", "Peru spoke."),
			"b s1 c<>- states[KEN] topics[] groups[]: p-1[KEN][]\n" +
				"c s1 a<>b states[PER] topics[] groups[]: p-1[PER][]\n" +
				"a s1 -<>c states[CHL] topics[] groups[]: p-1[CHL][]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := archivetest.Site(t, base+tc.archive)
			if got := shape(s); got != tc.want {
				t.Errorf("got:\n%swant:\n%s", got, tc.want)
			}
		})
	}
}

// TestCounts checks the counts pages show: a session's speakers, a topic's
// states, a state's statements by session and topic; a state only named
// is mentioned, and counts nowhere.
func TestCounts(t *testing.T) {
	s := archivetest.Site(t, archivetest.Session+archivetest.Topic+
		report("a", 4, "", "France and Chile spoke on the PoA.\n\nFrance added that it agreed.")+
		report("b", 5, "", "France concluded.\n\nKenya was not named by France."))
	ss := s.Sessions[0]
	if got := fmt.Sprint(counts(ss.Speakers)); got != "[FRA:3 CHL:1]" {
		t.Errorf("session speakers %s", got)
	}
	// France's second paragraph names no topic: it is about its report's.
	if got := fmt.Sprint(counts(s.Topics[0].States)); got != "[FRA:2 CHL:1]" {
		t.Errorf("topic states %s", got)
	}
	if got := fmt.Sprint(codes(s.States)); got != "[CHL FRA KEN]" {
		t.Errorf("states %s, want those named, A to Z", got)
	}
	fra, ken := s.States[1], s.States[2]
	if len(fra.Statements) != 3 || len(fra.Mentions) != 1 || len(fra.Reports) != 2 || len(fra.BySession) != 1 || len(fra.BySession[0].Statements) != 3 {
		t.Errorf("France: %d statements and %d mentions in %d reports, %d sessions", len(fra.Statements), len(fra.Mentions), len(fra.Reports), len(fra.BySession))
	}
	if len(ken.Statements) != 0 || len(ken.Mentions) != 1 || len(ken.Reports) != 0 {
		t.Errorf("Kenya, only named: %d statements and %d mentions in %d reports", len(ken.Statements), len(ken.Mentions), len(ken.Reports))
	}
	if fra.Statements[0].Report.Slug != "b" || fra.Statements[1].URL() != "/reports/a/#p-1" {
		t.Errorf("France's statements are not newest first, then in document order: %s, %s", fra.Statements[0].URL(), fra.Statements[1].URL())
	}
	if got := fmt.Sprint(topicCounts(fra.Topics)); got != "[poa:2]" {
		t.Errorf("France's topics %s", got)
	}
}

func counts(c []generator.StateCount) []string {
	var out []string
	for _, sc := range c {
		out = append(out, fmt.Sprintf("%s:%d", sc.State.Code, sc.Count))
	}
	return out
}

func topicCounts(c []generator.TopicCount) []string {
	var out []string
	for _, tc := range c {
		out = append(out, fmt.Sprintf("%s:%d", tc.Topic.Key, tc.Count))
	}
	return out
}
