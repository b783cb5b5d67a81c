//go:build unix

package versions

import (
	"os"
	"syscall"
)

// Shared tells whether the file has other names: the other slot's, or a
// deploy's that hard-linked the site elsewhere (cp -al, rsync
// --link-dest). Such a file is replaced, never written in place.
func Shared(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return !ok || sys.Nlink != 1
}
