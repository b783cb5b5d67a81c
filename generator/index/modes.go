package index

import (
	"io/fs"
	"os"
	"path/filepath"
)

// readableByAll opens the index folder to every user: bleve and MkdirTemp
// write it private (0700 and 0600), and an endpoint run as another user (a
// systemd DynamicUser, a container's non-root user) over a copy made with
// cp -r would be refused. The index holds only what the site publishes.
func readableByAll(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(path, mode)
	})
}
