package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/corpus"
)

func TestBadIndexIsAClearError(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.bleve")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	facts := fmt.Sprintf(`{"version": %d, "reports": 1}`, index.Version)
	if err := os.WriteFile(filepath.Join(broken, index.FactsFile), []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "index_meta.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(dir, "missing.bleve"), "run plenary build"},
		{dir, "not an index written by plenary build"},
		{broken, "rebuild it with plenary build"},
	} {
		err := run(context.Background(), []string{"--index", tc.dir, "--addr", "127.0.0.1:0"}, io.Discard, io.Discard, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.dir, err, tc.want)
		}
	}
}

func TestServesAndShutsDown(t *testing.T) {
	s, _, _, _, err := pipeline.Load(pipeline.Options{Root: corpus.FS(20, 1)})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := index.Build(s, dir, index.Options{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var stdout bytes.Buffer
	go func() {
		done <- run(ctx, []string{"--index", dir, "--addr", "127.0.0.1:0", "--cors", "https://a.example"}, &stdout, io.Discard, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("healthz: %d", res.StatusCode)
	}
	res, err = http.Get("http://" + addr + "/search?q=" + strings.Repeat("x", 600))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Errorf("a long query: %d", res.StatusCode)
	}
	cancel() // as SIGTERM does
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if !strings.Contains(stdout.String(), `"status":400`) || !strings.Contains(stdout.String(), `"path":"/healthz"`) {
			t.Errorf("access log:\n%s", stdout.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no shutdown within 5s")
	}
}
