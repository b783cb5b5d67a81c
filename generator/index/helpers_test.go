package index

import (
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// assemble loads and assembles an archive as the build does (the build
// package imports this one, so its tests cannot use it).
func assemble(tb testing.TB, fsys fstest.MapFS) *generator.Site {
	tb.Helper()
	a, err := content.Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	s, problems := site.Assemble(a, site.Options{Gazetteer: gazetteer.Default(), Markdown: markdown.New(a.Config.BasePath)})
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	return s
}

// generated is an archive of n generated reports.
func generated(n int) fstest.MapFS {
	return corpus.FS(n, 1)
}
