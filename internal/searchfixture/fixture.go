// Package searchfixture makes the search packages' test indexes as plenary
// build makes them, so that their tests exercise real indexes without the
// search packages importing the build: a small archive of the
// repository's sessions, topics and seed reports with the reports of
// testdata/archive.txtar on top, loaded, or built whole with its site.
package searchfixture

import (
	_ "embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
	"github.com/plenary-archive/plenary/generator/pipeline"
)

//go:embed testdata/archive.txtar
var archiveTxtar []byte

// Archive is the test archive: the repository's content/ with
// testdata/archive.txtar's files on top.
func Archive() (fstest.MapFS, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return nil, errors.New("searchfixture: cannot find the repository")
	}
	root := os.DirFS(filepath.Join(filepath.Dir(file), "..", ".."))
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		return nil, err
	}
	return With(fsys, txtar.Parse(archiveTxtar)), nil
}

// With is fsys with the files of a on top.
func With(fsys fstest.MapFS, a *txtar.Archive) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range fsys {
		out[k] = v
	}
	for _, f := range a.Files {
		out[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return out
}

// Load reads and assembles the archive fsys; content errors are errors.
func Load(fsys fs.FS) (*generator.Site, *config.Config, error) {
	s, cfg, problems, _, err := pipeline.Load(pipeline.Options{Root: fsys})
	if err == nil && len(problems.Errors()) > 0 {
		err = problems.Errors()
	}
	return s, cfg, err
}

// Build builds the archive fsys as plenary build does, the site into
// dir/public and the search index, with the theme's results page, into
// dir/search.bleve, which it returns.
func Build(fsys fs.FS, dir string) (*generator.Site, string, error) {
	return BuildFor(fsys, dir, "", nil)
}

// BuildFor is Build for the addresses a host serves the site at, as
// plenary build's flags set them: baseURL, when not empty, replaces
// config.toml's, and endpoint, when not nil, its [search] endpoint.
func BuildFor(fsys fs.FS, dir, baseURL string, endpoint *string) (*generator.Site, string, error) {
	ix := filepath.Join(dir, "search.bleve")
	res, err := pipeline.Build(pipeline.Options{Root: fsys, Dest: filepath.Join(dir, "public"), IndexDir: ix, BaseURL: baseURL, SearchEndpoint: endpoint})
	if err != nil {
		return nil, "", err
	}
	return res.Site, ix, nil
}
