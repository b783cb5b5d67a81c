package index

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/blevesearch/bleve/v2"

	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// changed is the generated archive of n reports with one report edited,
// one deleted and one added.
func changed(n int) fstest.MapFS {
	fsys := generated(n)
	var paths []string
	for p := range fsys {
		if filepath.Dir(filepath.Dir(p)) == "content/reports" {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	edited := fsys[paths[0]]
	fsys[paths[0]] = &fstest.MapFile{Data: append(slices.Clip(edited.Data), []byte("\nBrazil proposed a glossary of technical terms.\n")...)}
	delete(fsys, paths[1])
	p, data := corpus.Report(1, n)
	fsys[p] = &fstest.MapFile{Data: data}
	return fsys
}

// hits are the ids a query finds, in order of relevance.
func hits(t *testing.T, dir string, q string) []string {
	t.Helper()
	ix, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mq := bleve.NewMatchQuery(q)
	mq.SetField(FieldText)
	res, err := ix.Search(bleve.NewSearchRequestOptions(mq, 1000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestUpdateInPlaceFindsWhatACleanBuildFinds(t *testing.T) {
	const n = 60
	before, after := assemble(t, generated(n)), assemble(t, changed(n))
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := Build(before, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	st, err := Build(after, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !st.InPlace || st.Updated != 3 || st.Documents != n {
		t.Fatalf("stats %+v: want 3 documents updated in place of %d", st, n)
	}
	if err := checksum.Verify(dir); err != nil {
		t.Errorf("the updated index does not verify: %v", err)
	}
	clean := filepath.Join(t.TempDir(), "clean.bleve")
	if _, err := Build(after, clean, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"glossary", "Brazil", "points of contact", "capacity building", "directory"} {
		got, want := hits(t, dir, q), hits(t, clean, q)
		if !slices.Equal(got, want) {
			t.Errorf("%q: updated index finds %d reports, a clean one %d", q, len(got), len(want))
		}
	}
	if got := hits(t, dir, "glossary"); len(got) == 0 {
		t.Errorf("the edited report's new words are not found")
	}
	// The documents file of an update is that of a clean build.
	a, _ := os.ReadFile(filepath.Join(dir, DocumentsFile))
	b, _ := os.ReadFile(filepath.Join(clean, DocumentsFile))
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("documents file after an update differs from a clean build's")
	}
}

// Whatever makes the old index doubtful makes a full build, whose index is
// still right.
func TestUpdateFallsBackToFullBuild(t *testing.T) {
	const n = 40
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T, dir string)
	}{
		{"no documents file", func(t *testing.T, dir string) { must(t, os.Remove(filepath.Join(dir, DocumentsFile))) }},
		{"damaged documents file", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, DocumentsFile), []byte("mapping x\nr1\n"), 0o644))
		}},
		{"another mapping", func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(dir, DocumentsFile))
			must(t, err)
			data[len("mapping ")] ^= 1
			must(t, os.WriteFile(filepath.Join(dir, DocumentsFile), data, 0o644))
		}},
		{"damaged bleve store", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "store", "root.bolt"), []byte("not bolt"), 0o644))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "search.bleve")
			if _, err := Build(assemble(t, generated(n)), dir, Options{}); err != nil {
				t.Fatal(err)
			}
			tc.spoil(t, dir)
			st, err := Build(assemble(t, changed(n)), dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if st.InPlace {
				t.Errorf("updated %d documents in place of a doubtful index", st.Updated)
			}
			if got := hits(t, dir, "glossary"); len(got) != 1 {
				t.Errorf("rebuilt index finds the edited report %d times", len(got))
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
