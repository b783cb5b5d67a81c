package opendata

import (
	"strconv"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator"
)

// appendString appends s as a JSON string, escaped exactly as
// encoding/json escapes it with HTML escaping off (FuzzAppendString holds
// it to that). The state files list thousands of reports each, and
// encoding each entry by reflection was most of their cost.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		// U+2028 and U+2029 end lines in JavaScript: encoding/json escapes
		// them, and so does this.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

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
