package incremental

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestGoBuildID holds the note reader to the go command's own.
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "linux" {
		t.Skip("programs are not ELF here")
	}
	got := goBuildID(exe)
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skip("no go tool buildid here:", err)
	}
	want := strings.TrimSpace(string(out))
	if got != want {
		t.Errorf("goBuildID = %q, want %q", got, want)
	}
	if id := goBuildID("testdata"); id != "" {
		t.Errorf("a folder has build ID %q", id)
	}
}
