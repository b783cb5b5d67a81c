package search

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query language: plain words, "quoted phrases", +must and -not,
// word* (prefix), word~1 or word~2 (typos), and field terms (state:France,
// state:"South Africa", topic:international-law, session:KEY, kind:KIND,
// title:word). Everything that can make one query expensive (regular
// expressions, leading or inner wildcards, large edit distances, many
// terms) is refused with a reason a person can act on.

// occur says how a clause takes part in the query.
type occur int

const (
	should  occur = iota // plain: ranks, and at least one should match when nothing is required
	must                 // +clause
	mustNot              // -clause
)

// clause is one term of a parsed query.
type clause struct {
	occur  occur
	field  string // "" for the text, or one of fieldNames
	text   string // the word, the phrase or the field's value
	phrase bool   // it was quoted
	prefix bool   // word*
	fuzzy  int    // word~N
}

const (
	maxQueryBytes = 500
	maxClauses    = 32
	minPrefix     = 3 // letters before a *
	minFuzzy      = 4 // letters in a word~N
	maxFuzzy      = 2
)

// fieldNames are the fields a query may name, with what each filters.
var fieldNames = map[string]bool{"state": true, "topic": true, "session": true, "kind": true, "title": true}

// parseQuery splits q into clauses or says why it cannot.
func parseQuery(q string) ([]clause, error) {
	if len(q) > maxQueryBytes {
		return nil, badRequest("the query is %d characters long; the limit is %d: shorten it", len(q), maxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return nil, badRequest("the query is not valid UTF-8 text")
	}
	if i := strings.IndexFunc(q, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }); i >= 0 {
		return nil, badRequest("the query contains a control character at byte %d: remove it", i)
	}
	var out []clause
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
		if c.field == "" && !c.phrase && c.occur == should {
			switch c.text {
			case "AND", "OR", "&&", "||":
				continue // the default already ranks documents with more words higher
			case "NOT":
				negateNext = true
				continue
			}
		}
		if negateNext {
			c.occur, negateNext = mustNot, false
		}
		out = append(out, *c)
		if len(out) > maxClauses {
			return nil, badRequest("the query has more than %d words, phrases and filters: shorten it", maxClauses)
		}
	}
	return out, nil
}

// parseClause reads one clause from the start of s, which starts with a
// non-space, and returns the rest. A clause of only punctuation is nil.
func parseClause(s string) (*clause, string, error) {
	c := &clause{}
	switch s[0] {
	case '+':
		c.occur, s = must, s[1:]
	case '-':
		c.occur, s = mustNot, s[1:]
	}
	if s == "" || startsSpace(s) {
		return nil, s, badRequest("+ and - go directly before a word, a phrase or a filter, as in -France")
	}
	if s[0] == '"' {
		text, rest, err := quoted(s)
		if err != nil {
			return nil, "", err
		}
		c.text, c.phrase = text, true
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
			return nil, "", badRequest("unknown field %q: use state:, topic:, session:, kind: or title:", word[:i])
		}
		c.field = name
		if strings.HasPrefix(value, `"`) {
			text, after, err := quoted(s[i+1:])
			if err != nil {
				return nil, "", err
			}
			c.text, c.phrase, rest = text, true, after
		} else {
			c.text = value
		}
		if strings.TrimSpace(c.text) == "" {
			return nil, "", badRequest("%s: needs a value, as in %s", name, example(name))
		}
		if err := plainValue(c.text); err != nil {
			return nil, "", err
		}
		return c, rest, nil
	}
	return wordClause(c, word, rest)
}

func wordClause(c *clause, word, rest string) (*clause, string, error) {
	if strings.HasPrefix(word, "/") && len(word) > 1 {
		return nil, "", badRequest("regular expressions (/…/) are not supported: search for words, \"phrases\" or word* prefixes")
	}
	if i := strings.IndexByte(word, '~'); i >= 0 {
		n := 1
		if d := word[i+1:]; d != "" {
			v, err := strconv.Atoi(d)
			if err != nil || v < 0 {
				return nil, "", badRequest("write a typo tolerance as word~1 or word~2, not %q", word)
			}
			n = v
		}
		if n > maxFuzzy {
			return nil, "", badRequest("typo tolerance above ~%d is not supported: %q would match too many words", maxFuzzy, word)
		}
		word, c.fuzzy = word[:i], n
		if utf8.RuneCountInString(word) < minFuzzy && n > 0 {
			return nil, "", badRequest("typo tolerance needs a word of at least %d letters, not %q", minFuzzy, word)
		}
	}
	switch i := strings.IndexAny(word, "*?"); {
	case i < 0:
	case i == 0:
		return nil, "", badRequest("wildcards at the start of a word are not supported: write the beginning of the word, as in negotiat*")
	case word[i] == '?' || i != len(word)-1:
		return nil, "", badRequest("only a * at the end of a word is supported, as in negotiat*")
	case c.fuzzy > 0:
		return nil, "", badRequest("a word cannot have both * and ~")
	default:
		word, c.prefix = word[:i], true
		if utf8.RuneCountInString(word) < minPrefix {
			return nil, "", badRequest("a prefix needs at least %d letters before the *, not %q", minPrefix, word)
		}
	}
	if err := plainValue(word); err != nil {
		return nil, "", err
	}
	c.text = word
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
		return badRequest("parentheses and brackets are not supported: use +word to require a word and -word to exclude one")
	case strings.ContainsRune(s, '^'):
		return badRequest("boosts (^) are not supported: put the more important words first")
	}
	return nil
}

// quoted reads a "phrase" from the start of s.
func quoted(s string) (string, string, error) {
	end := strings.IndexByte(s[1:], '"')
	if end < 0 {
		return "", "", badRequest("a quotation mark is not closed: close the phrase with \"")
	}
	text, rest := s[1:1+end], s[2+end:]
	if rest != "" && !startsSpace(rest) {
		return "", "", badRequest("put a space after the closing quotation mark of \"%s\"", text)
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
	case "topic":
		return "topic:international-law"
	case "session":
		return "session:oewg-2021-2025-s2"
	case "kind":
		return "kind:event-report"
	}
	return "title:dialogue"
}
