// Package plenary embeds the archive's own sources, the OEWG reports and
// their sessions and topics, with the default theme, so that the plenary
// command builds and serves a complete archive on a machine with nothing
// else on it.
package plenary

import "embed"

// Bundle is this repository's archive: config.toml, content/ and themes/.
//
//go:embed config.toml content themes
var Bundle embed.FS
