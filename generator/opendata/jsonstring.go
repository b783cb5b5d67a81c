package opendata

import (
	"github.com/plenary-archive/plenary/generator/jsonstring"

	"strconv"

	"github.com/plenary-archive/plenary/generator"
)

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping off (FuzzAppendString holds it to that).
func appendString(b []byte, s string) []byte { return jsonstring.Append(b, s, false) }

// appendStateReport appends a state file's entry of a report, as
// marshal(stateReport{…}) writes it.
func appendStateReport(b []byte, r stateReport) []byte {
	b = append(b, `{"slug":`...)
	b = appendString(b, r.Slug)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Title)
	b = append(b, `,"date":`...)
	b = appendString(b, r.Date)
	b = append(b, `,"session":`...)
	b = appendString(b, r.Session)
	b = append(b, `,"url":`...)
	b = appendString(b, r.URL)
	return append(b, '}')
}

// appendStatement appends a state file's entry of a statement: its
// report, paragraph, topics and what it said.
func appendStatement(b []byte, s *generator.Statement, said string) []byte {
	b = append(b, `{"report":`...)
	b = appendString(b, s.Report.Slug)
	b = append(b, `,"paragraph":`...)
	b = strconv.AppendInt(b, int64(s.Paragraph.N), 10)
	b = append(b, `,"topics":[`...)
	for i, t := range s.Paragraph.Topics {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, t.Key)
	}
	b = append(b, ']')
	if s.OnBehalfOf != nil {
		b = append(b, `,"on_behalf_of":`...)
		b = appendString(b, s.OnBehalfOf.Key)
	}
	b = append(b, `,"text":`...)
	b = appendString(b, said)
	return append(b, '}')
}
