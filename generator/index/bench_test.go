package index

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkBuild measures the index stage alone on generated archives:
// documents per second, the index's size, and the process's peak resident
// memory while it ran (the assembled Site included, since the build holds
// it too).
//
//	go test -run '^$' -bench 'Build$' -benchtime 1x ./generator/index
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			s := assemble(b, generated(n))
			dir := b.TempDir()
			opts := Options{}
			if v, err := strconv.Atoi(os.Getenv("PLENARY_BATCH")); err == nil {
				opts.BatchSize = v
			}
			runtime.GC()
			debug.FreeOSMemory()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			base := ms.HeapAlloc // live: just collected
			resetPeakRSS()
			peak, stop := sampleHeap()
			b.ResetTimer()
			var st Stats
			for i := 0; i < b.N; i++ {
				var err error
				if st, err = Build(s, filepath.Join(dir, strconv.Itoa(i)), opts); err != nil {
					b.Fatal(err)
				}
			}
			stop()
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(st.Bytes)/1e6, "index-MB")
			b.ReportMetric(peakRSS()/1e6, "peak-RSS-MB")
			b.ReportMetric(float64(base)/1e6, "site-heap-MB")
			b.ReportMetric(float64(peak.Load()-base)/1e6, "index-heap-MB")
		})
	}
}

// sampleHeap records the peak of heap memory in use (live or not yet
// collected) until stop is called.
func sampleHeap() (*atomic.Uint64, func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(stopped)
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return &peak, func() { close(done); <-stopped }
}

// resetPeakRSS starts a new peak of resident memory (Linux only).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the peak resident memory since the last reset, in bytes.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range bytes.Split(data, []byte("\n")) {
		if f := bytes.Fields(l); len(f) == 3 && string(f[0]) == "VmHWM:" {
			kb, _ := strconv.ParseFloat(string(f[1]), 64)
			return kb * 1024
		}
	}
	return 0
}
