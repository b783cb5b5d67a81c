package index

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/index/checksum"
	"github.com/plenary-archive/plenary/generator/resultspage"
)

const shell = `<input name=q value=` + resultspage.QueryMarker + `><div>` + resultspage.ResultsMarker + `</div>`

func TestBuildWritesIndexAndFacts(t *testing.T) {
	s := assemble(t, generated(30))
	dir := filepath.Join(t.TempDir(), "search.bleve")
	st, err := Build(s, dir, Options{Shell: []byte(shell), Synonyms: [][]string{{"PoA", "Programme of Action"}, {"ICT", "ICT"}}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 30 || st.Bytes == 0 || st.Unchanged {
		t.Errorf("stats %+v", st)
	}
	f, err := ReadFacts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.Reports != 30 || len(f.States) != len(s.States) || len(f.Topics) != len(s.Topics) || len(f.Sessions) != len(s.Sessions) || f.BaseURL != s.BaseURL {
		t.Errorf("facts: %d reports, %d states, %d topics, %d sessions, %q", f.Reports, len(f.States), len(f.Topics), len(f.Sessions), f.BaseURL)
	}
	// A group of one distinct form is dropped, and so are the generated
	// topics, which have no keywords.
	if len(f.Synonyms) != 1 || !slices.Equal(f.Synonyms[0], []string{"PoA", "Programme of Action"}) {
		t.Errorf("synonyms %q", f.Synonyms)
	}
	page, err := resultspage.Read(dir)
	if err != nil || page == nil || !slices.Equal(page.Parts, []string{`<input name=q value="`, `"><div>`, `</div>`}) || !slices.Equal(page.Holes, []string{resultspage.HoleQuery, resultspage.HoleResults}) {
		t.Errorf("results page %+v (%v): want it cut at its holes, the query's attribute quoted", page, err)
	}
	if err := checksum.Verify(dir); err != nil {
		t.Errorf("a new index does not verify: %v", err)
	}

	ix, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 30 {
		t.Errorf("%d documents", n)
	}
	// Keyword fields hold codes exactly, as filters ask for them.
	r := s.Reports[0]
	q := bleve.NewTermQuery(r.States[0].Code)
	q.SetField(FieldStates)
	req := bleve.NewSearchRequestOptions(q, 100, 0, false)
	req.Fields = []string{FieldStored}
	res, err := ix.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != len(r.States[0].Reports) {
		t.Errorf("%s: %d hits, the site has %d reports", r.States[0].Slug, res.Total, len(r.States[0].Reports))
	}
	var stored Stored
	for _, h := range res.Hits {
		if h.ID == r.Slug {
			if err := json.Unmarshal([]byte(h.Fields[FieldStored].(string)), &stored); err != nil {
				t.Fatal(err)
			}
		}
	}
	if stored.URL != r.Permalink || stored.Title != r.Title || len(stored.Paras) < len(r.Paragraphs) {
		t.Errorf("stored %q %q with %d paragraphs; report %q %q with %d", stored.URL, stored.Title, len(stored.Paras), r.Permalink, r.Title, len(r.Paragraphs))
	}
	// Nothing is indexed or stored that the mapping does not name.
	fields, _ := ix.Fields()
	for _, f := range fields {
		if !slices.Contains([]string{"_id", FieldTitle, FieldText, FieldStates, FieldSpeakers, FieldTopics, FieldSession, FieldKind, FieldDate, FieldStored}, f) {
			t.Errorf("unexpected indexed field %q", f)
		}
	}
}

// TestSynonymGroups: the config's groups, then those topics declare;
// a topic's keywords are tags, never synonyms.
func TestSynonymGroups(t *testing.T) {
	topics := []*generator.Topic{
		{Key: "poa", Title: "Programme of Action", Keywords: []string{"PoA", "Programme of Action"},
			Synonyms: [][]string{{"PoA", "programme of  action", " ", "POA"}}},
		{Key: "law", Title: "International law", Keywords: []string{"sovereignty", "legally binding instrument"}},
	}
	got := synonymGroups(topics, [][]string{{"GGE", "Group of Governmental Experts"}})
	want := [][]string{{"GGE", "Group of Governmental Experts"}, {"PoA", "programme of action"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBuildKeepsUnchangedIndex(t *testing.T) {
	s := assemble(t, generated(10))
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := Build(s, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	st, err := Build(s, dir, Options{})
	if err != nil || !st.Unchanged {
		t.Errorf("second build of the same site: %+v, %v", st, err)
	}
	st, err = Build(s, dir, Options{Synonyms: [][]string{{"a", "b"}}})
	if err != nil || st.Unchanged {
		t.Errorf("build with other synonyms: %+v, %v", st, err)
	}
}

func TestFailedBuildLeavesOldIndex(t *testing.T) {
	s := assemble(t, generated(10))
	parent := t.TempDir()
	dir := filepath.Join(parent, "search.bleve")
	if _, err := Build(s, dir, Options{Shell: []byte(shell)}); err != nil {
		t.Fatal(err)
	}
	before, _ := ReadFacts(dir)
	if _, err := Build(s, dir, Options{Shell: []byte("<p>no markers</p>"), Synonyms: [][]string{{"x", "y"}}}); err == nil {
		t.Fatal("a results page without markers was accepted")
	}
	after, err := ReadFacts(dir)
	if err != nil || after.Fingerprint != before.Fingerprint {
		t.Errorf("the old index was not kept: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestBuildRefusesOtherFolders(t *testing.T) {
	s := assemble(t, generated(3))
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(s, dir, Options{}); err == nil || !strings.Contains(err.Error(), "not a search index") {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the folder's file is gone: %v", err)
	}
}

func TestEmptySite(t *testing.T) {
	s := assemble(t, generated(0))
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := Build(s, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	ix, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 0 {
		t.Errorf("%d documents", n)
	}
}

func TestHeadingsPointAtTheirSection(t *testing.T) {
	s := assemble(t, generated(5))
	for _, r := range s.Reports {
		st, err := stored(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range st.Paras {
			if !p.Heading {
				continue
			}
			if i+1 >= len(st.Paras) || st.Paras[i+1].N != p.N || st.Paras[i+1].Heading {
				t.Fatalf("%s: heading %q does not point at the paragraph after it", r.Slug, p.Text)
			}
			return
		}
	}
	t.Fatal("no heading in the generated reports")
}

func TestIndexReadableByAll(t *testing.T) {
	s := assemble(t, generated(5))
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := Build(s, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o044)
		if d.IsDir() {
			want = 0o055
		}
		if info.Mode().Perm()&want != want {
			t.Errorf("%s: mode %v, not readable by other users", path, info.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
