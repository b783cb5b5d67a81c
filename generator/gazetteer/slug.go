package gazetteer

import (
	"strings"
	"unicode"
)

// Slugify turns a name or title into a URL path segment: lower case,
// accents folded to ASCII ("Côte" → "cote"), apostrophes dropped so that
// possessives stay one word ("People's" → "peoples"), and every other run
// of non-alphanumeric characters replaced by one hyphen, with none at
// either end. It is exported so that every page of the site slugifies the
// same way and URLs computed in different packages agree.
//
// Letters with no ASCII folding (other scripts) are kept, lower-cased,
// rather than dropped: dropping them could give distinct titles the same
// slug, or an empty one.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	emit := func(piece string) {
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteString(piece)
	}
	for _, r := range s {
		switch {
		case r < 0x80:
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				if sep && b.Len() > 0 {
					b.WriteByte('-')
				}
				sep = false
				b.WriteByte(c)
			case c == '\'':
				// inside a word: "People's" is one word
			default:
				sep = true
			}
		case isApostrophe(r), unicode.IsMark(r):
			// apostrophes as above; combining accents fold away
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := asciiFolds[r]; ok {
				emit(f)
			} else {
				emit(string(r))
			}
		default:
			sep = true
		}
	}
	return b.String()
}

// FoldAccents is s in lower case with its accents folded to ASCII as
// Slugify folds them ("Türkiye" → "turkiye"), combining accents dropped
// and every style of apostrophe written as ' ("d’Ivoire" → "d'ivoire");
// everything else is kept. Search folds words with it, in the index and
// in queries, so that a name finds every way of writing it.
func FoldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case isApostrophe(r) || r == '\uff07':
			b.WriteByte('\'')
		case unicode.IsMark(r):
		default:
			if f, ok := asciiFolds[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// collationKey orders names the way a reader expects in an index: accents
// and case do not move "Côte d'Ivoire" away from the other C's.
func collationKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := asciiFolds[r]; ok {
			b.WriteString(f)
		} else if isApostrophe(r) {
			b.WriteByte('\'')
		} else if !unicode.IsMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isApostrophe lists the characters that reports use interchangeably
// for an apostrophe; typographic ones arrive through word processors.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc':
		return true
	}
	return false
}

// asciiFolds maps lower-case Latin letters with diacritics to ASCII. The
// standard library has no Unicode decomposition, and the names in the
// lists (and the titles of reports) need no more than Latin-1, Latin
// Extended-A and the Vietnamese letters.
var asciiFolds = func() map[rune]string {
	m := make(map[rune]string)
	for _, group := range []struct{ to, from string }{
		{"a", "àáâãäåāăąǎạảấầẩẫậắằẳẵặ"},
		{"c", "çćĉċč"},
		{"d", "ďđð"},
		{"e", "èéêëēĕėęěẹẻẽếềểễệ"},
		{"g", "ĝğġģ"},
		{"h", "ĥħ"},
		{"i", "ìíîïĩīĭįıǐỉị"},
		{"j", "ĵ"},
		{"k", "ķĸ"},
		{"l", "ĺļľŀł"},
		{"n", "ñńņňŉŋ"},
		{"o", "òóôõöøōŏőǒọỏốồổỗộớờởỡợơ"},
		{"r", "ŕŗř"},
		{"s", "śŝşšſș"},
		{"t", "ţťŧț"},
		{"u", "ùúûüũūŭůűųǔụủứừửữựư"},
		{"w", "ŵ"},
		{"y", "ýÿŷỳỵỷỹ"},
		{"z", "źżž"},
		{"ae", "æ"},
		{"oe", "œ"},
		{"ss", "ß"},
		{"th", "þ"},
		{"ij", "ĳ"},
	} {
		for _, r := range group.from {
			m[r] = group.to
		}
	}
	return m
}()
