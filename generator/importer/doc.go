// Package importer owns the one-way door from plain-text meeting reports, as
// they are published and pasted (a title, a date-and-time line, a kind line,
// prose and bullet lists), into the archive's source format: Markdown with
// TOML front matter between "+++" lines.
//
// It owns reading that plain text (Parse), choosing the session a report
// belongs to from the sessions' dates (ChooseSession) and writing the source
// file (Report.Source). It owns nothing after that: file names, where files
// go and whether one may be overwritten are the caller's business, and the
// written file is read back by the content loader like any hand-written one.
//
// Two promises shape the code. Input that differs only in ways an editor or a
// copy from a web page introduces (CRLF line ends, a byte-order mark,
// non-breaking spaces, trailing spaces) imports to byte-identical output, so
// re-importing never makes a noisy diff. And the Markdown shows the text as
// written: characters Markdown would interpret are escaped, so a "*" or a
// "1." in a report never turns into emphasis or a numbered list.
package importer
