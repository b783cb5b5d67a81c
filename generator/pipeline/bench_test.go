package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// BenchmarkBuild builds generated archives of 1,000 and 10,000 reports
// from disk, as `plenary build` does, and reports reports per second and
// the process's peak resident memory.
//
//	go test -run '^$' -bench Build -benchtime 3x ./generator/pipeline
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			src := b.TempDir()
			if _, err := corpus.Write(src, n, 1); err != nil {
				b.Fatal(err)
			}
			dest := filepath.Join(b.TempDir(), "public")
			root := openRoot(b, src)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := pipeline.Build(pipeline.Options{Root: root.FS(), Dest: dest, Memory: memory.Budgets()}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reports/s")
			var ru syscall.Rusage
			if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
			}
		})
	}
}

// BenchmarkAddOneReport measures the editors' common case: one report
// added to an archive of 10,000, rebuilt with the cache of the previous
// build, site and search index. Each iteration adds a different report:
// "newest" on the last day of the newest session, as during a session
// week; "past" in a session drawn at random, as when the archive is
// completed, which moves a statement into the middle of the lists of the
// states it names and so re-renders every later archive page of theirs.
//
//	go test -run '^$' -bench AddOneReport -benchtime 5x ./generator/pipeline
func BenchmarkAddOneReport(b *testing.B) {
	newest := corpus.Sessions()[0]
	for _, s := range corpus.Sessions() {
		if s.End.After(newest.End) {
			newest = s
		}
	}
	day := newest.End.Format("2006-01-02")
	toNewest := func(i int, data []byte) (string, []byte) {
		for _, r := range []struct{ re, to string }{
			{`(?m)^date = .*$`, "date = " + day + "T10:00:00Z"},
			{`(?m)^end = .*$`, "end = " + day + "T13:00:00Z"},
			{`(?m)^session = .*$`, `session = "` + newest.Key + `"`},
		} {
			data = regexp.MustCompile(r.re).ReplaceAll(data, []byte(r.to))
		}
		return fmt.Sprintf("content/reports/%s/%s-added-%d.md", day[:4], day, i), data
	}
	for _, tc := range []struct {
		name  string
		place func(i int, data []byte) (string, []byte)
	}{
		{"newest", toNewest},
		{"past", nil},
	} {
		b.Run(tc.name, func(b *testing.B) { addOneReport(b, tc.place) })
	}
}

func addOneReport(b *testing.B, place func(i int, data []byte) (string, []byte)) {
	const n = 10000
	src := b.TempDir()
	if _, err := corpus.Write(src, n, 1); err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	root := openRoot(b, src)
	// Sources changed within the racy window are read by every build: a
	// real archive's files are older than that, as the clock makes these.
	opts := pipeline.Options{
		Root: root.FS(), Dest: dest, CacheDir: root.CacheDir(), IndexDir: filepath.Join(src, "search.bleve"),
		Memory: memory.Budgets(), Now: outOfRacyWindow,
	}
	// The first build is a clean one, site and index: the yardstick of
	// the ratio reported below.
	start := time.Now()
	if _, err := pipeline.Build(opts); err != nil {
		b.Fatal(err)
	}
	clean := time.Since(start)
	b.ResetTimer()
	rendered, updated := 0, 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p, data := corpus.Report(1, n+i)
		if place != nil {
			p, data = place(i, data)
		}
		path := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := pipeline.Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		rendered += res.Rendered
		if res.Index == nil || !res.Index.InPlace {
			b.Fatalf("the index was rebuilt, not updated in place")
		}
		updated += res.Index.Updated
	}
	b.ReportMetric(clean.Seconds(), "clean-build-s")
	b.ReportMetric(clean.Seconds()/(b.Elapsed().Seconds()/float64(b.N)), "x-faster-than-clean")
	b.ReportMetric(float64(rendered)/float64(b.N), "files-rendered/op")
	b.ReportMetric(float64(updated)/float64(b.N), "index-docs-updated/op")
}

// openRoot opens the archive in dir as the command does, through its
// os.Root, until the benchmark ends.
func openRoot(b *testing.B, dir string) *content.Root {
	root, err := content.OpenRoot(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root
}
