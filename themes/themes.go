// Package themes carries the themes that come with Plenary, so that a
// build finds its theme on a machine with nothing else on it. An archive
// with a themes/<name>/ folder of its own uses that one instead. The
// library embeds only this package, never the archive at the
// repository's root.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var bundled embed.FS

// Lookup returns the bundled theme called name: its layouts/ and static/.
func Lookup(name string) (fs.FS, error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if _, err := fs.Stat(bundled, name); err != nil {
		return nil, err
	}
	return fs.Sub(bundled, name)
}
