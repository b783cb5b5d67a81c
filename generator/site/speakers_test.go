package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// roles lists a report's statements as "p-N name=role[ for G]".
func roles(r *generator.Report) string {
	var out []string
	for _, s := range r.Statements {
		x := fmt.Sprintf("%s %s=%s", s.Paragraph.ID, s.Name(), s.Role)
		if s.OnBehalfOf != nil {
			x += " for " + s.OnBehalfOf.Name
		}
		out = append(out, x)
	}
	return strings.Join(out, "; ")
}

// TestSpeakers checks that assembly tells speakers from mentions, hands
// a quotation to its speaker, records who spoke on behalf of a group,
// applies an editor's corrections, and gives groups and stakeholders
// pages of their own.
func TestSpeakers(t *testing.T) {
	archive := archivetest.Session +
		report("a", 4, "", "France said that the PoA matters.\n\n"+
			"Several delegations condemned the attacks on Ukraine attributed to Russia.\n\n"+
			"Egypt, on behalf of the Arab Group, stressed capacity building.\n\n"+
			"The delegate of Switzerland put it this way:\n\n> Norms matter.\n\n"+
			"Microsoft and the ICRC called for restraint; a researcher from the University of Chile agreed.") +
		report("b", 5, "[speakers]\n\"p-2\" = [\"Kenya\"]\n\"p-3\" = [\"Brazil\"]\n", "Mexico said it would open.\n\nIt was a long day.\n\nBrazil recalled the proposal made by Mexico.")
	s, problems := archivetest.Load(t, archive, site.Options{HoldMarkdown: true})
	if len(problems) != 1 || problems[0].Error() != "content/reports/2024/b.md:6: warning: speakers: p-2 names none of Kenya (it names no one; has the paragraph moved? correct its number or drop the entry)" {
		t.Fatalf("problems: %v", problems)
	}
	byslug := map[string]*generator.Report{}
	for _, r := range s.Reports {
		byslug[r.Slug] = r
	}
	want := map[string]string{
		"a": "p-1 France=speaker; p-2 Russian Federation=mentioned; p-2 Ukraine=mentioned; " +
			"p-3 Egypt=speaker for Arab Group; p-3 Arab Group=speaker; p-4 Switzerland=speaker; p-5 Switzerland=speaker; " +
			"p-6 International Committee of the Red Cross=speaker; p-6 Microsoft=speaker; p-6 University of Chile=speaker",
		"b": "p-1 Mexico=speaker; p-2 Kenya=speaker; p-3 Brazil=speaker; p-3 Mexico=mentioned",
	}
	for slug, w := range want {
		if got := roles(byslug[slug]); got != w {
			t.Errorf("%s:\n got %s\nwant %s", slug, got, w)
		}
	}
	var groups []string
	for _, g := range s.Groups {
		groups = append(groups, fmt.Sprintf("%s %s %d/%d", g.Name, g.URL, len(g.Statements), len(g.Mentions)))
	}
	if got := strings.Join(groups, "; "); got != "Arab Group /groups/arab-group/ 1/0; International Committee of the Red Cross /stakeholders/icrc/ 1/0; "+
		"Microsoft /stakeholders/microsoft/ 1/0; University of Chile /stakeholders/university-of-chile/ 1/0" {
		t.Errorf("groups: %s", got)
	}
	for _, st := range s.States {
		if st.Code == "CHL" {
			t.Errorf("Chile is a state of the archive: %d statements, %d mentions", len(st.Statements), len(st.Mentions))
		}
		if st.Code == "RUS" && (len(st.Statements) != 0 || len(st.Mentions) != 1 || len(st.Reports) != 0) {
			t.Errorf("Russia, only mentioned: %d statements, %d mentions, %d reports", len(st.Statements), len(st.Mentions), len(st.Reports))
		}
	}
	if sp := s.Sessions[0].GroupSpeakers; len(sp) != 4 {
		t.Errorf("the session's groups and stakeholders that spoke: %v", sp)
	}
}

// TestImportedTurnsAreNotStale checks that the speakers table plenary
// import writes for a transcript, every paragraph of a turn under its
// speaker though only the first names it, gives no warning.
func TestImportedTurnsAreNotStale(t *testing.T) {
	archive := archivetest.Session +
		report("a", 4, "[speakers]\n\"p-1\" = [\"Brazil\"]\n\"p-2\" = [\"Brazil\"]\n\"p-3\" = [\"Brazil\"]\n\"p-4\" = [\"Japan\"]\n\"p-5\" = [\"Japan\"]\n",
			"**Brazil:** The PoA matters.\n\nIt should start soon.\n\n- funding;\n\n**Japan:** We agree.\n\nThank you.")
	s, problems := archivetest.Load(t, archive, site.Options{HoldMarkdown: true})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if got := roles(s.Reports[0]); got != "p-1 Brazil=speaker; p-2 Brazil=speaker; p-3 Brazil=speaker; p-4 Japan=speaker; p-5 Japan=speaker" {
		t.Errorf("roles: %s", got)
	}
}
