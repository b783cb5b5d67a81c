package search_test

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/build"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search"
)

// testShell stands for the site's search page.
const testShell = `<!DOCTYPE html><html lang=en><head><title>Search</title></head><body>` +
	`<form><input name=q value=` + index.QueryMarker + `></form><div id=results>` + index.ResultsMarker + `</div></body></html>`

// archive is the test archive: the repository's sessions, topics and seed
// reports with testdata/archive.txtar on top.
func archive(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(filepath.Join("..", ".."))
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := txtar.ParseFile(filepath.Join("testdata", "archive.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

var (
	fixtureOnce sync.Once
	fixtureSite *generator.Site
	fixtureDir  string
	fixtureErr  error
)

// fixture builds the test archive's index once for the package's tests.
func fixture(t testing.TB) (*generator.Site, string) {
	t.Helper()
	fixtureOnce.Do(func() {
		s, cfg, problems, _, err := build.Load(build.Options{Root: archive(t)})
		if err == nil && len(problems.Errors()) > 0 {
			err = problems.Errors()
		}
		if err != nil {
			fixtureErr = err
			return
		}
		dir, err := os.MkdirTemp("", "plenary-search-test-")
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureSite, fixtureDir = s, filepath.Join(dir, "search.bleve")
		_, fixtureErr = index.Build(s, fixtureDir, index.Options{Synonyms: cfg.Search.Synonyms, Shell: []byte(testShell)})
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
		ix, err := search.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		handler = search.NewHandler(ix, search.Options{CORSOrigins: []string{"https://archive.example.org"}})
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
func results(t testing.TB, q string) *search.Response {
	t.Helper()
	w := get(t, q)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", q, w.Code, w.Body)
	}
	var res search.Response
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return &res
}

func titles(res *search.Response) []string {
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
