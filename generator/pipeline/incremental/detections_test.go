package incremental

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

const twoReports = archivetest.Session + archivetest.Topic + `-- content/reports/2024/a.md --
+++
title = "Opening"
date = 2024-03-04
session = "s1"
+++

France and Chile spoke on the PoA.

Kenya agreed.
-- content/reports/2024/b.md --
+++
title = "Closing"
date = 2024-03-08
session = "s1"
+++

Brazil closed the session.
`

// assemble assembles the archive with the cache's detections, as a build
// does.
func assemble(t *testing.T, c *Cache) {
	t.Helper()
	a, err := content.Load(archivetest.FS(twoReports))
	if err != nil {
		t.Fatal(err)
	}
	cache := c.Detections(a.Config, a, "speakers v1")
	if _, problems := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: markdown.New(a.Config.BasePath), Cache: cache}); len(problems.Errors()) > 0 {
		t.Fatal(problems)
	}
}

// TestSaveDetections checks that detections saved before rendering, as a
// full build saves them, hold every report's detection, in one context,
// and that the next build finds every one of them.
func TestSaveDetections(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir, true)
	assemble(t, c)
	c.SaveDetections()
	if c.dets != nil {
		t.Error("the detections are still held after they were saved")
	}
	entries, contexts := 0, map[string]bool{}
	for i := 0; i < detectionShards; i++ {
		data, err := readFile(dir, shardFile(i), codecMagic)
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
	if entries != 2 || len(contexts) != 1 {
		t.Fatalf("%d detections in %d contexts saved for 2 reports", entries, len(contexts))
	}
	next := Open(dir, false)
	assemble(t, next)
	if len(next.dets.old) != entries || len(next.dets.used) != entries {
		t.Errorf("the next build finds %d and uses %d of %d detections", len(next.dets.old), len(next.dets.used), entries)
	}
	for i, changed := range next.dets.changed {
		if changed {
			if _, err := os.Stat(filepath.Join(dir, shardFile(i))); err == nil {
				t.Errorf("shard %d is on disk but would be written again", i)
			}
		}
	}
}
