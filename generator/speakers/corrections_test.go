package speakers

import (
	"strings"
	"testing"
)

// TestCorrectTurns checks that the corrections `plenary import` writes
// for a transcript's turns, the same list on consecutive paragraphs of
// which only the first names the speaker, are not stale, while a turn
// whose first paragraph no longer names it is, once.
func TestCorrectTurns(t *testing.T) {
	a := testAnalyser(t)
	paras := []Paragraph{
		{ID: "p-1", Text: "Brazil: The PoA matters."},
		{ID: "p-2", Text: "It should start soon."},
		{ID: "p-3", Text: "Funding is needed."},
		{ID: "p-4", Text: "Several delegations spoke."},
		{ID: "p-5", Text: "Then others spoke."},
		{ID: "p-6", Text: "And more."},
		{ID: "p-8", Text: "A gap."},
	}
	fixes := CorrectionsFrom(map[string][]string{
		"p-1": {"Brazil"}, "p-2": {"Brazil"}, "p-3": {"Brazil"},
		"p-4": {"Japan"}, "p-5": {"Japan"},
		"p-6": {"Brazil"}, // a turn's list, but after another turn: stale
		"p-8": {"Brazil"}, // not consecutive: stale
	}, map[string]int{"p-1": 2, "p-2": 3, "p-3": 4, "p-4": 5, "p-5": 6, "p-6": 7, "p-8": 8})
	got, problems := a.Correct(paras, a.Report(paras), fixes)
	var stale []string
	for _, p := range problems {
		if !p.Stale {
			t.Errorf("not a warning: %v", p)
		}
		stale = append(stale, p.Paragraph)
	}
	if strings.Join(stale, " ") != "p-4 p-6 p-8" {
		t.Errorf("stale corrections %v, want p-4 p-6 p-8", stale)
	}
	for i, want := range []string{"Brazil=speaker", "Brazil=speaker", "Brazil=speaker", "Japan=speaker", "Japan=speaker"} {
		if s := describe(got[i]); s != want {
			t.Errorf("%s: %s, want %s", paras[i].ID, s, want)
		}
	}
}

func TestCorrect(t *testing.T) {
	a := testAnalyser(t)
	paras := []Paragraph{
		{ID: "p-1", Text: "Egypt stressed the need for capacity building."},
		{ID: "p-2", Text: "Brazil recalled the proposal made by Mexico."},
		{ID: "p-3", Text: "‘Norms matter.’"},
		{ID: "p-4", Text: "Several delegations spoke."},
	}
	names := a.Report(paras)
	fixes := CorrectionsFrom(map[string][]string{
		"p-1": {"Egypt on behalf of the Arab Group"},
		"p-2": {"Mexico"},
		"p-3": {"Switzerland"},
		"p-4": {"France"},
		"p-9": {"Chile"},
		"p-x": {"Chile"},
	}, map[string]int{"p-1": 3, "p-2": 4, "p-3": 5, "p-4": 6, "p-9": 7, "p-x": 8})
	got, problems := a.Correct(paras, names, fixes)
	want := []string{
		"Egypt=speaker for Arab Group; Arab Group=speaker",
		"Brazil=mentioned; Mexico=speaker",
		"Switzerland=speaker",
		"France=speaker",
	}
	for i, w := range want {
		if s := describe(got[i]); s != w {
			t.Errorf("%s: got %q, want %q", paras[i].ID, s, w)
		}
	}
	if describe(names[1]) != "Brazil=speaker; Mexico=mentioned" {
		t.Errorf("Correct changed the analysis it was given: %s", describe(names[1]))
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Message)
		if p.Line == 0 {
			t.Errorf("problem without a line: %v", p)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{`p-4 names none of France (it names no one; has the paragraph moved?`, `no paragraph "p-9" (its last paragraph is p-4)`, `no paragraph "p-x" (its paragraphs are p-1 to p-4)`} {
		if !strings.Contains(all, w) {
			t.Errorf("problems lack %q:\n%s", w, all)
		}
	}
	stale := 0
	for _, p := range problems {
		if p.Stale {
			stale++
		}
	}
	if len(problems) != 3 || stale != 1 {
		t.Errorf("problems: %+v", problems)
	}
	_, problems = a.Correct(paras, names, []Correction{{Paragraph: "p-1", Speakers: []string{"Mexico"}, Line: 9}})
	if w := `p-1 names none of Mexico (it names Egypt; Mexico is named in p-2;`; len(problems) != 1 || !strings.Contains(problems[0].Message, w) {
		t.Errorf("a correction of the wrong paragraph does not say where its name is: %+v", problems)
	}
	_, problems = a.Correct(paras, names, []Correction{{Paragraph: "p-1", Speakers: []string{"Egpyt"}, Line: 9}})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, `unknown speaker "Egpyt" (did you mean "Egypt"?)`) {
		t.Errorf("misspelt speaker: %+v", problems)
	}
}
