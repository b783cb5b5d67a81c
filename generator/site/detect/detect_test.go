package detect_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/registry"
	"github.com/plenary-archive/plenary/generator/site/detect"
	"github.com/plenary-archive/plenary/generator/speakers"
)

func detector(t *testing.T) *detect.Detector {
	t.Helper()
	gz := gazetteer.Default()
	reg, err := registry.Load(gz)
	if err != nil {
		t.Fatal(err)
	}
	an, err := speakers.New(gz, reg)
	if err != nil {
		t.Fatal(err)
	}
	topics := []*generator.Topic{{Key: "poa", Title: "Programme of Action", Keywords: []string{"PoA"}}}
	return detect.New(markdown.New("/"), gz, an, topics)
}

// names writes a paragraph's names as "FRA=speaker EGY=speaker>arab-group".
func names(p detect.DetectedParagraph) string {
	var out []string
	for _, n := range p.Names {
		s := n.Code + "=mentioned"
		if n.Speaker {
			s = n.Code + "=speaker"
		}
		if n.For != "" {
			s += ">" + n.For
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// TestDetect checks what a report's body yields, paragraph by paragraph:
// names with their roles, a quotation handed to its speaker, the group
// spoken for, topics, misspellings, and the problems of corrections.
func TestDetect(t *testing.T) {
	body := "Egypt, on behalf of the Arab Group, stressed the PoA.\n\n" +
		"The delegate of Switzerland put it this way:\n\n> Norms matter, said nobody in Russia.\n\n" +
		"Columbia recalled the proposal made by Mexico.\n"
	fixes := speakers.CorrectionsFrom(map[string][]string{"p-9": {"Chile"}}, map[string]int{"p-9": 7})
	det := detector(t).Detect("France on the PoA", []byte(body), fixes)
	var got []string
	for _, p := range det.Paragraphs {
		got = append(got, fmt.Sprintf("%s %s %v", detect.ParagraphID(p.N), names(p), p.Topics))
	}
	want := []string{
		"p-1 EGY=speaker>arab-group arab-group=speaker [poa]",
		"p-2 CHE=speaker []",
		"p-3 RUS=mentioned CHE=speaker []",
		"p-4 COL=speaker MEX=mentioned []",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fmt.Sprint(det.TitleStates, det.TitleTopics, det.Groups) != "[FRA] [poa] [arab-group]" {
		t.Errorf("title states %v, topics %v, groups %v", det.TitleStates, det.TitleTopics, det.Groups)
	}
	if len(det.Misspellings) != 1 || det.Misspellings[0] != (detect.Misspelling{Line: 7, Form: "Columbia", Name: "Colombia"}) {
		t.Errorf("misspellings %+v", det.Misspellings)
	}
	if len(det.Problems) != 1 || det.Problems[0].Line != 7 || det.Problems[0].Stale || !strings.Contains(det.Problems[0].Msg, `no paragraph "p-9"`) {
		t.Errorf("problems %+v", det.Problems)
	}
}
