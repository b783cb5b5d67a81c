package incremental

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"os"
	"strings"
	"sync"
)

// ProgramID identifies the running program, so that a cache or an index
// written by another build of it is not trusted.
var ProgramID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		if id := goBuildID(exe); id != "" {
			return "go " + id
		}
	}
	h := sha256.New()
	if err == nil {
		if data, err := os.ReadFile(exe); err == nil {
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})

// goBuildID reads the build ID the Go linker writes into an ELF program.
// Its last part hashes the program's content, so it changes with the code
// as a hash of the file would, and reading it takes a few hundred bytes
// instead of the tens of megabytes of the file: hashing those was a tenth
// of adding a report to a large archive. It returns "" for a program
// that is not ELF or has no build ID.
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	// A note: name size, description size, type, then the name ("Go"
	// and a NUL, padded to 4 bytes) and the description, the ID.
	if err != nil || len(data) < 12 {
		return ""
	}
	namesz, descsz := f.ByteOrder.Uint32(data), f.ByteOrder.Uint32(data[4:])
	start := 12 + (uint64(namesz)+3)&^3
	if start+uint64(descsz) > uint64(len(data)) || strings.TrimRight(string(data[12:12+namesz]), "\x00") != "Go" {
		return ""
	}
	id := string(data[start : start+uint64(descsz)])
	if !strings.Contains(id, "/") {
		return ""
	}
	return id
}
