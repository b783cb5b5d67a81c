package site_test

import (
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// TestProblems checks that each problem only assembly can see (one that
// involves more than one file, or the text) is reported at its file and
// line, with what to do, and that errors leave no Site while warnings do.
func TestProblems(t *testing.T) {
	const base = archivetest.Session + archivetest.Topic
	for _, tc := range []struct {
		name    string
		archive string
		want    string // one problem, as ErrorList prints it
		warning bool
	}{
		{"unknown session", strings.Replace(report("a", 4, "", "Chile spoke."), `session = "s1"`, `session = "s2"`, 1),
			`content/reports/2024/a.md:4: unknown session "s2" (did you mean s1?)`, false},
		{"unknown topic", report("a", 4, "topics = [\"law\"]\n", "Chile spoke."),
			`content/reports/2024/a.md:5: unknown topic "law" (known: poa)`, false},
		{"unknown state", report("a", 4, "states = [\"Narnia\"]\n", "Chile spoke."),
			`content/reports/2024/a.md:5: unknown state "Narnia"`, false},
		{"a group in the states", report("a", 4, "states = [\"ASEAN\"]\n", "Chile spoke."),
			`content/reports/2024/a.md:5: "ASEAN" is a group, not a state (list only states here; groups are detected in the text)`, false},
		{"two reports, one slug", report("a", 4, "", "Chile spoke.") + strings.Replace(report("a", 5, "", "Peru spoke."), "2024/a.md", "2023/a.md", 1),
			`content/reports/2024/a.md: another report has the same file name: content/reports/2023/a.md (rename one of the two files)`, false},
		{"dated outside its session", strings.Replace(report("a", 4, "", "Chile spoke."), "2024-03-04", "2024-05-04", 1),
			`content/reports/2024/a.md:3: dated 2024-05-04, outside its session s1 (2024-03-04 to 2024-03-08) (correct the date or the session)`, false},
		{"no text", report("a", 4, "", ""),
			`content/reports/2024/a.md:6: the report has no text (write the report below the front matter)`, false},
		{"a link to no page", report("a", 4, "", "Chile spoke.\n\nSee [the other](/reports/b/)."),
			`content/reports/2024/a.md:8: link "/reports/b/" points to a page that does not exist`, false},
		{"a link to no paragraph", report("a", 4, "", "Chile spoke.\n\nSee [above](/reports/a/#p-9)."),
			`content/reports/2024/a.md:8: link "/reports/a/#p-9" points to paragraph p-9, which /reports/a/ does not have (link to a paragraph the report has)`, false},
		{"a correction naming no one known", report("a", 4, "[speakers]\n\"p-1\" = [\"Egpyt\"]\n", "Egypt spoke."),
			`content/reports/2024/a.md:6: speakers: p-1: unknown speaker "Egpyt" (did you mean "Egypt"?)`, false},
		{"a correction of no paragraph", report("a", 4, "speakers = {\"p-3\" = [\"Egypt\"]}\n", "Egypt spoke."),
			`content/reports/2024/a.md:5: speakers: the report has no paragraph "p-3" (its last paragraph is p-1)`, false},
		{"a correction the text has moved away from", report("a", 4, "[speakers]\n\"p-2\" = [\"Egypt\"]\n", "Egypt spoke.\n\nChile agreed."),
			`content/reports/2024/a.md:6: warning: speakers: p-2 names none of Egypt`, true},
		{"a misspelt state", report("a", 4, "", "Chile spoke.\n\nColumbia agreed."),
			`content/reports/2024/a.md:8: warning: "Columbia" is a misspelling of Colombia (write Colombia)`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, problems := archivetest.Load(t, base+tc.archive, site.Options{})
			if len(problems) != 1 || !strings.HasPrefix(problems[0].Error(), tc.want) {
				t.Fatalf("problems:\n%v\nwant one starting:\n%s", problems, tc.want)
			}
			if problems[0].Warning != tc.warning {
				t.Errorf("warning: %v, want %v", problems[0].Warning, tc.warning)
			}
			if (s != nil) != tc.warning {
				t.Errorf("Site %v with a problem that is a warning: %v", s != nil, tc.warning)
			}
		})
	}
}
