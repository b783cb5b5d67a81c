package pipeline_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/archivetest"
)

// TestAddressesChangeRendersEverything builds with the cache, then for
// other addresses (another base URL, a search endpoint elsewhere, none):
// every page shows them, so the rebuild renders everything and writes
// what a clean build for those addresses writes.
func TestAddressesChangeRendersEverything(t *testing.T) {
	fsys := archive(t, "small.txtar")
	scratch := archivetest.TempDir(t)
	cache, dest := filepath.Join(scratch, "cache"), filepath.Join(scratch, "public")
	none, elsewhere := "", "https://search.example.net/search"
	steps := []struct {
		name     string
		base     string
		endpoint *string
	}{
		{"config.toml's", "", nil},
		{"another base URL", "https://owner.github.io/plenary/", nil},
		{"an endpoint elsewhere", "https://owner.github.io/plenary/", &elsewhere},
		{"no endpoint", "https://owner.github.io/plenary/", &none},
	}
	for _, st := range steps {
		opts := pipeline.Options{Root: fsys, BaseURL: st.base, SearchEndpoint: st.endpoint}
		withCache := opts
		withCache.Dest, withCache.CacheDir = dest, cache
		res, err := pipeline.Build(withCache)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if !res.Full || res.Rendered != res.Files {
			t.Errorf("%s: full %v, %d of %d files rendered", st.name, res.Full, res.Rendered, res.Files)
		}
		clean := opts
		clean.Dest = filepath.Join(scratch, "clean-"+st.name)
		if _, err := pipeline.Build(clean); err != nil {
			t.Fatal(err)
		}
		got, want := tree(t, dest), tree(t, clean.Dest)
		if len(got) != len(want) {
			t.Errorf("%s: %d files, a clean build %d", st.name, len(got), len(want))
		}
		for p, data := range want {
			if !bytes.Equal(got[p], data) {
				t.Errorf("%s: %s differs from a clean build's", st.name, p)
			}
		}
	}
}
