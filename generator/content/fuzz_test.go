package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
)

// FuzzFrontMatter feeds arbitrary files to the front-matter reader: it must
// never panic, and every error it reports must point at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "content", "reports", "*", "*.md"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("+++\ntitle = \"T\"\ndate = 2022-01-01\nsession = \"s\"\n+++\nBody"))
	f.Add([]byte("\ufeff+++\r\ntitle = 'T'\r\n+++\r\n"))
	f.Add([]byte("+++\n[x]\ny = 1\n+++\n"))
	f.Add([]byte("+++\ndate = 1979-05-27T07:32:00\n+++"))
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		file, err := Split("r.md", data)
		if err != nil {
			checkLines(t, generator.AsList(err), lines)
			return
		}
		if file.BodyLine < 2 || file.BodyLine > lines+1 {
			t.Fatalf("body line %d outside a %d-line file", file.BodyLine, lines)
		}
		var errs generator.ErrorList
		decodeReport(file, cfg, &errs)
		checkLines(t, errs, lines)
	})
}

func checkLines(t *testing.T, errs generator.ErrorList, lines int) {
	t.Helper()
	for _, e := range errs {
		if e.Path != "r.md" || e.Line < 0 || e.Line > lines {
			t.Fatalf("error outside the file (%d lines): %v", lines, e)
		}
	}
}
