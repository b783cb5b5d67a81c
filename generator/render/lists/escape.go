package lists

import (
	"strings"
)

// The fast path escapes every value as html/template escapes it where the
// bundled partials put it, so that the two give the same bytes: text the
// model hands the partials already escaped (template.HTML), attribute
// values and addresses as the template engine does itself. The tests hold
// each function to html/template on arbitrary input.

// writeText writes s as the text of an element, minified: only "&" and
// "<" are escaped, which is all text needs (html/template would escape
// quotes too, which a minifier takes back). The model hands the partials
// text escaped this way, as template.HTML.
func writeText(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, "&<")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		if s[i] == '&' {
			b.WriteString("&amp;")
		} else {
			b.WriteString("&lt;")
		}
		s = s[i+1:]
	}
}

// attrEscapes are the characters html/template escapes in a string it
// writes as text or as a quoted attribute's value, with what it writes
// for each.
var attrEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// writeEscaped writes s as html/template writes a string as text, or as
// the value of a quoted attribute that holds no address (datetime="…").
func writeEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if e := attrEscapes[s[i]]; e != "" {
			b.WriteString(s[start:i])
			b.WriteString(e)
			start = i + 1
		}
	}
	b.WriteString(s[start:])
}

// writeURL writes s as the value of a quoted attribute that holds an
// address (href, cite), as html/template does: an address with a scheme
// other than http, https or mailto is refused, bytes outside what an
// address may hold are percent-encoded, and the result is escaped as an
// attribute. Addresses the site makes (/reports/x/#p-3) come out as they
// are.
func writeURL(b *strings.Builder, s string) {
	if plainURL(s) {
		b.WriteString(s)
		return
	}
	if !safeScheme(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	var n strings.Builder
	normalizeURL(&n, s)
	writeEscaped(b, n.String())
}

// plainURL reports whether s is an address the site makes that needs no
// escaping: a path of letters, digits and "/-._~#", with no scheme.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == '#':
		default:
			return false
		}
	}
	return true
}

// safeScheme reports whether s is relative or has one of the schemes
// html/template lets through.
func safeScheme(s string) bool {
	protocol, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(protocol, "/") {
		return true
	}
	switch strings.ToLower(protocol) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// normalizeURL writes s with every byte that is neither unreserved nor a
// delimiter, nor a valid escape, percent-encoded, as html/template
// normalizes addresses.
func normalizeURL(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
