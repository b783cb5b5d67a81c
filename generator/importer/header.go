package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/importer/dateline"
)

// DefaultKind is the kind of a report without a kind line.
const DefaultKind = "event-report"

// DefaultKinds are the kinds of report the importer knows; [import] kinds
// adds to them. Another kind-like line ("Live blog") is imported with a
// warning that names it.
var DefaultKinds = []string{
	"event-report", "session-report", "report", "summary", "transcript", "blog-post", "update",
	"press-release", "statement", "briefing", "analysis", "news",
}

// kindNouns end a line that names a kind of report, known or not.
var kindNouns = map[string]bool{
	"report": true, "reports": true, "summary": true, "summaries": true, "transcript": true, "update": true,
	"updates": true, "post": true, "blog": true, "release": true, "statement": true, "briefing": true,
	"analysis": true, "news": true, "recap": true, "overview": true, "highlights": true, "minutes": true,
	"note": true, "notes": true, "digest": true, "readout": true, "brief": true, "coverage": true,
	"debrief": true, "record": true, "wrap-up": true, "bulletin": true, "newsletter": true,
}

// maxKindLen bounds a kind line: a longer line is the report's first
// paragraph.
const maxKindLen = 40

// kindOf tells whether text is a kind line, and its slug.
func kindOf(text string) (kind string, ok bool) {
	t := strings.TrimSuffix(strings.TrimSpace(text), ":")
	if t == "" || utf8.RuneCountInString(t) > maxKindLen || endsSentence(t) {
		return "", false
	}
	words := strings.Fields(strings.ToLower(t))
	if len(words) > 5 {
		return "", false
	}
	k := slug(t)
	if k == "" {
		return "", false
	}
	if kindNouns[words[len(words)-1]] {
		return k, true
	}
	return k, false
}

// venueWords name where a meeting is held, without a place: "Online",
// "Conference Room 4", "UN Headquarters".
var venueWords = regexp.MustCompile(`(?i)\b(online|virtual|virtually|hybrid|remote|headquarters|unhq|un\s+hq|palais\s+des\s+nations|conference\s+room|room|hall|building|cr\s*\d+|trusteeship\s+council|zoom|webex|webcast|in\s+person|in-person)\b`)

// cities are places meetings of the archive's processes are held in or
// reported from; states are known to the gazetteer.
var cities = map[string]bool{
	"new york": true, "geneva": true, "vienna": true, "nairobi": true, "paris": true, "brussels": true,
	"the hague": true, "london": true, "bangkok": true, "addis ababa": true, "santiago": true,
	"buenos aires": true, "tokyo": true, "beijing": true, "moscow": true, "washington": true,
	"washington dc": true, "montreal": true, "strasbourg": true, "tallinn": true, "warsaw": true,
	"berlin": true, "rome": true, "madrid": true, "lisbon": true, "ottawa": true, "canberra": true,
	"jakarta": true, "kuala lumpur": true, "manila": true, "new delhi": true, "delhi": true,
	"dubai": true, "doha": true, "riyadh": true, "cairo": true, "accra": true, "abuja": true,
	"kigali": true, "dakar": true, "johannesburg": true, "pretoria": true, "bogota": true,
	"bogotá": true, "mexico city": true, "lima": true, "brasília": true, "brasilia": true,
	"montevideo": true, "seoul": true, "hanoi": true, "kyiv": true, "ankara": true, "astana": true,
	"tashkent": true, "oslo": true, "stockholm": true, "helsinki": true, "copenhagen": true,
}

// locationSplit separates the parts of a location line.
var locationSplit = regexp.MustCompile(`\s*(?:,|\||/|·|\s&\s|\sand\s|\s[-–—]\s)\s*`)

// isLocation tells whether text is a location line: "New York, USA",
// "Online", "UN Headquarters, New York and online". Each of its parts must
// be a city, a venue ("Conference Room 4", "Online") or, after another
// part, a state: a state's name alone is not one (in a transcript it is a
// speaker's label), nor is a title that happens to name a venue.
func isLocation(text string, gz *gazetteer.Gazetteer) bool {
	t := strings.TrimSpace(text)
	if t == "" || utf8.RuneCountInString(t) > 80 || endsSentence(t) || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";") {
		return false
	}
	parts := locationSplit.Split(t, -1)
	for i, p := range parts {
		words := len(strings.Fields(p))
		switch {
		case words == 0:
			return false
		case cities[strings.ToLower(p)]:
		case words <= 4 && venueWords.MatchString(p):
		case i > 0 && isState(p, gz):
		default:
			return false
		}
	}
	return true
}

func isState(s string, gz *gazetteer.Gazetteer) bool {
	e, ok := gz.Lookup(s)
	return ok && e.IsState()
}

// endsSentence tells whether text ends like a sentence: a full stop, a
// question or exclamation mark, an ellipsis, any of them before closing
// quotes or brackets.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, `"'”’»)]`)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// header is what the lines between the title and the text say.
type header struct {
	when     dateline.Span
	location string
	kind     string
	bodyFrom int // index of the first line of the text
}

// maxHeaderLines bounds how many lines after the title can be header
// lines (a date, a location, a kind, in any order).
const maxHeaderLines = 4

// readHeader reads the header lines after the title at index i: a date
// line (required), a location line and a kind line (each optional, the
// kind ending the header). loc is the zone of times the date line does not
// name.
func (im *Importer) readHeader(name string, ls []line, title line, i int, loc *time.Location, notes *[]Note) (*header, error) {
	h := &header{}
	haveDate := false
	first := i
	for n := 0; n < maxHeaderLines; n++ {
		i = nextNonBlank(ls, i)
		if i == len(ls) {
			break
		}
		l := ls[i]
		text := l.trimmed()
		if l.heading && n > 0 {
			break
		}
		if !haveDate && dateline.Looks(text) {
			w, err := dateline.Parse(text, loc)
			if err != nil {
				// "31 Mar 2022 10:00h - 13:00h, New York": a date and a
				// location on one line.
				if w2, where, ok := splitDateLocation(text, loc, im.gz); ok {
					w, err = w2, nil
					h.location = where
				}
			}
			if err != nil {
				return nil, dateError(name, l.n, text, err)
			}
			h.when, haveDate = w, true
			i++
			continue
		}
		if h.location == "" && isLocation(text, im.gz) {
			h.location = strings.Join(strings.Fields(text), " ")
			i++
			continue
		}
		if k, ok := kindOf(text); ok {
			if h.kind != "" {
				break
			}
			h.kind = k
			if !im.kinds[k] {
				*notes = append(*notes, Note{Line: l.n, Warning: true,
					Msg: fmt.Sprintf("unknown kind %q (from %q): imported as it is; known kinds: %s (add it to [import] kinds in config.toml)", k, text, strings.Join(im.kindList, ", "))})
			}
			i++
			if haveDate {
				// The kind line ends the header, but for a location
				// written after it.
				if j := nextNonBlank(ls, i); j < len(ls) && h.location == "" && isLocation(ls[j].trimmed(), im.gz) {
					h.location = strings.Join(strings.Fields(ls[j].trimmed()), " ")
					i = j + 1
				}
				break
			}
			continue
		}
		break
	}
	if !haveDate {
		j := nextNonBlank(ls, first)
		if j == len(ls) {
			return nil, &ParseError{Name: name, Line: title.n, Msg: "the report ends after its title",
				Hint: "add the date on the line after the title, like " + dateExample}
		}
		text := ls[j].trimmed()
		if strings.ContainsAny(text, "0123456789") && !endsSentence(text) {
			// Something like a date: say what is wrong with it.
			if _, err := dateline.Parse(text, loc); err != nil {
				return nil, dateError(name, ls[j].n, text, err)
			}
		}
		return nil, &ParseError{Name: name, Line: ls[j].n,
			Msg:  fmt.Sprintf("%q is not a date: the date line must follow the title", text),
			Hint: "write the date on the line after the title; " + dateline.FormsHint()}
	}
	if h.kind == "" {
		h.kind = DefaultKind
		*notes = append(*notes, Note{Msg: fmt.Sprintf("no kind line: imported as %s", DefaultKind)})
	}
	h.bodyFrom = i
	return h, nil
}

// dateError is a date line that cannot be read: the error quotes the line
// and says what is wrong, the hint what to do and the accepted forms.
func dateError(name string, n int, text string, err error) *ParseError {
	e := err.(*dateline.Error)
	msg, hint := e.Msg, e.Hint
	if quoted := fmt.Sprintf("%q", text); !strings.Contains(msg, quoted) {
		msg = "the date line " + quoted + " cannot be read: " + msg
	}
	if forms := dateline.FormsHint(); !strings.Contains(hint, forms) {
		hint += "; " + forms
	}
	return &ParseError{Name: name, Line: n, Msg: msg, Hint: hint}
}

// splitDateLocation reads a line that holds a date and then a location,
// after a comma, a bar or a dash.
func splitDateLocation(text string, loc *time.Location, gz *gazetteer.Gazetteer) (dateline.Span, string, bool) {
	for _, sep := range []string{" | ", " · ", " — ", " – ", ", ", " - "} {
		i := strings.LastIndex(text, sep)
		if i <= 0 {
			continue
		}
		where := strings.TrimSpace(text[i+len(sep):])
		if strings.ContainsAny(where, "0123456789") || !isLocation(where, gz) && !isPlaceName(where, gz) {
			continue
		}
		if w, err := dateline.Parse(text[:i], loc); err == nil {
			return w, where, true
		}
	}
	return dateline.Span{}, "", false
}

// isPlaceName tells whether s is a city or a state alone, which after a
// date can only be where the meeting was.
func isPlaceName(s string, gz *gazetteer.Gazetteer) bool {
	return cities[strings.ToLower(s)] || isState(s, gz)
}
