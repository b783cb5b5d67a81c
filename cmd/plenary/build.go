package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	plenary "github.com/plenary-archive/plenary"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
)

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the archive's root: the folder with config.toml and content/")
	dest := fl.String("dest", "", "where to write the site (default: public/ in the archive's root)")
	drafts := fl.Bool("drafts", false, "include reports marked draft")
	quiet := fl.Bool("quiet", false, "print errors only")
	clean := fl.Bool("clean", false, "ignore the cache and render every page")
	baseURL := fl.String("base-url", "", "build for this address instead of config.toml's baseURL (e.g. the address a host serves the site at)")
	var endpoint optionalString
	fl.Var(&endpoint, "search-endpoint", searchEndpointUsage)
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the build to this file")
	indexDir := fl.String("index", "", "where to write the search index (default: [search] index of config.toml, in the archive's root)")
	noWait := fl.Bool("no-wait", false, "fail at once when another build of the archive or of the destination is running, instead of waiting for it")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	root, err := content.OpenRoot(*source, plenary.Sample)
	if err != nil {
		return err
	}
	defer root.Close()
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	if root.Sample() && !*quiet {
		fmt.Fprintf(stdout, "no content/ in %s: building the bundled archive\n", *source)
	}
	start := time.Now()
	opts := pipeline.Options{
		Root: root.FS(), Dest: *dest, Drafts: *drafts, Clean: *clean, Source: *source, IndexDir: *indexDir, BaseURL: *baseURL,
		SearchEndpoint: endpoint.ptr(), CacheDir: root.CacheDir(), Memory: memory.Budgets(), NoWait: *noWait,
		Waiting: func(pid int) { fmt.Fprintln(stderr, waitingFor(pid)) },
	}
	if !*quiet {
		opts.Progress = newProgress(stdout)
	}
	res, err := buildInterruptibly(opts, stderr)
	if err != nil {
		var stopped *interrupted
		if errors.As(err, &stopped) {
			return err
		}
		fmt.Fprintf(stderr, "plenary: the build failed; %s was left as it was\n", *dest)
		return err
	}
	if !*quiet {
		for _, w := range res.Warnings {
			fmt.Fprintln(stderr, w)
		}
	}
	if !*quiet {
		s := res.Site
		fmt.Fprintf(stdout, "built %d reports, %d sessions, %d states, %d topics: %d files in %s (%d rendered, %.1f MB), %s\n",
			len(s.Reports), len(s.Sessions), len(s.States), len(s.Topics), res.Files, *dest, res.Rendered,
			float64(res.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
		if ix := res.Index; ix != nil {
			state := "written"
			switch {
			case ix.Unchanged:
				state = "unchanged"
			case ix.InPlace:
				state = fmt.Sprintf("%d updated in place", ix.Updated)
			}
			fmt.Fprintf(stdout, "search index %s: %d documents, %.1f MB, %s in %s\n",
				res.IndexDir, ix.Documents, float64(ix.Bytes)/1e6, state, ix.Duration.Round(time.Millisecond))
		}
	}
	return nil
}
