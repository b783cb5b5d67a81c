// Package generator holds Plenary's domain: the read-only Site that the build
// assembles from an archive's sources, the Report, Session, State and Topic
// pages it links together, and positioned errors that name a source file and
// line. The stages live in subpackages and pass these types one way:
// content → site → render/index → publish.
package generator
