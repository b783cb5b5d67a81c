package dateline

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

type kind int

const (
	tNum       kind = iota // digits: a day, a year, or an hour before "am"
	tTime                  // "18:15", "18.15", "18:15:00", "15h", "15h30"
	tISO                   // "2021-12-16"
	tWord                  // letters, lower-cased, dots dropped: "sept", "am"
	tDash                  // "-", "–", "—", "to", "until"
	tComma                 // ","
	tOffset                // "+02:00", "+2"; "-05:00" only after "UTC" or "GMT"
	tSlashDate             // "13/12/2021": ambiguous, refused
	tOther                 // anything else, refused by the parser
)

type token struct {
	kind   kind
	text   string // as written
	num    int    // tNum: value; tTime: hour; tISO: year; tOffset: seconds east
	digits int    // tNum: how many digits
	min    int    // tTime: minute; tISO: month
	day    int    // tISO: day
	word   string // tWord
}

var months = map[string]time.Month{}

var weekdays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday,
	"sat": time.Saturday, "sun": time.Sunday,
}

func init() {
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		months[full] = m
		months[full[:3]] = m
	}
	months["sept"] = time.September
	for d := time.Sunday; d <= time.Saturday; d++ {
		weekdays[strings.ToLower(d.String())] = d
	}
}

// fillers are words a date line may hold that say nothing about the date.
var fillers = map[string]bool{
	"at": true, "from": true, "on": true, "of": true, "date": true, "dates": true, "when": true,
	"time": true, "hrs": true, "hours": true, "h": true, "local": true, "the": true, "held": true,
}

// dashWords join the two ends of a range, as dashes do.
var dashWords = map[string]bool{"to": true, "till": true, "until": true, "through": true, "thru": true}

func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '‒', '−', '~':
		return true
	}
	return false
}

// tokenize splits a date line into tokens. It never fails: what it cannot
// read becomes a tOther token, which the parser refuses with its text.
func tokenize(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '(' || r == ')' || r == '[' || r == ']' || r == '@' || r == ':' || r == '·' || r == '|' || r == '/' && !startsDigit(s[i+1:]):
			i += size
		case r == ',' || r == ';':
			out = append(out, token{kind: tComma, text: ","})
			i += size
		case r == '+' && startsDigit(s[i+1:]):
			t, n := offset(s[i:], 1)
			out = append(out, t)
			i += n
		case isDash(r):
			// After UTC or GMT a signed number is an offset.
			if r != '~' && startsDigit(s[i+size:]) && len(out) > 0 && out[len(out)-1].kind == tWord && (out[len(out)-1].word == "utc" || out[len(out)-1].word == "gmt") {
				t, n := offset(s[i:], -1)
				t.text = s[i : i+n]
				out = append(out, t)
				i += n
				continue
			}
			out = append(out, token{kind: tDash, text: string(r)})
			i += size
		case r >= '0' && r <= '9':
			if m := isoDateTime.FindStringSubmatch(s[i:]); m != nil {
				out = append(out, isoTokens(m)...)
				i += len(m[0])
				continue
			}
			t, n := number(s[i:])
			out = append(out, t)
			i += n
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' {
					break
				}
				j += size
			}
			text := s[i:j]
			w := strings.ToLower(strings.NewReplacer(".", "", "'", "", "’", "").Replace(text))
			if dashWords[w] {
				out = append(out, token{kind: tDash, text: text})
			} else {
				out = append(out, token{kind: tWord, text: strings.TrimSuffix(text, "."), word: w})
			}
			i = j
		default:
			out = append(out, token{kind: tOther, text: string(r)})
			i += size
		}
	}
	return out, nil
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func digitsAt(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s) && i < 9; i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// number reads what starts with a digit: an ISO date, a time, a numeric
// date with slashes, a number with an ordinal suffix, or a number.
func number(s string) (token, int) {
	n := digitsAt(s)
	// ISO date: 2021-12-16.
	if n == 4 && len(s) >= 10 && s[4] == '-' && digitsAt(s[5:]) == 2 && s[7] == '-' && digitsAt(s[8:]) == 2 && (len(s) == 10 || !isDigitByte(s[10])) {
		return token{kind: tISO, text: s[:10], num: atoi(s[:4]), min: atoi(s[5:7]), day: atoi(s[8:10])}, 10
	}
	// Numeric date with slashes: refused later as ambiguous.
	if n <= 2 && n < len(s) && s[n] == '/' {
		m := digitsAt(s[n+1:])
		if m >= 1 && m <= 2 && n+1+m < len(s) && s[n+1+m] == '/' {
			y := digitsAt(s[n+2+m:])
			end := n + 2 + m + y
			return token{kind: tSlashDate, text: s[:end]}, end
		}
	}
	// Time: 18:15, 18.15, 18:15:00, each optionally followed by "h".
	if n <= 2 && n+2 < len(s) && (s[n] == ':' || s[n] == '.') && digitsAt(s[n+1:]) == 2 {
		end := n + 3
		if end+2 < len(s) && s[end] == ':' && digitsAt(s[end+1:]) == 2 {
			end += 3 // seconds, ignored
		}
		t := token{kind: tTime, text: s[:end], num: atoi(s[:n]), min: atoi(s[n+1 : n+3])}
		if end < len(s) && (s[end] == 'h' || s[end] == 'H') && (end+1 == len(s) || !isLetterByte(s[end+1])) {
			end++
		}
		return t, end
	}
	// French hours: 15h, 15h30.
	if n <= 2 && n < len(s) && (s[n] == 'h' || s[n] == 'H') {
		m := digitsAt(s[n+1:])
		if m == 2 {
			return token{kind: tTime, text: s[:n+3], num: atoi(s[:n]), min: atoi(s[n+1 : n+3])}, n + 3
		}
		if m == 0 && (n+1 == len(s) || !isLetterByte(s[n+1])) {
			return token{kind: tTime, text: s[:n+1], num: atoi(s[:n])}, n + 1
		}
	}
	t := token{kind: tNum, text: s[:n], num: atoi(s[:n]), digits: n}
	if n > 9 {
		t.num = -1 // too long to be anything
	}
	end := n
	// Ordinals: 1st, 2nd, 3rd, 16th.
	if n <= 2 && len(s) >= n+2 {
		switch strings.ToLower(s[n : n+2]) {
		case "st", "nd", "rd", "th":
			if len(s) == n+2 || !isLetterByte(s[n+2]) {
				end += 2
				t.text = s[:end]
			}
		}
	}
	return t, end
}

// offset reads a signed offset after its sign: "+02:00", "+0200", "+2",
// "-5". sign is the sign already read (its rune is one byte for "+", and
// the dash's width otherwise).
func offset(s string, sign int) (token, int) {
	_, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	n := digitsAt(rest)
	h, m := 0, 0
	end := size + n
	switch {
	case n <= 2 && len(rest) > n+2 && rest[n] == ':' && digitsAt(rest[n+1:]) == 2:
		h, m = atoi(rest[:n]), atoi(rest[n+1:n+3])
		end = size + n + 3
	case n == 4:
		h, m = atoi(rest[:2]), atoi(rest[2:4])
	case n <= 2:
		h = atoi(rest[:n])
	default:
		return token{kind: tOther, text: s[:end]}, end
	}
	if h > 14 || m > 59 {
		return token{kind: tOther, text: s[:end]}, end
	}
	return token{kind: tOffset, text: s[:end], num: sign * (h*3600 + m*60)}, end
}

func isDigitByte(b byte) bool  { return b >= '0' && b <= '9' }
func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isoDateTime is an ISO 8601 date and time joined by "T", with seconds,
// fractions and an offset or "Z" optional: "2021-12-16T18:15:00-05:00".
var isoDateTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?`)

func isoTokens(m []string) []token {
	out := []token{
		{kind: tISO, text: m[1] + "-" + m[2] + "-" + m[3], num: atoi(m[1]), min: atoi(m[2]), day: atoi(m[3])},
		{kind: tTime, text: m[4] + ":" + m[5], num: atoi(m[4]), min: atoi(m[5])},
	}
	switch z := m[6]; {
	case z == "":
	case z == "Z" || z == "z":
		out = append(out, token{kind: tWord, text: "Z", word: "utc"})
	default:
		digits := strings.ReplaceAll(z[1:], ":", "")
		secs := atoi(digits[:2])*3600 + atoi(digits[2:])*60
		if z[0] == '-' {
			secs = -secs
		}
		out = append(out, token{kind: tOffset, text: z, num: secs})
	}
	return out
}
