package opendata_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"testing/fstest"

	"github.com/tdewolff/minify/v2/json"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/opendata"
	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// BenchmarkOpenData writes the open data of generated archives, and says
// what minifying the JSON would add: the files are written compact, so
// the minifier only re-reads them.
//
//	go test -run '^$' -bench OpenData -benchtime 3x ./generator/opendata
func BenchmarkOpenData(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		fsys := fstest.MapFS{}
		for p, data := range corpus.Files(n, 1) {
			fsys[p] = &fstest.MapFile{Data: data}
		}
		s, _, _, _, err := pipeline.Load(pipeline.Options{Root: fsys})
		if err != nil || s == nil {
			b.Fatalf("load: %v", err)
		}
		reports := func(w io.Writer) error { return opendata.Reports(w, s) }
		var perState []func(w io.Writer) error
		for _, st := range s.States {
			perState = append(perState, func(w io.Writer) error { return opendata.State(w, st, func(int) string { return "" }) })
		}
		files := []struct {
			name string
			fn   func(w io.Writer) error
			each func() []func(w io.Writer) error // the files, for minifying one by one; nil for CSV
		}{
			{"reports.json", reports, func() []func(w io.Writer) error { return []func(w io.Writer) error{reports} }},
			{"statements.csv", func(w io.Writer) error { return opendata.Statements(w, nil, s) }, nil},
			{"states", func(w io.Writer) error { return states(w, s) }, func() []func(w io.Writer) error { return perState }},
		}
		for _, f := range files {
			b.Run(fmt.Sprintf("reports=%d/%s", n, f.name), func(b *testing.B) {
				var size int
				for i := 0; i < b.N; i++ {
					var buf bytes.Buffer
					if err := f.fn(&buf); err != nil {
						b.Fatal(err)
					}
					size = buf.Len()
				}
				b.ReportMetric(float64(size)/1e6, "MB")
			})
			if f.each == nil {
				continue
			}
			// Each file is minified on its own, as the publisher would.
			var raws [][]byte
			for _, w := range f.each() {
				var raw bytes.Buffer
				if err := w(&raw); err != nil {
					b.Fatal(err)
				}
				raws = append(raws, raw.Bytes())
			}
			b.Run(fmt.Sprintf("reports=%d/%s+minify", n, f.name), func(b *testing.B) {
				var size int
				for i := 0; i < b.N; i++ {
					size = 0
					for _, raw := range raws {
						var out bytes.Buffer
						if err := json.Minify(nil, &out, bytes.NewReader(raw), nil); err != nil {
							b.Fatal(err)
						}
						size += out.Len()
					}
				}
				b.ReportMetric(float64(size)/1e6, "MB")
			})
		}
	}
}

func states(w io.Writer, s *generator.Site) error {
	for _, st := range s.States {
		if err := opendata.State(w, st, func(int) string { return "" }); err != nil {
			return err
		}
	}
	return nil
}
