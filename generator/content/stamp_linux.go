//go:build linux

package content

import (
	"io/fs"
	"syscall"
)

// stampOf reads a file's stamp from its stat data.
func stampOf(info fs.FileInfo) (Stamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{}, false
	}
	return Stamp{
		Size: info.Size(), Mtime: info.ModTime().UnixNano(),
		Ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec, Ino: st.Ino, Dev: uint64(st.Dev), //nolint:unconvert // Dev's type differs by architecture
	}, true
}
