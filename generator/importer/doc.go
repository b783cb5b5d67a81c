// Package importer owns the one-way door from meeting reports as they are
// published and pasted into the archive's source format: Markdown with TOML
// front matter between "+++" lines.
//
// It reads a title, header lines in any order (a date-and-time line in
// every form editors paste, read by the dateline package; a location line;
// an optional kind line), then the text: paragraphs rebuilt from blank
// lines, single line breaks, indentation and titles; bullet, numbered and
// bullet-less lists; a transcript's speaker labels, which name the speaker
// of the paragraphs that follow; page furniture dropped and noted. Web
// pages go through the webpage package first and are read the same way.
// Report.Source writes the source file. Where the file goes, under which
// session, and whether it may be written are the ingest and scaffold
// packages' business; the content loader reads the file back like any
// hand-written one.
//
// Two promises shape the code. Input that differs only in ways an editor or a
// copy from a web page introduces (CRLF line ends, a byte-order mark,
// non-breaking spaces, trailing spaces) imports to byte-identical output, so
// re-importing never makes a noisy diff. And the Markdown shows the text as
// written: characters Markdown would interpret are escaped, so a "*" or a
// "1." in a report never turns into emphasis or a numbered list.
package importer
