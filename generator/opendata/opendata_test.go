package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/opendata"
)

// tiny is a hand-made Site whose one paragraph holds everything CSV and
// JSON must escape.
func tiny() (*generator.Site, string) {
	text := "Chile, \"quoting\" a \"draft\",\nsaid:\r\n\"yes\"; then ¶ \u2028 <b>&</b>"
	ss := &generator.Session{Key: "s1", Title: "First, \"the\" session", Permalink: "https://example.org/sessions/s1/"}
	law := &generator.Topic{Key: "law", Title: "Law", Permalink: "https://example.org/topics/law/"}
	poa := &generator.Topic{Key: "poa", Title: "PoA", Permalink: "https://example.org/topics/poa/"}
	chile := &generator.State{Code: "CHL", Name: "Chile", Official: "Republic of Chile", Kind: "member", Slug: "chile", Permalink: "https://example.org/states/chile/"}
	para := generator.NewParagraph(1, "p-1", "", text)
	p := &para
	p.States, p.Topics = []*generator.State{chile}, []*generator.Topic{poa, law}
	r := &generator.Report{
		Slug: "r1", Title: "A, \"B\"\nC", Kind: "event-report", Permalink: "https://example.org/reports/r1/",
		Date: time.Date(2022, 4, 1, 22, 0, 0, 0, time.FixedZone("", -4*3600)), Session: ss,
		States: []*generator.State{chile}, Topics: []*generator.Topic{law, poa}, Paragraphs: []*generator.Paragraph{p},
	}
	arab := &generator.Group{Key: "arab-group", Name: "Arab Group", Kind: "political-group", OfStates: true}
	r.Statements = []generator.Statement{
		{State: chile, Report: r, Paragraph: p, Role: generator.Speaker, OnBehalfOf: arab},
		{Group: arab, Report: r, Paragraph: p, Role: generator.Speaker},
	}
	stmt := &r.Statements[0]
	chile.Statements = []*generator.Statement{stmt}
	chile.Reports = []*generator.Report{r}
	chile.BySession = []*generator.SessionStatements{{Session: ss, Statements: chile.Statements}}
	chile.Topics = []generator.TopicCount{{Topic: poa, Count: 1}, {Topic: law, Count: 1}}
	ss.Reports = []*generator.Report{r}
	s := &generator.Site{
		Title: "T", BaseURL: "https://example.org/", Updated: r.Date.UTC(),
		Reports: []*generator.Report{r}, Sessions: []*generator.Session{ss}, States: []*generator.State{chile}, Topics: []*generator.Topic{law, poa},
	}
	return s, text
}

// TestStatementsCSV checks that a paragraph with commas, quotes, line
// breaks and a carriage return reads back exactly, with the other cells.
func TestStatementsCSV(t *testing.T) {
	s, text := tiny()
	var b bytes.Buffer
	if err := opendata.Statements(&b, nil, s); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want the header and one row", len(recs))
	}
	want := []string{"CHL", "Chile", "r1", "A, \"B\"\nC", "s1", "2022-04-01", "1", "speaker", "arab-group", "poa;law", "https://example.org/reports/r1/#p-1", text}
	// encoding/csv reads a quoted \r\n as \n: that is the one change a
	// reader sees, and the writer must not lose more.
	want[11] = strings.ReplaceAll(want[11], "\r\n", "\n")
	for i, w := range want {
		if recs[1][i] != w {
			t.Errorf("column %s is %q, want %q", recs[0][i], recs[1][i], w)
		}
	}
	if !strings.Contains(b.String(), `"Chile, ""quoting"" a ""draft"",`) {
		t.Errorf("the text is not quoted as RFC 4180 says:\n%s", b.String())
	}
}

// TestSpeakersCSV checks the groups' and stakeholders' file: a group a
// state spoke for names it in spoken_by, with the columns of
// statements.csv.
func TestSpeakersCSV(t *testing.T) {
	s, _ := tiny()
	var b bytes.Buffer
	if err := opendata.SpeakersHead(&b); err != nil {
		t.Fatal(err)
	}
	if err := opendata.ReportSpeakers(&b, nil, s.Reports[0]); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records (%v), want the header and one row:\n%s", len(recs), err, b.String())
	}
	got := map[string]string{}
	for i, col := range recs[0] {
		got[col] = recs[1][i]
	}
	for col, want := range map[string]string{
		"speaker_key": "arab-group", "speaker": "Arab Group", "kind": "political-group", "report": "r1",
		"paragraph": "1", "role": "speaker", "on_behalf_of": "", "spoken_by": "CHL", "topics": "poa;law",
	} {
		if got[col] != want {
			t.Errorf("column %s is %q, want %q", col, got[col], want)
		}
	}
}

// TestJSONFiles checks that both JSON files parse and keep the dates
// exactly: the civil date of a report held late in the evening of 1
// April in New York is 1 April, though it is 2 April in UTC.
func TestJSONFiles(t *testing.T) {
	s, _ := tiny()
	var b bytes.Buffer
	if err := opendata.Reports(&b, s); err != nil {
		t.Fatal(err)
	}
	var rj struct {
		Count   int `json:"count"`
		Reports []struct {
			Title, Date, Start string
			Topics             []struct{ Key string }
			Statements         int
		} `json:"reports"`
	}
	if err := json.Unmarshal(b.Bytes(), &rj); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if rj.Count != 1 || len(rj.Reports) != 1 {
		t.Fatalf("count %d, %d reports", rj.Count, len(rj.Reports))
	}
	r := rj.Reports[0]
	if r.Title != "A, \"B\"\nC" || r.Date != "2022-04-01" || r.Start != "2022-04-01T22:00:00-04:00" || r.Statements != 1 || len(r.Topics) != 2 {
		t.Errorf("report %+v", r)
	}

	b.Reset()
	if err := opendata.State(&b, s.States[0], func(int) string { return "said" }); err != nil {
		t.Fatal(err)
	}
	var sj struct {
		Count      int `json:"statement_count"`
		Statements []struct {
			Report    string
			Paragraph int
			Topics    []string
			Text      string
		} `json:"statements"`
		Reports []struct{ Slug, Session string }
	}
	if err := json.Unmarshal(b.Bytes(), &sj); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if sj.Count != 1 || len(sj.Reports) != 1 || sj.Reports[0].Slug != "r1" || sj.Reports[0].Session != "s1" {
		t.Errorf("state file %+v", sj)
	}
	if len(sj.Statements) != 1 || sj.Statements[0].Report != "r1" || sj.Statements[0].Paragraph != 1 ||
		strings.Join(sj.Statements[0].Topics, ",") != "poa,law" || sj.Statements[0].Text != "said" {
		t.Errorf("state file's statements %+v", sj.Statements)
	}
	if opendata.StatePath(s.States[0]) != "data/states/chile.json" {
		t.Errorf("state path %s", opendata.StatePath(s.States[0]))
	}
}
