package engine_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator/index"
	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/generator/search/query"
	"github.com/plenary-archive/plenary/internal/searchfixture"
)

// judgedAnswer is the engine's answer to a query string on the judged
// archive.
func judgedAnswer(t *testing.T, raw string) *engine.Response {
	t.Helper()
	ix, _ := judged(t)
	r, err := request(ix, raw)
	if err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	res, err := ix.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return res
}

// TestStateFilterNames: a filter takes any name of a state, folded.
func TestStateFilterNames(t *testing.T) {
	ix, _ := judged(t)
	for code, names := range map[string][]string{
		"RUS": {"Russia", "russia", "Russian Federation", "russian-federation", "RUS"},
		"TUR": {"Turkey", "Türkiye", "Turkiye", "turkiye", "TÜRKİYE", "Republic of Türkiye"},
		"CIV": {"Côte d'Ivoire", "Cote d’Ivoire", "cote-divoire", "Cote d Ivoire", "Ivory Coast"},
		"KOR": {"South Korea", "Republic of Korea", "ROK"},
		"COL": {"Colombia", "Columbia"},
	} {
		for _, n := range names {
			if got, err := ix.Resolve("state", n); err != nil || got != code {
				t.Errorf("state=%s: %q %v, want %s", n, got, err, code)
			}
		}
	}
	var qe *query.Error
	if _, err := ix.Resolve("state", "Atlantis"); !errors.As(err, &qe) {
		t.Errorf("state=Atlantis: %v, want a query error", err)
	}
}

// TestStateSentence: with a state filter, the excerpt is the sentence
// that state says, with the words marked.
func TestStateSentence(t *testing.T) {
	res := judgedAnswer(t, "q=consensus&state=Turkey")
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Excerpt, "Türkiye said that the future format should be decided by <mark>consensus</mark>") &&
			!strings.HasPrefix(h.Excerpt, "Türkiye asked that decisions of the Global Mechanism be taken by <mark>consensus</mark>.") {
			t.Errorf("%s: excerpt %q", h.URL, h.Excerpt)
		}
		if !slices.Contains(h.ParagraphStates, "Türkiye") {
			t.Errorf("%s points at a paragraph naming %q", h.URL, h.ParagraphStates)
		}
	}
	if len(res.Hits) != 2 {
		t.Errorf("%d hits, want 2", len(res.Hits))
	}
}

// TestSimilarWords: a word no report holds is searched as the nearest
// words, and the answer says so; a word some report holds is not.
func TestSimilarWords(t *testing.T) {
	res := judgedAnswer(t, "q=ransomeware")
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Excerpt, "<mark>ransomware</mark>") {
		t.Fatalf("hits %+v", res.Hits)
	}
	if !slices.Equal(res.Similar, []string{"ransomeware"}) || !strings.Contains(res.Notice, "“ransomeware”") {
		t.Errorf("similar %q, notice %q", res.Similar, res.Notice)
	}
	for _, q := range []string{"q=ransomware", "q=-ransomeware+consensus", "q=zzzzqqq"} {
		res := judgedAnswer(t, q)
		if len(res.Similar) > 0 || res.Notice != "" {
			t.Errorf("%s: similar %q, notice %q", q, res.Similar, res.Notice)
		}
	}
	if res := judgedAnswer(t, "q=zzzzqqq"); res.Total != 0 {
		t.Errorf("a word like nothing found %d reports", res.Total)
	}
}

// TestActiveFilters: the answer lists every filter value with its label,
// and facets keep a chosen value whatever its count; every session with
// matches is a facet, with its process.
func TestActiveFilters(t *testing.T) {
	res := judgedAnswer(t, "q=consensus&state=Turkey&session=oewg-2021-2025-s9")
	want := []engine.Active{
		{Filter: "state", Value: "turkiye", Label: "Türkiye"},
		{Filter: "session", Value: "oewg-2021-2025-s9", Label: "Ninth substantive session"},
	}
	if !slices.Equal(res.Filters, want) {
		t.Errorf("filters %+v, want %+v", res.Filters, want)
	}
	selected := 0
	for _, f := range slices.Concat(res.Facets.States, res.Facets.Sessions) {
		if f.Selected {
			selected++
		}
	}
	if selected != 2 {
		t.Errorf("%d facets selected, want 2: %+v", selected, res.Facets)
	}
	all := judgedAnswer(t, "q=the+session+OR+delegations+OR+consensus+OR+states")
	var order []string
	for _, f := range all.Facets.Sessions {
		order = append(order, strings.TrimPrefix(f.Value, "oewg-2021-2025-"))
		if f.Process != "OEWG 2021-2025" || f.Count == 0 {
			t.Errorf("session facet %+v", f)
		}
	}
	if want := []string{"s1", "s2", "s4", "s7", "s9", "s11"}; !slices.Equal(order, want) {
		t.Errorf("session facets %q, want every one, oldest first: %q", order, want)
	}
}

// exactArchive has pairs of reports alike but for the form of one word:
// a spelling variant, and two names of a state.
const exactArchive = `
-- config.toml --
baseURL = "https://example.org/"
[search]
synonyms = [["Programme", "Program"]]
-- content/sessions/s.md --
+++
title = "Session"
start = 2024-01-01
end = 2024-01-31
+++
-- content/reports/2024/a-programme.md --
+++
title = "A"
date = 2024-01-02
session = "s"
+++

The delegation described a training programme for diplomats and asked for support.
-- content/reports/2024/b-program.md --
+++
title = "B"
date = 2024-01-02
session = "s"
+++

The delegation described a training program for diplomats and asked for support.
-- content/reports/2024/c-turkiye.md --
+++
title = "C"
date = 2024-01-03
session = "s"
+++

Türkiye described its national strategy and asked for support.
-- content/reports/2024/d-turkey.md --
+++
title = "D"
date = 2024-01-03
session = "s"
+++

Turkey described its national strategy and asked for support.
`

// TestExactAboveVariant: both forms find both reports, and the report
// with the form typed comes first, whichever form that is.
func TestExactAboveVariant(t *testing.T) {
	s, cfg, err := searchfixture.Load(searchfixture.With(fstest.MapFS{}, txtar.Parse([]byte(exactArchive))))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "search.bleve")
	if _, err := index.Build(s, dir, index.Options{Synonyms: cfg.Search.Synonyms}); err != nil {
		t.Fatal(err)
	}
	ix, err := engine.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"programme": {"a-programme", "b-program"},
		"program":   {"b-program", "a-programme"},
		"Türkiye":   {"c-turkiye", "d-turkey"},
		"Turkiye":   {"c-turkiye", "d-turkey"},
		"Turkey":    {"d-turkey", "c-turkiye"},
	} {
		r, err := ix.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		ids, _, err := engine.Scores(ix, r)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("%s: %q, want %q", q, ids, want)
		}
	}
}

// TestSpeakerFilter: the speaker filter takes a state, a group or a
// stakeholder by any name and finds the reports in which it speaks, not
// those that only name it; a group speaks through a state on its behalf.
func TestSpeakerFilter(t *testing.T) {
	ix, _ := judged(t)
	for want, names := range map[string][]string{
		"icrc":          {"ICRC", "icrc", "International Committee of the Red Cross"},
		"arab-group":    {"Arab Group", "arab-group", "the Arab Group"},
		"chatham-house": {"Chatham House", "chatham-house"},
		"EGY":           {"Egypt", "egypt", "EGY"},
		"RUS":           {"Russia", "Russian Federation"},
	} {
		for _, n := range names {
			if got, err := ix.Resolve("speaker", n); err != nil || got != want {
				t.Errorf("speaker=%s: %q %v, want %s", n, got, err, want)
			}
		}
	}
	var qe *query.Error
	if _, err := ix.Resolve("speaker", "Atlantis"); !errors.As(err, &qe) {
		t.Errorf("speaker=Atlantis: %v, want a query error", err)
	}
	// Brazil is named where Microsoft recalls what it reported: a
	// mention, not a statement.
	if res := judgedAnswer(t, "q=election&state=Brazil"); res.Total != 1 {
		t.Errorf("state=Brazil: %d hits, want the report naming it", res.Total)
	}
	if res := judgedAnswer(t, "q=election&speaker=Brazil"); res.Total != 0 {
		t.Errorf("speaker=Brazil: %d hits, want none: Brazil is only named", res.Total)
	}
	for _, raw := range []string{"q=fund&speaker=Arab+Group", "q=speaker:%22Arab+Group%22+fund"} {
		res := judgedAnswer(t, raw)
		if len(res.Hits) != 1 {
			t.Fatalf("%s: %d hits, want 1", raw, len(res.Hits))
		}
		h := res.Hits[0]
		if want := "Egypt, on behalf of the Arab Group, stressed that a trust <mark>fund</mark>"; !strings.HasPrefix(h.Excerpt, want) {
			t.Errorf("%s: excerpt %q, want the sentence said for the group", raw, h.Excerpt)
		}
		if !strings.HasSuffix(h.URL, "#p-3") || !slices.Contains(h.ParagraphSpeakers, "Arab Group") || !slices.Contains(h.ParagraphSpeakers, "Egypt") {
			t.Errorf("%s: points at %s, said by %q", raw, h.URL, h.ParagraphSpeakers)
		}
	}
}

// TestSpeakerFacet: the speakers of the matching reports are a facet,
// states by slug and the others by key, and a chosen one is listed as a
// filter in use with its name.
func TestSpeakerFacet(t *testing.T) {
	res := judgedAnswer(t, "q=water+OR+election&speaker=icrc")
	if want := []engine.Active{{Filter: "speaker", Value: "icrc", Label: "International Committee of the Red Cross"}}; !slices.Equal(res.Filters, want) {
		t.Errorf("filters %+v, want %+v", res.Filters, want)
	}
	if len(res.Hits) != 1 || !strings.HasSuffix(res.Hits[0].URL, "#p-1") {
		t.Errorf("hits %+v, want the ICRC's paragraph", res.Hits)
	}
	facets := map[string]engine.Facet{}
	for _, f := range res.Facets.Speakers {
		facets[f.Value] = f
	}
	for value, label := range map[string]string{"icrc": "International Committee of the Red Cross", "microsoft": "Microsoft", "chatham-house": "Chatham House", "egypt": "Egypt", "arab-group": "Arab Group"} {
		if f, ok := facets[value]; !ok || f.Label != label || f.Count != 1 || f.Selected != (value == "icrc") {
			t.Errorf("speaker facet %s: %+v (present %v)", value, f, ok)
		}
	}
	if _, ok := facets["brazil"]; ok {
		t.Errorf("Brazil, only named, is a speaker facet: %+v", res.Facets.Speakers)
	}
}
