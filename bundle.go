// Package plenary embeds the archive of this repository, the OEWG reports
// with their sessions and topics, as a sample: the plenary command builds
// and serves it where a folder holds no archive of its own. Only the
// command imports it; the library embeds just the default theme (package
// themes), so that no other program carries these sources.
package plenary

import "embed"

// Sample is this repository's archive: config.toml and content/.
//
//go:embed config.toml content
var Sample embed.FS
