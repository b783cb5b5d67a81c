package lists

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
)

// Body is body, a report's body as the markdown package renders it,
// with each of marks after the ¶ link of its paragraph. The link
// is found by the label the markdown package gives it, which content
// cannot write: its text is escaped. The markdown package escapes raw
// HTML and unsafe links, so its output is the one piece of content
// trusted as markup.
func Body(body []byte, marks Marks) template.HTML {
	var b strings.Builder
	b.Grow(len(body) + len(marks.HTML))
	var link []byte
	for _, m := range marks.Of {
		link = append(append(append(link[:0], `aria-label="Link to paragraph `...), strconv.Itoa(m.N)...), `">¶</a>`...)
		i := bytes.Index(body, link)
		if i < 0 {
			continue
		}
		i += len(link)
		b.Write(body[:i])
		b.WriteString(marks.HTML[m.Start:m.End])
		body = body[i:]
	}
	b.Write(body)
	return template.HTML(b.String()) //nolint:gosec // see above
}
