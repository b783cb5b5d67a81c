package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// TestServesEachVersionPublished publishes a version of the index while
// the endpoint serves the previous one: it serves the new one without a
// restart.
func TestServesEachVersionPublished(t *testing.T) {
	dir := t.TempDir()
	dest, idx := filepath.Join(dir, "public"), filepath.Join(dir, "search.bleve")
	build := func(n int) {
		t.Helper()
		if _, err := pipeline.Build(pipeline.Options{Root: corpus.FS(n, 1), Dest: dest, IndexDir: idx}); err != nil {
			t.Fatal(err)
		}
	}
	build(10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--index", idx, "--addr", "127.0.0.1:0", "--reload", "10ms"}, io.Discard, io.Discard, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	documents := func() float64 {
		res, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var h struct{ Documents float64 }
		if err := json.NewDecoder(res.Body).Decode(&h); err != nil {
			t.Fatal(err)
		}
		return h.Documents
	}
	if n := documents(); n != 10 {
		t.Fatalf("serving %v documents, want 10", n)
	}
	build(12)
	deadline := time.Now().Add(20 * time.Second)
	for documents() != 12 {
		if time.Now().After(deadline) {
			t.Fatal("the new version of the index was not served")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
