// Package opendata writes the archive's open data: every report's metadata
// as one JSON file, every statement as one CSV row, and one JSON file per
// state. The formats are documented in docs/data.md and described by the
// JSON Schemas in docs/schema/, which the whole-site tests hold the output
// to, so a change here that breaks a reader's code fails a test first.
//
// The files grow with the archive (the statements file is hundreds of
// megabytes at 100,000 reports), so each is written record by record to
// the writer it is given and never held whole as a string.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

// Paths of the files, below the site's root. A state's file is
// StatesDir + slug + ".json", beside its page's slug so it is easy to guess.
const (
	ReportsPath    = "data/reports.json"
	StatementsPath = "data/statements.csv"
	StatesDir      = "data/states/"
)

// StatePath is where the file of st is written.
func StatePath(st *generator.State) string { return StatesDir + st.Slug + ".json" }

// StatementsHeader is the first row of statements.csv. Readers address
// columns by these names, so they are part of the published format.
var StatementsHeader = []string{"state_code", "state", "report", "report_title", "session", "date", "paragraph", "role", "on_behalf_of", "topics", "url", "text"}

// dateOnly is the civil date a report was held on, in its own offset, so
// that a report of 1 April in New York is never dated 2 April in UTC.
const dateOnly = "2006-01-02"

type ref struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

type stateRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type groupRef struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type report struct {
	Slug       string     `json:"slug"`
	Title      string     `json:"title"`
	Kind       string     `json:"kind"`
	URL        string     `json:"url"`
	Date       string     `json:"date"`
	Start      string     `json:"start,omitempty"`
	End        string     `json:"end,omitempty"`
	AllDay     bool       `json:"all_day"`
	Source     string     `json:"source,omitempty"`
	Session    ref        `json:"session"`
	States     []stateRef `json:"states"`
	Groups     []groupRef `json:"groups"`
	Topics     []ref      `json:"topics"`
	Paragraphs int        `json:"paragraphs"`
	Statements int        `json:"statements"`
}

// Reports writes data/reports.json: the site's title and address, then
// every report's metadata, newest first as on the site. It is ReportsHead,
// every report's ReportItem and ReportsEnd, the parts an incremental build
// renders or copies one by one.
func Reports(w io.Writer, s *generator.Site) error {
	head, err := ReportsHead(s)
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	for i, r := range s.Reports {
		if err := ReportItem(w, i, r); err != nil {
			return err
		}
	}
	return ReportsEnd(w)
}

// ReportsHead is the beginning of data/reports.json, up to the opening of
// the reports array.
func ReportsHead(s *generator.Site) ([]byte, error) {
	head := struct {
		Title   string `json:"title"`
		URL     string `json:"url"`
		Updated string `json:"updated"`
		Count   int    `json:"count"`
	}{s.Title, s.BaseURL, s.Updated.UTC().Format(time.RFC3339), len(s.Reports)}
	b, err := marshal(head)
	if err != nil {
		return nil, err
	}
	// The object is opened from its header's encoding so the fields stay
	// in one place; the reports array is appended before the closing brace.
	return append(b[:len(b)-1], `,"reports":[`...), nil
}

// ReportItem writes the entry of r, the i-th report (from 0) of the
// reports array of data/reports.json.
func ReportItem(w io.Writer, i int, r *generator.Report) error {
	return item(w, i, reportRecord(r))
}

// ReportsEnd closes data/reports.json.
func ReportsEnd(w io.Writer) error {
	_, err := io.WriteString(w, "]}\n")
	return err
}

func reportRecord(r *generator.Report) report {
	out := report{
		Slug: r.Slug, Title: r.Title, Kind: r.Kind, URL: r.Permalink,
		Date: r.Date.Format(dateOnly), AllDay: r.AllDay, Source: r.SourceURL,
		States: []stateRef{}, Groups: []groupRef{}, Topics: []ref{},
		Paragraphs: len(r.Paragraphs),
	}
	if !r.AllDay {
		out.Start = r.Date.Format(time.RFC3339)
	}
	if !r.End.IsZero() {
		out.End = r.End.Format(time.RFC3339)
	}
	if r.Session != nil {
		out.Session = ref{r.Session.Key, r.Session.Title, r.Session.Permalink}
	}
	for _, st := range r.States {
		out.States = append(out.States, stateRef{st.Code, st.Name, st.Permalink})
	}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, groupRef{g.Key, g.Name})
	}
	for _, t := range r.Topics {
		out.Topics = append(out.Topics, ref{t.Key, t.Title, t.Permalink})
	}
	for i := range r.Statements {
		if r.Statements[i].State != nil {
			out.Statements++
		}
	}
	return out
}

// Statements writes data/statements.csv: one row per state per paragraph
// it speaks or is mentioned in, with its role, reports oldest first, each
// in document order with the states of a paragraph A to Z, so the row
// count is the sum of every state's statements and mentions. Oldest first puts what an editor adds
// during a session at the end of the file, where an incremental build
// appends it instead of writing the file again. It is StatementsHead
// followed by every report's ReportStatements, the parts an incremental
// build renders one by one. Paragraph texts are read from texts.
func Statements(w io.Writer, texts *bodies.Store, s *generator.Site) error {
	if err := StatementsHead(w); err != nil {
		return err
	}
	for i := len(s.Reports) - 1; i >= 0; i-- {
		if err := ReportStatements(w, texts, s.Reports[i]); err != nil {
			return err
		}
	}
	return nil
}

// StatementsHead writes the header row of data/statements.csv.
func StatementsHead(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(StatementsHeader); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// ReportStatements writes the rows of data/statements.csv that are r's.
func ReportStatements(w io.Writer, store *bodies.Store, r *generator.Report) error {
	return reportRows(w, store, r, StatementsHeader, func(row []string, s *generator.Statement) bool {
		if s.State == nil {
			return false
		}
		row[0], row[1] = s.State.Code, s.State.Name
		return true
	})
}

// reportRows writes the rows of one report of a statements file whose
// header is header: fill sets a statement's columns before the report's
// own ("report" on), or says the statement has no row, and the columns
// from "paragraph" on are the same in every such file.
func reportRows(w io.Writer, store *bodies.Store, r *generator.Report, header []string, fill func(row []string, s *generator.Statement) bool) error {
	// The texts are read when the first row needs them: most reports
	// have no row in speakers.csv.
	var texts []string
	cw := csv.NewWriter(w)
	row := make([]string, len(header))
	at := slices.Index(header, "report")
	row[at], row[at+1] = r.Slug, r.Title
	row[at+2] = sessionKey(r)
	row[at+3] = r.Date.Format(dateOnly)
	tail := row[at+4:]
	j := 0 // the paragraph of the statement, in step: statements are in document order
	for i := range r.Statements {
		s := &r.Statements[i]
		if !fill(row, s) {
			continue
		}
		if texts == nil {
			var err error
			if texts, err = store.Texts(r); err != nil {
				return err
			}
		}
		p := s.Paragraph
		for j < len(r.Paragraphs) && r.Paragraphs[j] != p {
			j++
		}
		tail[0] = strconv.Itoa(p.N)
		tail[1] = s.Role.String()
		tail[2] = ""
		if s.OnBehalfOf != nil {
			tail[2] = s.OnBehalfOf.Key
		}
		tail[len(tail)-3] = topicKeys(p.Topics)
		tail[len(tail)-2] = r.Permalink + "#" + p.ID
		tail[len(tail)-1] = texts[j]
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func sessionKey(r *generator.Report) string {
	if r.Session == nil {
		return ""
	}
	return r.Session.Key
}

// topicKeys joins keys with ";", a separator no key contains (keys are
// file names), so a cell splits back into the list unambiguously.
func topicKeys(ts []*generator.Topic) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

type counted struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	URL   string `json:"url"`
	Count int    `json:"count"`
}

type stateReport struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	Session string `json:"session"`
	URL     string `json:"url"`
}

// State writes one state's file: who it is, its counts by topic and by
// session, its mentions, the reports it speaks in or that name it in
// their details, and its statements (the paragraphs it speaks in), each
// with the part of its paragraph a page shows of it (said gives it for
// the i-th of the state's statements): the sentence that names the state,
// in context, and the group it spoke for. The full texts, and its
// mentions, are the rows of statements.csv with its code. Reports and
// statements go one to a line, so line-oriented tools work on them, and
// are encoded by hand into one buffer: a busy state is named in
// thousands of reports.
func State(w io.Writer, st *generator.State, said func(i int) string) error {
	head := struct {
		Code     string    `json:"code"`
		Name     string    `json:"name"`
		Official string    `json:"official"`
		Kind     string    `json:"kind"`
		URL      string    `json:"url"`
		Topics   []counted `json:"topics"`
		Sessions []counted `json:"sessions"`
		Count    int       `json:"statement_count"`
		Mentions int       `json:"mention_count"`
	}{Code: st.Code, Name: st.Name, Official: st.Official, Kind: st.Kind, URL: st.Permalink,
		Topics: []counted{}, Sessions: []counted{}, Count: len(st.Statements), Mentions: len(st.Mentions)}
	for _, tc := range st.Topics {
		head.Topics = append(head.Topics, counted{tc.Topic.Key, tc.Topic.Title, tc.Topic.Permalink, tc.Count})
	}
	for _, g := range st.BySession {
		head.Sessions = append(head.Sessions, counted{g.Session.Key, g.Session.Title, g.Session.Permalink, len(g.Statements)})
	}
	b, err := marshal(head)
	if err != nil {
		return err
	}
	buf := append(b[:len(b)-1], `,"reports":[`...)
	flush := func(force bool) error {
		if len(buf) > 60<<10 || force {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		return nil
	}
	for i, r := range st.Reports {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		buf = appendStateReport(buf, stateReport{r.Slug, r.Title, r.Date.Format(dateOnly), sessionKey(r), r.Permalink})
		if err := flush(false); err != nil {
			return err
		}
	}
	buf = append(buf, `],"statements":[`...)
	for i, s := range st.Statements {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		buf = appendStatement(buf, s, said(i))
		if err := flush(false); err != nil {
			return err
		}
	}
	buf = append(buf, "]}\n"...)
	return flush(true)
}

// item writes the i-th element of a JSON array, on a line of its own so
// that line-oriented tools (grep, head) work on the file.
func item(w io.Writer, i int, v any) error {
	b, err := marshal(v)
	if err != nil {
		return err
	}
	sep := ",\n"
	if i == 0 {
		sep = "\n"
	}
	if _, err := io.WriteString(w, sep); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// marshal encodes v without HTML escaping: the files are data, never
// embedded in a page, and "&" reads better than "\u0026" in a report title.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
