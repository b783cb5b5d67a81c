package endpoint_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

var (
	fixtureOnce sync.Once
	fixtureSite *generator.Site
	fixtureDir  string
	fixtureErr  error
)

// fixture builds the test archive, its site and its index with the
// theme's results page, once for the package's tests.
func fixture(t testing.TB) (*generator.Site, string) {
	t.Helper()
	fixtureOnce.Do(func() {
		fsys, err := searchfixture.Archive()
		if err != nil {
			fixtureErr = err
			return
		}
		dir, err := os.MkdirTemp("", "plenary-endpoint-test-")
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureSite, fixtureDir, fixtureErr = searchfixture.Build(fsys, dir)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureSite, fixtureDir
}

var (
	handlerOnce sync.Once
	handler     http.Handler
)

// testHandler serves the fixture's index.
func testHandler(t testing.TB) http.Handler {
	t.Helper()
	_, dir := fixture(t)
	handlerOnce.Do(func() {
		ix, err := engine.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		h, err := endpoint.New(ix, endpoint.Options{CORSOrigins: []string{"https://archive.example.org"}})
		if err != nil {
			t.Fatal(err)
		}
		handler = h
	})
	return handler
}

// get asks the handler for the search with query string q.
func get(t testing.TB, q string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/search?"+q, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	testHandler(t).ServeHTTP(w, req)
	return w
}

// results asks for q and decodes the JSON answer, which must be a 200.
func results(t testing.TB, q string) *engine.Response {
	t.Helper()
	w := get(t, q)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", q, w.Code, w.Body)
	}
	var res engine.Response
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return &res
}

func titles(res *engine.Response) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Title)
	}
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		_ = os.RemoveAll(filepath.Dir(fixtureDir))
	}
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
