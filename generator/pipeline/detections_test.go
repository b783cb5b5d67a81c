package pipeline

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// TestFullBuildSavesDetections checks that a full build, which saves what
// it detected before it renders and lets go of it, leaves every report's
// detection in the cache, where the next build finds them.
func TestFullBuildSavesDetections(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "small.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	cache := t.TempDir()
	res, err := Build(Options{Root: fsys, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: cache, Clean: true})
	if err != nil {
		t.Fatal(err)
	}
	entries, contexts := 0, map[string]bool{}
	for i := 0; i < detectionShards; i++ {
		data, err := os.ReadFile(filepath.Join(cache, shardFile(i)))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		format, context, got, err := decodeDetections(data)
		if err != nil || format != cacheFormat {
			t.Fatalf("shard %d: format %d, %v", i, format, err)
		}
		contexts[context] = true
		for _, det := range got {
			if len(det.Paragraphs) == 0 {
				t.Errorf("shard %d: a detection without paragraphs", i)
			}
		}
		entries += len(got)
	}
	if entries != len(res.Site.Reports) || len(contexts) != 1 {
		t.Fatalf("%d detections in %d contexts saved for %d reports", entries, len(contexts), len(res.Site.Reports))
	}
	// The next build finds every one of them.
	var context string
	for c := range contexts {
		context = c
	}
	dets := loadDetections(cache)(context)
	if len(dets.old) != entries {
		t.Errorf("the next build finds %d of %d detections", len(dets.old), entries)
	}
}
