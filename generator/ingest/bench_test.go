package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkImport imports a folder of 1,000 plain-text reports of about a
// thousand words each into an empty archive (reading, parsing, filing and
// writing; not the assembly plenary import does afterwards to describe
// them).
func BenchmarkImport(b *testing.B) {
	in := b.TempDir()
	para := strings.Repeat("France highlighted that many states supported the programme of action, and Chile agreed. ", 8)
	files := map[string]string{}
	for i := range 1000 {
		text := strings.Repeat(para+"\n\n", 10)
		files[fmt.Sprintf("r%04d.txt", i)] = report(fmt.Sprintf("Report number %d", i), fmt.Sprintf("%d Mar 2022 10:00h - 13:00h", 28+i%4), text)
	}
	write(b, in, files)
	for b.Loop() {
		b.StopTimer()
		root := archive(b)
		b.StartTimer()
		sum := runB(b, root, []string{in})
		if n := sum.Count(Written); n != 1000 {
			b.Fatalf("%d written", n)
		}
	}
}
