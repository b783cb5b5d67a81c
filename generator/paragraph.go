package generator

// Paragraph is one anchored block (a paragraph or a list item) of a report.
// Its number is stable for a given source, so "#p-N" links keep working.
type Paragraph struct {
	N       int
	ID      string // "p-N"
	Heading string // the nearest heading above it, if any
	States  []*State
	Topics  []*Topic

	// The plain text, for excerpts, data files and the search index, is
	// either held here or kept in a build's store (see Kept): a large
	// archive's texts are a third of its Site.
	text string
	at   Span
	kept bool
}

// Span is where a build's store keeps a piece of text: Len bytes at Off.
type Span struct {
	Off int64
	Len int
}

// NewParagraph is a paragraph whose text the Site holds.
func NewParagraph(n int, id, heading, text string) Paragraph {
	return Paragraph{N: n, ID: id, Heading: heading, text: text}
}

// KeptParagraph is a paragraph whose text a build's store keeps at.
func KeptParagraph(n int, id, heading string, at Span) Paragraph {
	return Paragraph{N: n, ID: id, Heading: heading, at: at, kept: true}
}

// Held is the paragraph's text when the Site holds it; ok is false when a
// store keeps it instead.
func (p *Paragraph) Held() (text string, ok bool) { return p.text, !p.kept }

// Kept is where a store keeps the paragraph's text; ok is false when the
// Site holds it.
func (p *Paragraph) Kept() (at Span, ok bool) { return p.at, p.kept }

// Len is the length of the paragraph's text in bytes, wherever it is.
func (p *Paragraph) Len() int {
	if p.kept {
		return p.at.Len
	}
	return len(p.text)
}
