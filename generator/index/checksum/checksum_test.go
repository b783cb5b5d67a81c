package checksum_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/index/checksum"
)

// TestVerifyFindsDamage writes a folder and its list, then garbles,
// shortens and removes files: each is refused with a message naming the
// folder and the file and saying to rebuild; an intact folder verifies.
func TestVerifyFindsDamage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   []string
	}{
		{"intact", func(*testing.T, string) {}, nil},
		{"a flipped byte", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "store", "000000000001.zap")
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 0x20
			write(t, p, string(data))
		}, []string{"store/000000000001.zap", "checksum"}},
		{"a cut file", func(t *testing.T, dir string) {
			if err := os.Truncate(filepath.Join(dir, "store", "000000000001.zap"), 100); err != nil {
				t.Fatal(err)
			}
		}, []string{"000000000001.zap", "100 bytes"}},
		{"a missing file", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "facts.json")); err != nil {
				t.Fatal(err)
			}
		}, []string{"facts.json", "missing"}},
		{"no list", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, checksum.File)); err != nil {
				t.Fatal(err)
			}
		}, []string{"no " + checksum.File}},
		{"a garbled list", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, checksum.File), "plenary sums 1\nxyz\n")
		}, []string{checksum.File + ":2", "damaged"}},
		{"a list leaving the folder", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, checksum.File), "plenary sums 1\n00000000 0 ../outside\n")
		}, []string{"damaged"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "facts.json"), `{"reports": 3}`)
			write(t, filepath.Join(dir, "store", "000000000001.zap"), strings.Repeat("segment bytes ", 100))
			if err := checksum.Write(dir); err != nil {
				t.Fatal(err)
			}
			tc.damage(t, dir)
			err := checksum.Verify(dir)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("an intact folder: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("a damaged folder verifies")
			}
			for _, w := range append(tc.want, dir, "rebuild") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
