package engine_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

var (
	fixtureOnce sync.Once
	fixtureSite *generator.Site
	fixtureSyn  [][]string
	fixtureDir  string
	fixtureErr  error
)

// fixture indexes the test archive once for the package's tests.
func fixture(t testing.TB) (*generator.Site, string) {
	t.Helper()
	fixtureOnce.Do(func() {
		fsys, err := searchfixture.Archive()
		if err != nil {
			fixtureErr = err
			return
		}
		s, cfg, err := searchfixture.Load(fsys)
		if err != nil {
			fixtureErr = err
			return
		}
		dir, err := os.MkdirTemp("", "plenary-engine-test-")
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureSite, fixtureSyn, fixtureDir = s, cfg.Search.Synonyms, filepath.Join(dir, "search.bleve")
		_, fixtureErr = index.Build(s, fixtureDir, index.Options{Synonyms: fixtureSyn})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureSite, fixtureDir
}

// request makes the Request of a query string as the endpoint's would:
// q, state, topic, session, sort=date, page, size and from (a year).
func request(ix *engine.Index, raw string) (*engine.Request, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, err
	}
	r, err := ix.ParseQuery(v.Get("q"))
	if err != nil {
		return nil, err
	}
	for _, name := range engine.Filters {
		for _, val := range v[name] {
			key, err := ix.Resolve(name, val)
			if err != nil {
				return nil, err
			}
			r.Add(name, key)
		}
	}
	if y := v.Get("from"); y != "" {
		n, _ := strconv.Atoi(y)
		r.From = time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	r.ByDate = v.Get("sort") == "date"
	if p := v.Get("page"); p != "" {
		r.Page, _ = strconv.Atoi(p)
	}
	if s := v.Get("size"); s != "" {
		r.Size, _ = strconv.Atoi(s)
	}
	return r, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		_ = os.RemoveAll(filepath.Dir(fixtureDir))
	}
	for _, s := range judgedSets {
		_ = s.Close()
	}
	os.Exit(code)
}
