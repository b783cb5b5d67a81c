package main

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/generator/search/engine"
)

// paused starts plenary as a child that stops at the point named, and
// returns once it is there; a line written to in lets it go on.
func (w *workspace) paused(t *testing.T, point string, args []string) (cmd *exec.Cmd, in io.WriteCloser, stderr *lockedBuffer) {
	t.Helper()
	cmd = w.child(t, []string{childPauseAt + "=" + point}, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr = &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "paused\n" {
		t.Fatalf("the build did not reach %q: %q %v: %s", point, line, err, stderr.String())
	}
	return cmd, in, stderr
}

// TestTwoBuildsAtOnce starts a build while another of the same archive is
// half-way: it waits, saying for which process, and both publish what a
// clean build does; with --no-wait it fails at once, naming it.
func TestTwoBuildsAtOnce(t *testing.T) {
	n := smallArchive
	w := newWorkspace(t, n)
	w.build(t)
	w.change(t, n)
	want := w.clean(t)
	first, release, _ := w.paused(t, "render: half the files written", w.args())
	pid := strconv.Itoa(first.Process.Pid)

	code, _, stderr := runCmd(t, w.args("--no-wait")...)
	if code != 1 || !strings.Contains(stderr, "PID "+pid) || !strings.Contains(stderr, "--no-wait") {
		t.Errorf("a build with --no-wait beside a running one: exit %d, %q", code, stderr)
	}
	second := w.child(t, nil, w.args()...)
	errs, err := second.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(errs).ReadString('\n')
	if want := "waiting for the build of PID " + pid + " to finish"; !strings.Contains(line, want) {
		t.Errorf("the second build says %q, want %q", line, want)
	}
	go io.Copy(io.Discard, errs)
	io.WriteString(release, "\n")
	if err := first.Wait(); err != nil {
		t.Errorf("the first build: %v", err)
	}
	if err := second.Wait(); err != nil {
		t.Errorf("the second build: %v", err)
	}
	if !w.published(t).equal(want) {
		t.Error("after two builds at once the site is not what a clean build writes")
	}
	w.noLeftovers(t)
}

// TestStoppedBySignal stops builds half-way with SIGINT and SIGTERM: each
// exits with 128 and the signal's number, the previous version stays
// published, and nothing it wrote is left, even before the next build.
func TestStoppedBySignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			w := newWorkspace(t, smallArchive)
			w.build(t)
			before := w.published(t)
			w.change(t, smallArchive)
			cmd, _, stderr := w.paused(t, "render: half the files written", w.args())
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) {
				t.Errorf("exit %d (%v), want %d: %s", code, err, 128+int(sig), stderr.String())
			}
			if !w.published(t).equal(before) {
				t.Error("a stopped build changed the published site")
			}
			w.noLeftovers(t)
			if slot := filepath.Join(versions.Folder(w.dest), "b"); exists(slot) {
				t.Errorf("the slot the stopped build made is still there")
			}
			w.build(t)
			if !w.published(t).equal(w.clean(t)) {
				t.Error("the build after a stopped one does not publish what a clean build does")
			}
			w.noLeftovers(t)
		})
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// TestCorruptedCache flips bytes of every kind of cache file: each build
// warns that the cache is damaged, renders everything, and publishes what
// a clean build does.
func TestCorruptedCache(t *testing.T) {
	w := newWorkspace(t, smallArchive)
	w.build(t)
	cache := filepath.Join(w.src, ".plenary-cache")
	// The sources file lists only files older than the build's racy
	// window, which this test's are not: the incremental package's tests
	// flip its bytes.
	names := []string{"site.bin", "detections-05.bin", "detections-12.bin"}
	for i, name := range names {
		path := filepath.Join(cache, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []int{0, len(data) / 2, len(data) - 1} {
			flipped := append([]byte(nil), data...)
			flipped[at] ^= 0x10
			if err := os.WriteFile(path, flipped, 0o644); err != nil {
				t.Fatal(err)
			}
			if at == len(data)/2 {
				w.change(t, smallArchive+i)
			}
			stderr := w.build(t, "--quiet=false")
			if !strings.Contains(stderr, name+": warning: the cache file is damaged: rebuilding everything") {
				t.Errorf("%s with byte %d flipped: no warning: %s", name, at, stderr)
			}
			if !w.published(t).equal(w.clean(t)) {
				t.Errorf("%s with byte %d flipped: the site is not what a clean build writes", name, at)
			}
			w.noLeftovers(t)
			if data, err = os.ReadFile(path); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestDamagedIndex flips a byte of a segment of the published index: the
// endpoint refuses it, and the next build does not update it in place but
// writes it whole, with a warning.
func TestDamagedIndex(t *testing.T) {
	w := newWorkspace(t, smallArchive)
	w.build(t)
	real, err := versions.Resolve(w.index)
	if err != nil {
		t.Fatal(err)
	}
	segs, _ := filepath.Glob(filepath.Join(real, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment")
	}
	f, err := os.OpenFile(segs[0], os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 1)
	f.ReadAt(b, 100)
	b[0] ^= 0x04
	f.WriteAt(b, 100)
	f.Close()
	if ix, err := engine.Open(w.index); err == nil {
		ix.Close()
		t.Error("the endpoint opens a damaged index")
	}
	w.change(t, smallArchive)
	stderr := w.build(t, "--quiet=false")
	if !strings.Contains(stderr, "search index damaged") {
		t.Errorf("no warning of the damaged index: %s", stderr)
	}
	if !w.published(t).equal(w.clean(t)) {
		t.Error("after a damaged index the site and index are not what a clean build writes")
	}
	ix, err := engine.Open(w.index)
	if err != nil {
		t.Fatalf("the index written after a damaged one does not open: %v", err)
	}
	ix.Close()
	w.noLeftovers(t)
}

// TestLinkOutsideAndMarkdownBomb plants a link to a file outside the
// archive, then a report of 40,000 nested list markers: the first build
// fails naming the link and leaves the site as it was; the second builds.
func TestLinkOutsideAndMarkdownBomb(t *testing.T) {
	w := newWorkspace(t, smallArchive)
	w.build(t)
	before := w.published(t)
	outside := filepath.Join(t.TempDir(), "secret.md")
	write(t, filepath.Dir(outside), map[string]string{"secret.md": "+++\ntitle = \"" + secret + "\"\n+++\n" + secret + "\n"})
	link := filepath.Join(w.src, "content", "reports", "2022", "leak.md")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, w.args()...)
	if code != 1 || !strings.Contains(stderr, "content/reports/2022/leak.md") || !strings.Contains(stderr, "outside the archive") {
		t.Errorf("a link outside the archive: exit %d: %s", code, stderr)
	}
	if !w.published(t).equal(before) {
		t.Error("a build refused for a link outside changed the site")
	}
	os.Remove(link)
	bomb := "+++\ntitle = \"Nested\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\n" + strings.Repeat("- ", 40000) + "x\n"
	write(t, w.src, map[string]string{"content/reports/2022/nested-bomb.md": bomb})
	w.build(t)
	got := w.published(t)
	if !got.equal(w.clean(t)) {
		t.Error("with a nested-Markdown bomb the site is not what a clean build writes")
	}
	for _, data := range got.site {
		if strings.Contains(data, secret) {
			t.Fatal("a file from outside the archive was published")
		}
	}
	w.noLeftovers(t)
}

// lockedBuffer is a buffer a process may write to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestReadOnlyDestination builds --clean where the destination cannot be
// written: a folder written before versions, then versions, in a folder
// the build may not change. The build fails before it publishes anything,
// saying what to do, and the site stays as it was. Root may write
// anywhere: as root the build runs as the unprivileged user nobody.
func TestReadOnlyDestination(t *testing.T) {
	for _, layout := range []string{"a folder written before versions", "versions"} {
		t.Run(layout, func(t *testing.T) {
			w := newWorkspace(t, smallArchive)
			if err := os.Chmod(w.root, 0o755); err != nil {
				t.Fatal(err)
			}
			w.build(t)
			if layout != "versions" {
				legacy(t, w)
			}
			before := w.published(t)
			cmd := w.child(t, nil, w.args("--clean")...)
			var lock []string
			if os.Getuid() == 0 {
				cmd = asNobody(t, cmd, w.src)
			} else {
				lock = append(lock, w.root, w.dest, versions.Folder(w.dest))
			}
			readOnly(t, append(lock, w.root)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			writableAgain(t, w.root, w.dest, versions.Folder(w.dest))
			if err == nil {
				t.Fatal("a build into a destination it cannot write succeeded")
			}
			if msg := stderr.String(); !strings.Contains(msg, "cannot be written") || !strings.Contains(msg, "left as it was") {
				t.Errorf("the build's message does not say what to do: %s", msg)
			}
			if !w.published(t).equal(before) {
				t.Error("a build into a destination it cannot write changed the site")
			}
			w.build(t, "--clean")
			w.noLeftovers(t)
		})
	}
}

// asNobody makes cmd run as the user nobody, from a copy of the test
// binary that user may run, over an archive it may write.
func asNobody(t *testing.T, cmd *exec.Cmd, archive string) *exec.Cmd {
	t.Helper()
	dir, err := os.MkdirTemp("", "plenary-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	self, err := os.ReadFile(os.Args[0])
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "plenary.test"), self, 0o755)
	}
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(archive, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 65534, 65534)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.WalkDir(archive, func(p string, _ fs.DirEntry, err error) error {
			if err == nil {
				_ = os.Lchown(p, 0, 0)
			}
			return nil
		})
	})
	nobody := exec.Command(filepath.Join(dir, "plenary.test"), cmd.Args[1:]...)
	nobody.Env = cmd.Env
	nobody.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return nobody
}

// readOnly takes the write permission of the folders away; a folder that
// is a link is left alone.
func readOnly(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if st, err := os.Lstat(d); err == nil && st.IsDir() {
			if err := os.Chmod(d, 0o555); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// writableAgain gives the folders their write permission back.
func writableAgain(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if st, err := os.Lstat(d); err == nil && st.IsDir() {
			_ = os.Chmod(d, 0o755)
		}
	}
}

// TestReadOnlyArchive builds an archive the build may not write (a
// read-only checkout) into a destination it may: it builds, with a warning
// that the archive's lock cannot be taken.
func TestReadOnlyArchive(t *testing.T) {
	w := newWorkspace(t, smallArchive)
	if err := os.Chmod(w.root, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(w.root, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := w.child(t, nil, "build", "--source", w.src, "--dest", filepath.Join(out, "public"), "--index", filepath.Join(out, "search.bleve"))
	if os.Getuid() == 0 {
		cmd = asNobody(t, cmd, out)
	} else {
		readOnly(t, w.src)
		defer writableAgain(t, w.src)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("a build of a read-only archive failed: %v: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "the archive's lock cannot be taken") {
		t.Errorf("no warning of the lock: %s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "public", "index.html")); err != nil {
		t.Error(err)
	}
}
