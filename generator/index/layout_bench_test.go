package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/plenary-archive/plenary/generator"
)

// BenchmarkLayout records the measurements behind two choices of Build:
// one document per report (not per paragraph), and bleve's offline
// builder with documents analysed on every core (not Index.Batch, whose
// analysis is parallel but which leaves several segments).
//
//	go test -run '^$' -bench Layout -benchtime 1x ./generator/index
func BenchmarkLayout(b *testing.B) {
	const n = 5000
	s := assemble(b, generated(n))
	paras := 0
	for _, r := range s.Reports {
		st, err := stored(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		paras += len(st.Paras)
	}
	for _, tc := range []struct {
		name  string
		docs  int
		write func(dir string) error
	}{
		{"reports/builder", n, func(dir string) error { _, err := Build(s, dir, Options{}); return err }},
		{"reports/batch", n, func(dir string) error { return writeBatch(dir, s.Reports, false, false) }},
		{"reports/batch+merge", n, func(dir string) error { return writeBatch(dir, s.Reports, false, true) }},
		{"paragraphs/batch", paras, func(dir string) error { return writeBatch(dir, s.Reports, true, false) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "x.bleve")
			for i := 0; i < b.N; i++ {
				if err := tc.write(dir + strconv.Itoa(i)); err != nil {
					b.Fatal(err)
				}
			}
			size, _ := du(dir + "0")
			segs, _ := filepath.Glob(filepath.Join(dir+"0", "store", "*.zap"))
			b.ReportMetric(float64(len(segs)), "segments")
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reports/s")
			b.ReportMetric(float64(tc.docs), "documents")
			b.ReportMetric(float64(size)/1e6, "index-MB")
		})
	}
}

// writeBatch indexes through Index.Batch, 1,000 documents at a time: per
// report, or per paragraph with the report's fields repeated.
func writeBatch(dir string, reports []*generator.Report, perParagraph, merge bool) error {
	idx, err := bleve.New(dir, Mapping())
	if err != nil {
		return err
	}
	batch := idx.NewBatch()
	flush := func() error {
		if err := idx.Batch(batch); err != nil {
			return err
		}
		batch.Reset()
		return nil
	}
	for _, r := range reports {
		doc, err := document(r, nil)
		if err != nil {
			return err
		}
		if !perParagraph {
			if err := batch.Index(r.Slug, doc); err != nil {
				return err
			}
		} else {
			for i, p := range doc[FieldText].([]string) {
				d := map[string]any{}
				for k, v := range doc {
					d[k] = v
				}
				d[FieldText] = p
				d[FieldStored] = ""
				if err := batch.Index(fmt.Sprintf("%s#%d", r.Slug, i), d); err != nil {
					return err
				}
			}
		}
		if batch.Size() >= 1000 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if merge {
		adv, err := idx.Advanced()
		if err != nil {
			return err
		}
		if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
			return err
		}
	}
	return idx.Close()
}
