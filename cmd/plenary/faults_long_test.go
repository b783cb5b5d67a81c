package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	longOnly     = flag.String("faults.only", "", "run only the long form's faults whose names match this regular expression")
)

// digest is a version published, by hashes: the site's files and the
// index's facts.
type digest struct {
	site    [32]byte
	files   int
	facts   [32]byte
	damaged string // why the published index is not whole, if it is not
}

// digestOf reads what the workspace publishes.
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
			d.damaged = err.Error()
			return d
		}
		data, err := os.ReadFile(filepath.Join(real, "plenary-site.json"))
		if err != nil {
			t.Fatal(err)
		}
		d.facts = sha256.Sum256(data)
	}
	return d
}

// outcome counts what trials of one fault gave: which version was
// published after the fault (the previous one, the new one, a mix of the
// two or of neither, or no site at all), in how many trials something was
// left behind after the next build, and in how many a build panicked.
type outcome struct {
	fault                                  string
	trials, previous, next, mixed, nothing int
	leftovers, panics                      int
	notes                                  []string
}

func (o *outcome) String() string {
	notes := "none"
	if len(o.notes) > 0 {
		notes = strings.Join(o.notes, "; ")
	}
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %d | %d | %d | %s |",
		o.fault, o.trials, o.previous, o.next, o.mixed, o.nothing, o.leftovers, o.panics, notes)
}

// classify counts what was published after a fault, given the version
// before it and the one after.
func (o *outcome) classify(i int, got, before, after digest) {
	switch {
	case got == before:
		o.previous++
	case got == after:
		o.next++
	case got.files == 0:
		o.nothing++
		o.notes = append(o.notes, fmt.Sprintf("trial %d: no site", i))
	default:
		o.mixed++
		why := "neither version"
		if got.damaged != "" {
			why = "the index is not whole: " + got.damaged
		}
		o.notes = append(o.notes, fmt.Sprintf("trial %d: %s", i, why))
	}
}

// panicked tells whether a build's standard error shows a panic or a fatal
// error of the runtime.
func panicked(stderr string) bool {
	return strings.Contains(stderr, "panic:") || strings.Contains(stderr, "fatal error:")
}

// TestFaultsLong kills real builds of a generated archive with SIGKILL at
// random times, runs two builds at once, and flips random bytes of the
// cache and of the index, many times each. After each fault the site and
// index published must be the previous version or the next one, whole;
// the next build must publish what a clean build does and leave nothing
// behind; and no build may panic. Every build runs as a process of its
// own, so a panic is counted, not fatal to the test.
func TestFaultsLong(t *testing.T) {
	if !*longFaults {
		t.Skip("the long form runs with -faults.long (docs/reliability.md)")
	}
	rng := rand.New(rand.NewPCG(*longSeed, 2))
	n := *longReports
	w := newWorkspace(t, n)
	next := n
	change := func() { w.change(t, next); next++ }
	start := func(extra ...string) (*exec.Cmd, *bytes.Buffer) {
		cmd := w.child(t, nil, w.args(extra...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &stderr
	}
	// build runs a build to its end, as a process of its own.
	build := func(extra ...string) (string, error) {
		cmd, stderr := start(extra...)
		err := cmd.Wait()
		return stderr.String(), err
	}
	// How long a build takes as a process of its own, which the kills'
	// random times spread over.
	timed := func(extra ...string) time.Duration {
		s := time.Now()
		if stderr, err := build(extra...); err != nil {
			t.Fatalf("%v: %s", err, stderr)
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
	// recovered runs the build after a fault and checks what it leaves: the
	// clean build's version, and nothing else.
	recovered := func(o *outcome, i int, extra ...string) (digest, string) {
		stderr, err := build(extra...)
		if panicked(stderr) {
			o.panics++
		}
		if err != nil {
			o.notes = append(o.notes, fmt.Sprintf("trial %d: the next build failed: %v: %s", i, err, strings.TrimSpace(stderr)))
		}
		after := w.digestOf(t)
		if clean := cleanDigest(); after != clean {
			o.notes = append(o.notes, fmt.Sprintf("trial %d: the next build does not publish what a clean build does", i))
			after = clean
		}
		left, err := w.leftovers()
		if err != nil {
			t.Fatal(err)
		}
		if len(left) > 0 {
			o.leftovers++
			o.notes = append(o.notes, fmt.Sprintf("trial %d: left %s", i, strings.Join(left, ", ")))
		}
		return after, stderr
	}
	var results []*outcome
	only, err := regexp.Compile(*longOnly)
	if err != nil {
		t.Fatal(err)
	}
	chosen := only.MatchString
	// stop sends sig to a build at a random time of length, trials times.
	// A build stopped by SIGINT or SIGTERM must have removed what it wrote
	// before it exits, unless the signal came before it could handle it.
	stop := func(fault string, sig syscall.Signal, extra []string, setup func(), length time.Duration) {
		if !chosen(fault) {
			return
		}
		o := &outcome{fault: fault}
		results = append(results, o)
		began := time.Now()
		for i := 0; i < *longTrials; i++ {
			setup()
			before := w.digestOf(t)
			change()
			cmd, stderr := start(extra...)
			time.Sleep(time.Duration(rng.Int64N(int64(length))))
			_ = cmd.Process.Signal(sig)
			_ = cmd.Wait()
			mid := w.digestOf(t)
			if panicked(stderr.String()) {
				o.panics++
			}
			if sig != syscall.SIGKILL && cmd.ProcessState.ExitCode() == 128+int(sig) {
				left, err := w.leftovers()
				if err != nil {
					t.Fatal(err)
				}
				if len(left) > 0 {
					o.leftovers++
					o.notes = append(o.notes, fmt.Sprintf("trial %d: stopped by %v, it left %s", i, sig, strings.Join(left, ", ")))
				}
			}
			after, _ := recovered(o, i, extra...)
			o.trials++
			o.classify(i, mid, before, after)
		}
		t.Logf("%s: %d trials in %s", fault, o.trials, time.Since(began).Round(time.Second))
	}
	kill := func(fault string, extra []string, setup func(), length time.Duration) {
		stop(fault, syscall.SIGKILL, extra, setup, length)
	}
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
	w.build(t)
	stop("SIGTERM at a random time of an update", syscall.SIGTERM, nil, func() {}, update*5/4)
	stop("SIGINT at a random time of a clean rebuild", syscall.SIGINT, []string{"--clean"}, func() {}, full*5/4)

	o := &outcome{fault: "two builds at once after a change"}
	if chosen(o.fault) {
		results = append(results, o)
	}
	for i := 0; i < *longTrials && chosen(o.fault); i++ {
		change()
		a, ea := start()
		b, eb := start()
		errA, errB := a.Wait(), b.Wait()
		o.trials++
		if panicked(ea.String()) || panicked(eb.String()) {
			o.panics++
		}
		if errA != nil || errB != nil {
			o.notes = append(o.notes, fmt.Sprintf("trial %d: %v, %v", i, errA, errB))
		}
		// Both builds done, the published version is the new one: the one
		// a clean build writes, which recovered checks.
		got := w.digestOf(t)
		after, _ := recovered(o, i)
		o.classify(i, got, digest{files: -1}, after)
	}

	flip := func(fault string, pick func() string, warning string) {
		if !chosen(fault) {
			return
		}
		o := &outcome{fault: fault}
		results = append(results, o)
		began := time.Now()
		defer func() { t.Logf("%s: %d trials in %s", fault, o.trials, time.Since(began).Round(time.Second)) }()
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
			after, stderr := recovered(o, i, "--quiet=false")
			o.trials++
			if !strings.Contains(stderr, warning) {
				o.notes = append(o.notes, fmt.Sprintf("trial %d (%s, byte %d): no warning", i, filepath.Base(path), at))
			}
			o.classify(i, w.digestOf(t), digest{files: -1}, after)
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

	table := []string{
		"| fault | trials | previous version | new version | mixed | nothing | leftovers | panics | notes |",
		"| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
	}
	for _, o := range results {
		table = append(table, o.String())
		if o.mixed+o.nothing+o.leftovers+o.panics > 0 || len(o.notes) > 0 {
			t.Errorf("%s: %s", o.fault, strings.Join(o.notes, "; "))
		}
	}
	t.Log("\n" + strings.Join(table, "\n"))
	if *longReportTo != "" {
		if err := os.WriteFile(*longReportTo, []byte(strings.Join(table, "\n")+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
}
