package main

// The fault-injection suite: builds killed at every point of a build, two
// builds at once, a build stopped by a signal, a corrupted cache, a
// damaged index, a symbolic link out of the archive, a nested-Markdown
// bomb and a read-only destination. Each asserts that nothing is lost (the
// published site is exactly the previous version or the new one, byte for
// byte as a clean build writes it, and its index is the same version) and
// that nothing is leaked (after the next build, nothing is left beside
// the site, the index or in the cache but what a build keeps). The long
// form, with real SIGKILLs at random times on a larger archive, is
// faults_long_test.go.

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/internal/archivetest"
	"github.com/plenary-archive/plenary/internal/corpus"
	"github.com/plenary-archive/plenary/internal/faults"
)

// The environment of the test binary run as plenary by a test (TestMain).
const (
	childArgs    = "PLENARY_TEST_ARGS"     // the command line, its arguments separated by US (0x1f)
	childKillAt  = "PLENARY_TEST_KILL_AT"  // kill itself with SIGKILL at the point with this number
	childPauseAt = "PLENARY_TEST_PAUSE_AT" // at the point of this name, say "paused" and wait for a line on stdin
	childPoints  = "PLENARY_TEST_POINTS"   // append the names of the points passed to this file
)

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(childArgs); ok {
		os.Exit(child(strings.Split(args, "\x1f")))
	}
	os.Exit(m.Run())
}

// child runs plenary with a hook at the build's points: it notes them,
// stops the process at one of them with SIGKILL, as a crash or kill -9
// would, or waits there for the test to go on.
func child(args []string) int {
	killAt, _ := strconv.Atoi(os.Getenv(childKillAt))
	pauseAt := os.Getenv(childPauseAt)
	var log *os.File
	if p := os.Getenv(childPoints); p != "" {
		log, _ = os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	}
	var mu sync.Mutex
	n := 0
	faults.SetHook(func(point string) {
		mu.Lock()
		n++
		if log != nil {
			fmt.Fprintln(log, point)
		}
		if n == killAt {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
		mu.Unlock()
		if point == pauseAt {
			fmt.Println("paused")
			_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
		}
	})
	return run(args, os.Stdout, os.Stderr)
}

// workspace is an archive, its site and its index, as a build leaves
// them: root/src (the archive, its cache and search.bleve) and root/public.
type workspace struct {
	root, src, dest, index string
}

// newWorkspace writes a generated archive of n reports.
func newWorkspace(t *testing.T, n int) *workspace {
	t.Helper()
	root := archivetest.TempDir(t)
	w := &workspace{root: root, src: filepath.Join(root, "src"), dest: filepath.Join(root, "public")}
	w.index = filepath.Join(w.src, "search.bleve")
	if _, err := corpus.Write(w.src, n, 1); err != nil {
		t.Fatal(err)
	}
	return w
}

// change makes the archive's next version: report i added, and report 0
// edited.
func (w *workspace) change(t *testing.T, i int) {
	t.Helper()
	p, data := corpus.Report(1, i)
	write(t, w.src, map[string]string{p: string(data)})
	edited, _ := corpus.Report(1, 0)
	f, err := os.OpenFile(filepath.Join(w.src, edited), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\nFrance and Kenya added point %d on capacity building.\n", i)
	f.Close()
}

// args are a build's arguments for the workspace.
func (w *workspace) args(extra ...string) []string {
	return append([]string{"build", "--source", w.src, "--dest", w.dest, "--quiet"}, extra...)
}

// build builds in this process and fails the test if the build does.
func (w *workspace) build(t *testing.T, extra ...string) string {
	t.Helper()
	code, _, stderr := runCmd(t, w.args(extra...)...)
	if code != 0 {
		t.Fatalf("build %v: exit %d: %s", extra, code, stderr)
	}
	return stderr
}

// child starts plenary as a process of its own with the test's hooks.
func (w *workspace) child(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f")), env...)
	return cmd
}

// version is what the workspace publishes: every file of the site, and the
// facts of its index (which differ from one version to the next).
type version struct {
	site  map[string]string
	facts string
}

func (v version) equal(o version) bool {
	if v.facts != o.facts || len(v.site) != len(o.site) {
		return false
	}
	for p, data := range v.site {
		if o.site[p] != data {
			return false
		}
	}
	return true
}

// nothing is what a workspace without a published site shows.
var nothing = version{site: map[string]string{}}

// published reads the version the workspace publishes, checking that its
// index is whole.
func (w *workspace) published(t *testing.T) version {
	t.Helper()
	v := version{site: map[string]string{}}
	site, err := filepath.EvalSymlinks(w.dest)
	if err == nil {
		err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			v.site[strings.TrimPrefix(p, site)] = string(data)
			return err
		})
	}
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	// An index folder whose links lead nowhere yet shows no index.
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
		v.facts = string(data)
	}
	return v
}

// clean is the version a clean build of the workspace's archive writes,
// into a copy of the workspace made for it.
func (w *workspace) clean(t *testing.T) version {
	t.Helper()
	c := &workspace{root: archivetest.TempDir(t)}
	c.src, c.dest = filepath.Join(c.root, "src"), filepath.Join(c.root, "public")
	c.index = filepath.Join(c.src, "search.bleve")
	if err := os.CopyFS(c.src, os.DirFS(w.src)); err != nil {
		t.Fatal(err)
	}
	for _, left := range []string{".plenary-cache", "search.bleve"} {
		if err := os.RemoveAll(filepath.Join(c.src, left)); err != nil {
			t.Fatal(err)
		}
	}
	c.build(t)
	return c.published(t)
}

// noLeftovers checks that nothing is left beside the site, the index and
// in the cache but what a finished build keeps.
func (w *workspace) noLeftovers(t *testing.T) {
	t.Helper()
	left, err := w.leftovers()
	if err != nil {
		t.Error(err)
	}
	for _, l := range left {
		t.Errorf("left: %s", l)
	}
}

// leftovers lists what is beside the site, the index and in the cache but
// what a finished build keeps.
func (w *workspace) leftovers() ([]string, error) {
	var left []string
	var failed error
	allowed := func(dir string, names ...string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if !os.IsNotExist(err) && failed == nil {
				failed = err
			}
			return
		}
		ok := map[string]bool{}
		for _, n := range names {
			ok[n] = true
		}
		for _, e := range entries {
			if !ok[e.Name()] {
				left = append(left, filepath.Join(dir, e.Name()))
			}
		}
	}
	allowed(w.root, "src", "public", ".public.versions")
	allowed(w.src, "config.toml", "content", ".plenary-cache", "search.bleve")
	v := versions.Folder(w.dest)
	allowed(v, "a", "b", "current", "state", "lock")
	allowed(filepath.Join(v, "a"), "site", "index")
	allowed(filepath.Join(v, "b"), "site", "index")
	tmp, _ := filepath.Glob(filepath.Join(w.src, ".plenary-cache", "*.tmp-*"))
	return append(left, tmp...), failed
}

// killedAt runs the build args in a child that kills itself at its k-th
// point; it tells whether it was killed, and the points passed.
func (w *workspace) killedAt(t *testing.T, k int, args []string) (bool, []string) {
	t.Helper()
	log := filepath.Join(t.TempDir(), "points")
	cmd := w.child(t, []string{childKillAt + "=" + strconv.Itoa(k), childPoints + "=" + log}, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	data, _ := os.ReadFile(log)
	var points []string
	if trimmed := strings.TrimSpace(string(data)); trimmed != "" {
		points = strings.Split(trimmed, "\n")
	}
	if err == nil {
		return false, points
	}
	if cmd.ProcessState == nil {
		t.Fatalf("the build did not start: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the build killed at point %d ended otherwise: %v: %s", k, err, stderr.String())
	}
	return true, points
}

// smallArchive is how many reports the short form's archives have: enough
// for every kind of page, few enough for a build in a fraction of a
// second.
const smallArchive = 12

// TestKilledAtEveryPoint kills a build with SIGKILL at each of its points
// in turn (the test hook stops the process there), in every kind of build:
// the published site is the previous version or the new one, whole, and
// the next build publishes the new one and leaves nothing behind.
func TestKilledAtEveryPoint(t *testing.T) {
	n := smallArchive
	ref := newWorkspace(t, n)
	v1 := ref.clean(t)
	ref.change(t, n)
	v2 := ref.clean(t)
	ref.change(t, n+1)
	v3 := ref.clean(t)
	at := func(t *testing.T, steps ...func(w *workspace)) *workspace {
		w := newWorkspace(t, n)
		for _, step := range steps {
			step(w)
		}
		return w
	}
	build := func(t *testing.T, extra ...string) func(w *workspace) {
		return func(w *workspace) { w.build(t, extra...) }
	}
	change := func(t *testing.T, i int) func(w *workspace) { return func(w *workspace) { w.change(t, i) } }
	scenarios := []struct {
		name          string
		setup         func(t *testing.T) *workspace
		before, after version
		extra         []string
	}{
		{"first build", func(t *testing.T) *workspace { return at(t) }, nothing, v1, nil},
		{"update", func(t *testing.T) *workspace { return at(t, build(t), change(t, n)) }, v1, v2, nil},
		{"update of an update", func(t *testing.T) *workspace {
			return at(t, build(t), change(t, n), build(t), change(t, n+1))
		}, v2, v3, nil},
		{"clean rebuild", func(t *testing.T) *workspace { return at(t, build(t), change(t, n)) }, v1, v2, []string{"--clean"}},
		{"site and index written before versions", func(t *testing.T) *workspace {
			w := at(t, build(t))
			legacy(t, w)
			w.change(t, n)
			return w
		}, v1, v2, nil},
	}
	if testing.Short() {
		scenarios = scenarios[1:2]
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			w := sc.setup(t)
			if got := w.published(t); !got.equal(sc.before) {
				t.Fatal("the workspace does not publish the version before")
			}
			// Each build killed starts from the same state, at the same
			// paths, which the cache records.
			saved := w.copyTo(t, archivetest.TempDir(t))
			var points []string
			for k := 1; ; k++ {
				if k > 1 {
					saved.copyTo(t, w.root)
				}
				killed, passed := w.killedAt(t, k, w.args(sc.extra...))
				if !killed {
					if k == 1 {
						t.Fatal("the build passed no point")
					}
					break
				}
				point := passed[len(passed)-1]
				points = append(points, point)
				if got := w.published(t); !got.equal(sc.before) && !got.equal(sc.after) {
					t.Errorf("killed at %q: the site and index published are neither the previous version nor the new one", point)
				}
				w.build(t, sc.extra...)
				if !w.published(t).equal(sc.after) {
					t.Errorf("killed at %q: the next build does not publish what a clean build does", point)
				}
				w.noLeftovers(t)
			}
			t.Logf("killed at %d points: %s", len(points), strings.Join(points, "; "))
		})
	}
}

// legacy turns the workspace's published site and index into plain
// folders, as builds wrote them before versions.
func legacy(t *testing.T, w *workspace) {
	t.Helper()
	site, err := filepath.EvalSymlinks(w.dest)
	if err != nil {
		t.Fatal(err)
	}
	index, err := versions.Resolve(w.index)
	if err != nil {
		t.Fatal(err)
	}
	tmpSite, tmpIndex := filepath.Join(w.root, "site.copy"), filepath.Join(w.root, "index.copy")
	for from, to := range map[string]string{site: tmpSite, index: tmpIndex} {
		if err := os.CopyFS(to, os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{w.dest, w.index, versions.Folder(w.dest), filepath.Join(w.src, ".plenary-cache")} {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Rename(tmpSite, w.dest); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmpIndex, w.index); err != nil {
		t.Fatal(err)
	}
}

// copyTo copies the workspace as it is into root, replacing what is there,
// its links and the hard links between its files kept.
func (w *workspace) copyTo(t *testing.T, root string) *workspace {
	t.Helper()
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	c := &workspace{root: root, src: filepath.Join(root, "src"), dest: filepath.Join(root, "public")}
	c.index = filepath.Join(c.src, "search.bleve")
	linked := map[uint64]string{}
	err := filepath.WalkDir(w.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(w.root, p)
		if err != nil {
			return err
		}
		to := filepath.Join(root, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(to, info.Mode().Perm())
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		}
		ino := info.Sys().(*syscall.Stat_t).Ino
		if first, ok := linked[ino]; ok {
			return os.Link(first, to)
		}
		linked[ino] = to
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
