package versions

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// The cost of publishing, with the design not chosen beside it: the
// switch (one rename of a new current link over the old one) against the
// journal an update in place would write before its first move (the
// journal written, then the file and its folder synced). Each reports its
// median and 90th percentile as well as the mean; run them with TMPDIR on
// the file system the site is published to, since a sync's cost is the
// disk's.
//
//	go test -run '^$' -bench Publish -benchtime 2000x ./generator/publish/versions

// percentiles reports the median and the 90th percentile of took.
func percentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	if len(took) == 0 {
		return
	}
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds())/1e3, "µs-median")
	b.ReportMetric(float64(took[len(took)*9/10].Nanoseconds())/1e3, "µs-p90")
}

func BenchmarkPublishSwitch(b *testing.B) {
	s := &Set{dir: b.TempDir()}
	for _, slot := range slotNames {
		if err := os.MkdirAll(filepath.Join(s.dir, slot, siteName), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	var took []time.Duration
	slot := slotNames[0]
	for b.Loop() {
		slot = other(slot)
		t := time.Now()
		if err := s.switchTo(slot); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t))
	}
	percentiles(b, took)
}

func BenchmarkPublishJournal(b *testing.B) {
	dir := b.TempDir()
	// The moves of an update that adds a report: its page, the pages of
	// its session, states and topics, the lists and the data files.
	var journal []byte
	for i := range 200 {
		journal = fmt.Appendf(journal, "rename .public.new/states/state-%03d/index.html public/states/state-%03d/index.html\n", i, i)
	}
	var took []time.Duration
	for b.Loop() {
		t := time.Now()
		if err := writeSynced(dir, journal); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t))
	}
	percentiles(b, took)
}

// writeSynced writes a journal into dir as an update in place would before
// its first move: written under a temporary name, synced, renamed into
// place, and the folder synced so that the rename is durable.
func writeSynced(dir string, journal []byte) error {
	tmp, path := filepath.Join(dir, "journal.tmp"), filepath.Join(dir, "journal")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(journal); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
