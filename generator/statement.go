package generator

// Statement is a paragraph in which a state is named: the archive's answer to
// "what did this state say, when, on what".
type Statement struct {
	State     *State
	Report    *Report
	Paragraph *Paragraph
	// Key is ParagraphKey of its report's Key and its paragraph's
	// number: pages listing thousands of statements decide where they end
	// and whether they changed from keys alone, without reaching into
	// every report.
	Key uint64
}

// URL is the report's URL with the paragraph's anchor. It is made when
// asked for: an archive has tens of statements per report, and keeping
// each one's URL was a fifth of the Site's memory.
func (s *Statement) URL() string { return s.Report.URL + "#" + s.Paragraph.ID }
