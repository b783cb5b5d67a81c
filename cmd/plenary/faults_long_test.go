package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// The long form of the fault-injection suite (docs/reliability.md):
//
//	go test -run TestFaultsLong -timeout 3h ./cmd/plenary -faults.long
var (
	longFaults   = flag.Bool("faults.long", false, "run the long form of the fault-injection suite")
	longTrials   = flag.Int("faults.trials", 20, "trials of each fault in the long form")
	longReports  = flag.Int("faults.reports", 1000, "reports of the long form's generated archive")
	longSeed     = flag.Uint64("faults.seed", 1, "seed of the long form's kill times and flipped bytes")
	longReportTo = flag.String("faults.report", "", "also write the long form's table of outcomes to this file")
)

// digest is a version published, by hashes: the site's files and the
// index's facts.
type digest struct {
	site  [32]byte
	files int
	facts [32]byte
}

// digestOf reads what the workspace publishes; the index, if any, must be
// whole.
func (w *workspace) digestOf(t *testing.T) digest {
	t.Helper()
	var d digest
	h := sha256.New()
	site, err := filepath.EvalSymlinks(w.dest)
	if err == nil {
		var paths []string
		err = filepath.WalkDir(site, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				paths = append(paths, p)
			}
			return err
		})
		sort.Strings(paths)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %d\n", strings.TrimPrefix(p, site), len(data))
			h.Write(data)
			d.files++
		}
	}
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	h.Sum(d.site[:0])
	if _, err := os.Stat(filepath.Join(w.index, "index_meta.json")); err == nil {
		real, err := versions.Resolve(w.index)
		if err != nil {
			t.Fatal(err)
		}
		if err := checksum.Verify(real); err != nil {
			t.Fatalf("the published index is not whole: %v", err)
		}
		data, err := os.ReadFile(filepath.Join(real, "plenary-site.json"))
		if err != nil {
			t.Fatal(err)
		}
		d.facts = sha256.Sum256(data)
	}
	return d
}

// outcome counts what trials of one fault gave.
type outcome struct {
	fault                  string
	trials, previous, next int // the version published after the fault
	other                  []string
}

func (o *outcome) String() string {
	other := "none"
	if len(o.other) > 0 {
		other = strings.Join(o.other, "; ")
	}
	return fmt.Sprintf("| %s | %d | %d | %d | %s |", o.fault, o.trials, o.previous, o.next, other)
}

// TestFaultsLong kills real builds of a generated archive with SIGKILL at
// random times, runs two builds at once, and flips random bytes of the
// cache and of the index, many times each; after each fault the site and
// index published must be the previous version or the next one, whole,
// the next build must publish what a clean build does, and nothing may
// be left behind.
func TestFaultsLong(t *testing.T) {
	if !*longFaults {
		t.Skip("the long form runs with -faults.long (docs/reliability.md)")
	}
	rng := rand.New(rand.NewPCG(*longSeed, 2))
	n := *longReports
	w := newWorkspace(t, n)
	next := n
	change := func() { w.change(t, next); next++ }
	start := func(extra ...string) *exec.Cmd {
		cmd := w.child(t, nil, w.args(extra...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// How long a build takes as a process of its own, which the kills'
	// random times spread over.
	timed := func(extra ...string) time.Duration {
		s := time.Now()
		if err := start(extra...).Wait(); err != nil {
			t.Fatal(err)
		}
		return time.Since(s)
	}
	// A clean build of the archive as it is, to compare with.
	cleanDigest := func() digest {
		c := &workspace{root: archivetest.TempDir(t)}
		c.src, c.dest = filepath.Join(c.root, "src"), filepath.Join(c.root, "public")
		c.index = filepath.Join(c.src, "search.bleve")
		if err := os.CopyFS(c.src, os.DirFS(w.src)); err != nil {
			t.Fatal(err)
		}
		for _, left := range []string{".plenary-cache", "search.bleve"} {
			os.RemoveAll(filepath.Join(c.src, left))
		}
		c.build(t)
		d := c.digestOf(t)
		os.RemoveAll(c.root)
		return d
	}
	var results []*outcome
	kill := func(fault string, extra []string, setup func(), length time.Duration) {
		o := &outcome{fault: fault}
		results = append(results, o)
		for i := 0; i < *longTrials; i++ {
			setup()
			before := w.digestOf(t)
			change()
			cmd := start(extra...)
			time.Sleep(time.Duration(rng.Int64N(int64(length))))
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_ = cmd.Wait()
			mid := w.digestOf(t)
			w.build(t, extra...)
			after := w.digestOf(t)
			o.trials++
			switch mid {
			case before:
				o.previous++
			case after:
				o.next++
			default:
				o.other = append(o.other, fmt.Sprintf("trial %d: neither version", i))
			}
			if i == *longTrials-1 && after != cleanDigest() {
				o.other = append(o.other, "the last recovery differs from a clean build")
			}
			w.noLeftovers(t)
		}
	}
	first := func(extra ...string) { w.build(t, extra...) }
	w.build(t)
	full := timed("--clean")
	change()
	update := timed()
	t.Logf("%d reports: a clean build takes %s, an update %s", n, full.Round(time.Millisecond), update.Round(time.Millisecond))

	kill("SIGKILL at a random time of an update", nil, func() {}, update*5/4)
	kill("SIGKILL at a random time of a clean rebuild", []string{"--clean"}, func() {}, full*5/4)
	kill("SIGKILL at a random time of a first build", nil, func() {
		for _, p := range []string{w.dest, versions.Folder(w.dest), w.index, filepath.Join(w.src, ".plenary-cache")} {
			os.RemoveAll(p)
		}
	}, full*5/4)
	first()

	o := &outcome{fault: "two builds at once after a change"}
	results = append(results, o)
	for i := 0; i < *longTrials; i++ {
		change()
		a, b := start(), start()
		ea, eb := a.Wait(), b.Wait()
		o.trials++
		if ea != nil || eb != nil {
			o.other = append(o.other, fmt.Sprintf("trial %d: %v, %v", i, ea, eb))
		}
		if i%5 == 4 || i == *longTrials-1 {
			if w.digestOf(t) != cleanDigest() {
				o.other = append(o.other, fmt.Sprintf("trial %d: differs from a clean build", i))
			}
		}
		o.next++
		w.noLeftovers(t)
	}

	flip := func(fault string, pick func() string, warning string) {
		o := &outcome{fault: fault}
		results = append(results, o)
		for i := 0; i < *longTrials; i++ {
			path := pick()
			data, err := os.ReadFile(path)
			if err != nil || len(data) == 0 {
				t.Fatalf("%s: %v", path, err)
			}
			at := rng.IntN(len(data))
			data[at] ^= byte(1 << rng.IntN(8))
			// The published files may be links the other version shares:
			// changed where they are, as a disk's damage would.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteAt(data[at:at+1], int64(at))
			f.Close()
			change()
			stderr := w.build(t, "--quiet=false")
			o.trials++
			if !strings.Contains(stderr, warning) {
				o.other = append(o.other, fmt.Sprintf("trial %d (%s, byte %d): no warning", i, filepath.Base(path), at))
			}
			if w.digestOf(t) != cleanDigest() {
				o.other = append(o.other, fmt.Sprintf("trial %d (%s, byte %d): differs from a clean build", i, filepath.Base(path), at))
			} else {
				o.next++
			}
			w.noLeftovers(t)
		}
	}
	cache := filepath.Join(w.src, ".plenary-cache")
	flip("a random byte of a random cache file flipped", func() string {
		files, _ := filepath.Glob(filepath.Join(cache, "*.bin"))
		return files[rng.IntN(len(files))]
	}, "the cache file is damaged: rebuilding everything")
	flip("a random byte of a random file of the published index flipped", func() string {
		real, err := versions.Resolve(w.index)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		filepath.WalkDir(real, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && filepath.Base(p) != checksum.File {
				files = append(files, p)
			}
			return err
		})
		return files[rng.IntN(len(files))]
	}, "search index damaged")

	table := []string{"| fault | trials | previous version published | new version published | anything else |", "| --- | --- | --- | --- | --- |"}
	for _, o := range results {
		table = append(table, o.String())
		if len(o.other) > 0 {
			t.Errorf("%s: %s", o.fault, strings.Join(o.other, "; "))
		}
	}
	t.Log("\n" + strings.Join(table, "\n"))
	if *longReportTo != "" {
		os.WriteFile(*longReportTo, []byte(strings.Join(table, "\n")+"\n"), 0o644)
	}
}
