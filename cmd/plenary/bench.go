package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// benchCmd builds a generated archive and prints where the time went: the
// figures the scale targets are stated in.
func benchCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	reports := fl.Int("reports", 10000, "reports in the generated archive")
	seed := fl.Uint64("seed", 1, "seed of the generated archive")
	keep := fl.String("keep", "", "write the archive and the site into this folder and keep them (default: a temporary folder)")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "plenary-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	src := filepath.Join(dir, "archive")
	t := time.Now()
	size, err := corpus.Write(src, *reports, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %d reports (%.0f MB) in %s\n", *reports, float64(size)/1e6, time.Since(t).Round(time.Millisecond))

	root, err := content.OpenRoot(src, nil)
	if err != nil {
		return err
	}
	defer root.Close()
	t = time.Now()
	res, err := pipeline.Build(pipeline.Options{
		Root: root.FS(), Dest: filepath.Join(dir, "public"), Source: src, Clean: true, Memory: memory.Budgets(),
	})
	if err != nil {
		return err
	}
	wall := time.Since(t)
	for _, st := range res.Stages {
		fmt.Fprintf(stdout, "  %-13s %8s\n", st.Name, st.Duration.Round(time.Millisecond))
		switch st.Name {
		case "render+write":
			fmt.Fprintf(stdout, "  %-13s %8.0f files/s (%d files, %.0f MB)\n", "", float64(res.Files)/st.Duration.Seconds(), res.Files, float64(res.Bytes)/1e6)
		case "index":
			if res.Index != nil {
				fmt.Fprintf(stdout, "  %-13s %8.0f documents/s (%d documents, %.0f MB)\n", "", float64(res.Index.Documents)/st.Duration.Seconds(), res.Index.Documents, float64(res.Index.Bytes)/1e6)
			}
		}
	}
	fmt.Fprintf(stdout, "total %s: %.0f reports/s, %.0f pages/s", wall.Round(time.Millisecond), float64(*reports)/wall.Seconds(), float64(res.Files)/wall.Seconds())
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		fmt.Fprintf(stdout, ", peak memory %d MB (including the generated archive)", ru.Maxrss/1024)
	}
	fmt.Fprintln(stdout)
	return nil
}
