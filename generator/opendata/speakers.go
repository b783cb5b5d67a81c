package opendata

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/bodies"
)

// SpeakersPath is the file of the groups' and stakeholders' statements.
const SpeakersPath = "data/speakers.csv"

// SpeakersHeader is the first row of speakers.csv: a group's or
// stakeholder's columns, then those of statements.csv from "report" on,
// with spoken_by after on_behalf_of.
var SpeakersHeader = []string{"speaker_key", "speaker", "kind", "report", "report_title", "session", "date", "paragraph", "role", "on_behalf_of", "spoken_by", "topics", "url", "text"}

// SpeakersHead writes the header row of data/speakers.csv.
func SpeakersHead(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(SpeakersHeader); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// ReportSpeakers writes the rows of data/speakers.csv that are r's: one
// per group or stakeholder per paragraph it speaks or is mentioned in,
// in the order of statements.csv; spoken_by lists who spoke for a group
// there (state codes or registry keys, separated by ";").
func ReportSpeakers(w io.Writer, store *bodies.Store, r *generator.Report) error {
	return reportRows(w, store, r, SpeakersHeader, func(row []string, s *generator.Statement) bool {
		if s.Group == nil {
			return false
		}
		row[0], row[1], row[2] = s.Group.Key, s.Group.Name, s.Group.Kind
		row[10] = spokenBy(r, s)
		return true
	})
}

// spokenBy lists who spoke on behalf of the group of s in its paragraph.
func spokenBy(r *generator.Report, s *generator.Statement) string {
	if s.Role != generator.Speaker {
		return ""
	}
	var by []string
	for i := range r.Statements {
		o := &r.Statements[i]
		if o.Paragraph != s.Paragraph || o.OnBehalfOf != s.Group || o.Role != generator.Speaker {
			continue
		}
		if o.State != nil {
			by = append(by, o.State.Code)
		} else {
			by = append(by, o.Group.Key)
		}
	}
	return strings.Join(by, ";")
}
