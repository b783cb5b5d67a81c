//go:build unix

package publish

import (
	"os"
	"syscall"
)

// shared tells whether the file has other names: a deploy that
// hard-linked the site elsewhere (cp -al, rsync --link-dest) would see
// the file change under it if it were written in place.
func shared(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return !ok || sys.Nlink != 1
}
