package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// TestServesShards serves two shards of a generated archive with --shard
// and checks that the endpoint counts the reports of both.
func TestServesShards(t *testing.T) {
	s, _, _, _, err := pipeline.Load(pipeline.Options{Root: corpus.FS(20, 1)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	half := len(s.Reports) / 2
	var args []string
	for i, part := range [][]int{{0, half}, {half, len(s.Reports)}} {
		sub := *s
		sub.Reports = s.Reports[part[0]:part[1]]
		d := filepath.Join(dir, string(rune('a'+i))+".bleve")
		if _, err := index.Build(&sub, d, index.Options{}); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--shard", d)
	}
	err = run(context.Background(), append([]string{"--index", args[1], "--addr", "127.0.0.1:0"}, args...), io.Discard, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "--index and --shard") {
		t.Errorf("--index with --shard: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, append(args, "--addr", "127.0.0.1:0"), io.Discard, io.Discard, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("not ready after 10s")
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var health struct{ Documents int }
	if err := json.NewDecoder(resp.Body).Decode(&health); err != nil {
		t.Fatal(err)
	}
	if health.Documents != len(s.Reports) {
		t.Errorf("the shards serve %d documents, want %d", health.Documents, len(s.Reports))
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
