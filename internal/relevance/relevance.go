// Package relevance owns the judged query set that search relevance is
// measured on (testdata/relevance: an archive written for it and the
// queries with the reports each must find) and the measures: success@3
// and nDCG@10. It knows nothing of the index: a caller runs each query
// through its search and hands back the ranked report names.
package relevance

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/tools/txtar"
)

// Query is one judged query. Reports are named by their slug (the file
// name without ".md").
type Query struct {
	Q       string `toml:"q"`
	State   string `toml:"state"`
	Speaker string `toml:"speaker"`
	Topic   string `toml:"topic"`
	Session string `toml:"session"`
	// Want are the reports one of which must be in the top three; each
	// is graded 2 for nDCG.
	Want []string `toml:"want"`
	// Also are reports that are relevant too, graded 1.
	Also []string `toml:"also"`
	// Never are reports that must not be hits at all.
	Never []string `toml:"never"`
}

// Name is how the query is shown: its words and its filters.
func (q Query) Name() string {
	s := q.Q
	for _, f := range []struct{ k, v string }{{"state", q.State}, {"speaker", q.Speaker}, {"topic", q.Topic}, {"session", q.Session}} {
		if f.v != "" {
			s += " [" + f.k + "=" + f.v + "]"
		}
	}
	return s
}

// Parse reads a judged set in the format of testdata/relevance/queries.toml.
// Every query needs words or a filter and at least one wanted report, and
// no report may be both wanted (or relevant) and never a hit.
func Parse(data []byte) ([]Query, error) {
	var set struct {
		Query []Query `toml:"query"`
	}
	dec := toml.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&set); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) {
			return nil, fmt.Errorf("unknown field (q, state, speaker, topic, session, want, also, never are known):\n%s", strict.String())
		}
		return nil, err
	}
	for i, q := range set.Query {
		switch {
		case q.Q == "" && q.State == "" && q.Speaker == "" && q.Topic == "" && q.Session == "":
			return nil, fmt.Errorf("query %d has no words and no filter", i+1)
		case len(q.Want) == 0:
			return nil, fmt.Errorf("query %d (%s) wants no report", i+1, q.Name())
		}
		for _, n := range q.Never {
			if slices.Contains(q.Want, n) || slices.Contains(q.Also, n) {
				return nil, fmt.Errorf("query %d (%s): %s is both relevant and never a hit", i+1, q.Name(), n)
			}
		}
	}
	return set.Query, nil
}

// Outcome is how one query did.
type Outcome struct {
	// Success says a wanted report is in the top three and no report
	// that must never be a hit is one.
	Success bool
	// NDCG is the normalised discounted cumulative gain of the first ten
	// hits, wanted reports graded 2 and relevant ones 1.
	NDCG float64
	// Forbidden are the hits that must never be hits.
	Forbidden []string
}

// Judge measures the ranked hits of q, best first: every hit, so that
// one that must never be a hit is seen wherever it ranks.
func Judge(q Query, hits []string) Outcome {
	var o Outcome
	for i, h := range hits {
		if i < 3 && slices.Contains(q.Want, h) {
			o.Success = true
		}
		if slices.Contains(q.Never, h) {
			o.Forbidden = append(o.Forbidden, h)
		}
	}
	if len(o.Forbidden) > 0 {
		o.Success = false
	}
	gain := func(h string) float64 {
		switch {
		case slices.Contains(q.Want, h):
			return 2
		case slices.Contains(q.Also, h):
			return 1
		}
		return 0
	}
	var dcg, ideal float64
	for i, h := range hits[:min(10, len(hits))] {
		dcg += gain(h) / math.Log2(float64(i+2))
	}
	var best []float64
	for range q.Want {
		best = append(best, 2)
	}
	for range q.Also {
		best = append(best, 1)
	}
	for i, g := range best[:min(10, len(best))] {
		ideal += g / math.Log2(float64(i+2))
	}
	if ideal > 0 {
		o.NDCG = dcg / ideal
	}
	return o
}

// Summary is the measures over a whole set.
type Summary struct {
	Queries   int
	Successes int
	// SuccessAt3 is the share of queries that succeeded; NDCG10 the mean
	// nDCG@10.
	SuccessAt3, NDCG10 float64
}

// Summarise averages the outcomes of a set.
func Summarise(outcomes []Outcome) Summary {
	s := Summary{Queries: len(outcomes)}
	if len(outcomes) == 0 {
		return s
	}
	var ndcg float64
	for _, o := range outcomes {
		if o.Success {
			s.Successes++
		}
		ndcg += o.NDCG
	}
	s.SuccessAt3 = float64(s.Successes) / float64(len(outcomes))
	s.NDCG10 = ndcg / float64(len(outcomes))
	return s
}

// String is the summary as the benchmark command prints it.
func (s Summary) String() string {
	return fmt.Sprintf("success@3 %.3f (%d of %d queries), nDCG@10 %.3f", s.SuccessAt3, s.Successes, s.Queries, s.NDCG10)
}

// The judged sets of testdata/relevance: the development set the ranking
// rules are tuned on, and the held-out set that measures whether they
// hold beyond it.
const (
	Development = "queries"
	HeldOut     = "heldout"
)

// Load reads the development set of a judged folder: its archive
// (archive.txtar, the files of an archive's folder) and its queries
// (queries.toml).
func Load(dir string) (fstest.MapFS, []Query, error) {
	return LoadSet(dir, Development)
}

// LoadSet reads the judged set name of a folder: the queries of
// name.toml over archive.txtar, with the files of name.txtar on top when
// there is one (reports written for that set alone).
func LoadSet(dir, name string) (fstest.MapFS, []Query, error) {
	fsys := fstest.MapFS{}
	for i, file := range []string{"archive.txtar", name + ".txtar"} {
		a, err := txtar.ParseFile(filepath.Join(dir, file))
		if i > 0 && errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		for _, f := range a.Files {
			if i > 0 && fsys[f.Name] != nil {
				return nil, nil, fmt.Errorf("%s: %s is in archive.txtar already", filepath.Join(dir, file), f.Name)
			}
			fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	file := filepath.Join(dir, name+".toml")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	qs, err := Parse(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, q := range qs {
		for _, r := range slices.Concat(q.Want, q.Also, q.Never) {
			if !hasReport(fsys, r) {
				return nil, nil, fmt.Errorf("%s: query %s names %s, which is not a report of the archive", file, q.Name(), r)
			}
		}
	}
	return fsys, qs, nil
}

func hasReport(fsys fstest.MapFS, slug string) bool {
	for name := range fsys {
		if strings.HasPrefix(name, "content/reports/") && path.Base(name) == slug+".md" {
			return true
		}
	}
	return false
}
