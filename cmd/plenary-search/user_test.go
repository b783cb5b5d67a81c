package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// asMain makes the test binary run main, so a test can start the endpoint
// as a process of its own, as another user.
const asMain = "PLENARY_SEARCH_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestServesACopyAsAnotherUser installs the index as docs/deploy.md says
// (cp -r) and runs the endpoint as an unprivileged user, as systemd's
// DynamicUser and a container's non-root user do: the index the build
// writes must be readable by them.
func TestServesACopyAsAnotherUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run the endpoint as another user")
	}
	cp, err := exec.LookPath("cp")
	if err != nil {
		t.Skip("no cp")
	}
	s, _, _, _, err := pipeline.Load(pipeline.Options{Root: corpus.FS(10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := index.Build(s, built, index.Options{}); err != nil {
		t.Fatal(err)
	}
	// A folder the other user may enter, holding the copy and this binary.
	srv, err := os.MkdirTemp("", "plenary-search-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(srv) })
	if err := os.Chmod(srv, 0o755); err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(srv, "search.bleve")
	if out, err := exec.Command(cp, "-r", built, copied).CombinedOutput(); err != nil {
		t.Fatalf("cp -r: %v: %s", err, out)
	}
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(srv, "plenary-search")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--index", copied, "--addr", addr)
	cmd.Env = append(os.Environ(), asMain+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var stderr lockedBuilder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	url := fmt.Sprintf("http://%s/search?q=capacity", addr)
	giveUp := time.After(time.Minute)
	for {
		select {
		case err := <-exited:
			t.Fatalf("the endpoint, run as another user over a copy of the index, exited: %v: %s", err, stderr.String())
		case <-giveUp:
			t.Fatalf("the endpoint never answered: %s", stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		res, err := http.Get(url)
		if err != nil {
			continue
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("search answered %s", res.Status)
		}
		return
	}
}

// lockedBuilder is a strings.Builder a process may write to while a test
// reads it.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
