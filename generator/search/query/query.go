// Package query owns the search query language: plain words, "quoted
// phrases", +must and -not, word* (prefix), word~1 or word~2 (typos), and
// field terms (state:France, state:"South Africa",
// topic:international-law, session:KEY, kind:KIND, title:word). Parse
// splits a query into clauses or says why it cannot: everything that can
// make one query expensive (regular expressions, leading or inner
// wildcards, large edit distances, many terms) is refused with a reason a
// person can act on. It knows nothing of the index or of HTTP.
package query

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Occur says how a clause takes part in the query.
type Occur int

// How clauses take part in a query.
const (
	Should  Occur = iota // plain: ranks, and at least one should match when nothing is required
	Must                 // +clause
	MustNot              // -clause
)

// Clause is one term of a parsed query.
type Clause struct {
	Occur  Occur
	Field  string // "" for the text, or state, speaker, topic, session, kind or title
	Text   string // the word, the phrase or the field's value
	Phrase bool   // it was quoted
	Prefix bool   // word*
	Fuzzy  int    // word~N
}

// Limits of one query.
const (
	MaxBytes   = 500
	MaxClauses = 32
	MinPrefix  = 3 // letters before a *
	MinFuzzy   = 4 // letters in a word~N
	MaxFuzzy   = 2
)

// fieldNames are the fields a query may name, with what each filters.
var fieldNames = map[string]bool{"state": true, "speaker": true, "topic": true, "session": true, "kind": true, "title": true}

// Parse splits q into clauses or says why it cannot, with an *Error.
func Parse(q string) ([]Clause, error) {
	if len(q) > MaxBytes {
		return nil, Errorf("the query is %d characters long; the limit is %d: shorten it", len(q), MaxBytes)
	}
	if !utf8.ValidString(q) {
		return nil, Errorf("the query is not valid UTF-8 text")
	}
	if i := strings.IndexFunc(q, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }); i >= 0 {
		return nil, Errorf("the query contains a control character at byte %d: remove it", i)
	}
	q = unbracketQualifiers(q)
	var out []Clause
	negateNext := false
	for s := strings.TrimSpace(q); s != ""; s = strings.TrimLeftFunc(s, unicode.IsSpace) {
		c, rest, err := parseClause(s)
		if err != nil {
			return nil, err
		}
		s = rest
		if c == nil {
			continue
		}
		if c.Field == "" && !c.Phrase && c.Occur == Should {
			switch c.Text {
			case "AND", "OR", "&&", "||":
				continue // the default already ranks documents with more words higher
			case "NOT":
				negateNext = true
				continue
			}
		}
		if negateNext {
			c.Occur, negateNext = MustNot, false
		}
		out = append(out, *c)
		if len(out) > MaxClauses {
			return nil, Errorf("the query has more than %d words, phrases and filters: shorten it", MaxClauses)
		}
	}
	return out, nil
}

// unbracketQualifiers turns the parentheses of a qualifier after a word
// into spaces: "Bolivia (Plurinational State of)" is how UN documents
// write names, and people paste them. A bracket that could be grouping
// (at the start, after an operator or a field, around OR, AND, NOT, +, -,
// quotes, * or ~, or nested) is left for the parser to refuse.
func unbracketQualifiers(q string) string {
	if !strings.Contains(q, "(") {
		return q
	}
	b := []byte(q)
	inQuote := false
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '"':
			inQuote = !inQuote
		case b[i] == '(' && !inQuote:
			end := strings.IndexByte(q[i+1:], ')')
			if end < 0 || !afterWord(q[:i]) || !qualifier(q[i+1:i+1+end]) {
				continue
			}
			b[i], b[i+1+end] = ' ', ' '
			i += 1 + end
		}
	}
	return string(b)
}

// afterWord says s ends with a word, spaces aside.
func afterWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, unicode.IsSpace))
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.'
}

// qualifier says s is plain words: letters, digits, apostrophes, full
// stops, commas and hyphens inside words, no operator words.
func qualifier(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	prev := ' '
	for _, r := range s {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("'’.,", r) ||
			r == '-' && (unicode.IsLetter(prev) || unicode.IsDigit(prev))
		if !ok {
			return false
		}
		prev = r
	}
	for _, w := range strings.Fields(s) {
		switch w {
		case "OR", "AND", "NOT":
			return false
		}
	}
	return true
}

// parseClause reads one clause from the start of s, which starts with a
// non-space, and returns the rest. A clause of only punctuation is nil.
func parseClause(s string) (*Clause, string, error) {
	c := &Clause{}
	switch s[0] {
	case '+':
		c.Occur, s = Must, s[1:]
	case '-':
		c.Occur, s = MustNot, s[1:]
	}
	if s == "" || startsSpace(s) {
		return nil, s, Errorf("+ and - go directly before a word, a phrase or a filter, as in -France")
	}
	if s[0] == '"' {
		text, rest, err := quoted(s)
		if err != nil {
			return nil, "", err
		}
		c.Text, c.Phrase = text, true
		if strings.TrimSpace(text) == "" {
			return nil, rest, nil
		}
		return c, rest, nil
	}
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		end = len(s)
	}
	word, rest := s[:end], s[end:]
	if i := strings.IndexByte(word, ':'); i > 0 && isLetters(word[:i]) {
		name := strings.ToLower(word[:i])
		value := word[i+1:]
		if !fieldNames[name] {
			if value == "" {
				// "Thailand:" pasted from a report is a word, not a field.
				return wordClause(c, word[:i], rest)
			}
			return nil, "", Errorf("unknown field %q: use state:, speaker:, topic:, session:, kind: or title:", word[:i])
		}
		c.Field = name
		if strings.HasPrefix(value, `"`) {
			text, after, err := quoted(s[i+1:])
			if err != nil {
				return nil, "", err
			}
			c.Text, c.Phrase, rest = text, true, after
		} else {
			c.Text = value
		}
		if strings.TrimSpace(c.Text) == "" {
			return nil, "", Errorf("%s: needs a value, as in %s", name, example(name))
		}
		if err := plainValue(c.Text); err != nil {
			return nil, "", err
		}
		return c, rest, nil
	}
	return wordClause(c, word, rest)
}

func wordClause(c *Clause, word, rest string) (*Clause, string, error) {
	if strings.HasPrefix(word, "/") && len(word) > 1 {
		return nil, "", Errorf("regular expressions (/…/) are not supported: search for words, \"phrases\" or word* prefixes")
	}
	if i := strings.IndexByte(word, '~'); i >= 0 {
		n := 1
		if d := word[i+1:]; d != "" {
			v, err := strconv.Atoi(d)
			if err != nil || v < 0 {
				return nil, "", Errorf("write a typo tolerance as word~1 or word~2, not %q", word)
			}
			n = v
		}
		if n > MaxFuzzy {
			return nil, "", Errorf("typo tolerance above ~%d is not supported: %q would match too many words", MaxFuzzy, word)
		}
		word, c.Fuzzy = word[:i], n
		if utf8.RuneCountInString(word) < MinFuzzy && n > 0 {
			return nil, "", Errorf("typo tolerance needs a word of at least %d letters, not %q", MinFuzzy, word)
		}
	}
	switch i := strings.IndexAny(word, "*?"); {
	case i < 0:
	case i == 0:
		return nil, "", Errorf("wildcards at the start of a word are not supported: write the beginning of the word, as in negotiat*")
	case word[i] == '?' || i != len(word)-1:
		return nil, "", Errorf("only a * at the end of a word is supported, as in negotiat*")
	case c.Fuzzy > 0:
		return nil, "", Errorf("a word cannot have both * and ~")
	default:
		word, c.Prefix = word[:i], true
		if utf8.RuneCountInString(word) < MinPrefix {
			return nil, "", Errorf("a prefix needs at least %d letters before the *, not %q", MinPrefix, word)
		}
	}
	if err := plainValue(word); err != nil {
		return nil, "", err
	}
	c.Text = word
	if !strings.ContainsFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return nil, rest, nil
	}
	return c, rest, nil
}

// plainValue refuses the syntax of richer query languages, so that a
// query written for one fails clearly instead of matching something else.
func plainValue(s string) error {
	switch {
	case strings.ContainsAny(s, "()[]{}"):
		return Errorf("parentheses and brackets are not supported: use +word to require a word and -word to exclude one")
	case strings.ContainsRune(s, '^'):
		return Errorf("boosts (^) are not supported: put the more important words first")
	}
	return nil
}

// quoted reads a "phrase" from the start of s.
func quoted(s string) (string, string, error) {
	end := strings.IndexByte(s[1:], '"')
	if end < 0 {
		return "", "", Errorf("a quotation mark is not closed: close the phrase with \"")
	}
	text, rest := s[1:1+end], s[2+end:]
	if rest != "" && !startsSpace(rest) {
		return "", "", Errorf("put a space after the closing quotation mark of \"%s\"", text)
	}
	return text, rest, nil
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func example(field string) string {
	switch field {
	case "state":
		return `state:France or state:"South Africa"`
	case "speaker":
		return `speaker:Egypt or speaker:"Arab Group"`
	case "topic":
		return "topic:international-law"
	case "session":
		return "session:oewg-2021-2025-s2"
	case "kind":
		return "kind:event-report"
	}
	return "title:dialogue"
}
