package endpoint_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/corpus"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// The query benchmarks run on a generated archive of 10,000 reports
// (PLENARY_BENCH_REPORTS=50000 for more), indexed once per run; the
// response cache is off, so every iteration searches.
//
//	go test -run '^$' -bench Query -benchtime 2000x ./generator/search/...

var benchQueries = []struct{ name, query string }{
	// Two words and a state filter, with facets and highlighted fragments.
	{"selective", "q=ransomware+hospitals&state=Brazil"},
	// Many matches, faceted, sorted by date.
	{"broad-date", "q=capacity+building&sort=date"},
	{"phrase", "q=%22points+of+contact+directory%22"},
	// Synonym expansion: the Programme of Action in all its forms.
	{"synonyms", "q=programme+of+action"},
}

var (
	benchOnce sync.Once
	benchH    http.Handler
	benchErr  error
	benchDir  string
)

func benchHandler(b *testing.B) http.Handler {
	b.Helper()
	benchOnce.Do(func() {
		n := 10000
		if v, err := strconv.Atoi(os.Getenv("PLENARY_BENCH_REPORTS")); err == nil {
			n = v
		}
		fsys := corpus.FS(n, 1)
		fsys["config.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://archive.example.org/\"\n[search]\nsynonyms = [[\"programme of action\", \"PoA\"], [\"programme\", \"program\"]]\n")}
		s, cfg, err := searchfixture.Load(fsys)
		if err != nil {
			benchErr = err
			return
		}
		if benchDir, benchErr = os.MkdirTemp("", "plenary-bench-"); benchErr != nil {
			return
		}
		dir := filepath.Join(benchDir, "search.bleve")
		if _, benchErr = index.Build(s, dir, index.Options{Synonyms: cfg.Search.Synonyms}); benchErr != nil {
			return
		}
		ix, err := engine.Open(dir)
		if err != nil {
			benchErr = err
			return
		}
		benchH, benchErr = endpoint.New(ix, endpoint.Options{CacheSize: -1, MaxConcurrent: benchConc(), Timeout: 10 * time.Second})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchH
}

func serve(b *testing.B, h http.Handler, q string) int {
	req := httptest.NewRequest(http.MethodGet, "/search?"+q, nil)
	req.Header.Set("Accept", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", q, w.Code, w.Body)
	}
	return w.Body.Len()
}

// BenchmarkQuery is one client: latency percentiles and the size of the
// JSON answer (a page of 10 hits with facets).
func BenchmarkQuery(b *testing.B) {
	h := benchHandler(b)
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			size := serve(b, h, bq.query)
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				serve(b, h, bq.query)
				lat = append(lat, time.Since(t))
			}
			b.StopTimer()
			report(b, lat)
			b.ReportMetric(float64(size), "json-bytes")
		})
	}
}

// BenchmarkQueryParallel is eight clients at once.
func BenchmarkQueryParallel(b *testing.B) {
	h := benchHandler(b)
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			b.SetParallelism(4) // × GOMAXPROCS 2 = 8 clients
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					t := time.Now()
					serve(b, h, bq.query)
					mine = append(mine, time.Since(t))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			b.StopTimer()
			report(b, lat)
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
		})
	}
}

func report(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

// benchConc is the handler's concurrency limit: PLENARY_BENCH_CONCURRENT,
// or the handler's default.
func benchConc() int {
	n, _ := strconv.Atoi(os.Getenv("PLENARY_BENCH_CONCURRENT"))
	return n
}
