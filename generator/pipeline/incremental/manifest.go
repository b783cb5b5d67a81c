package incremental

import (
	"os"
	"path/filepath"

	"github.com/plenary-archive/plenary/generator/publish"
)

// manifestFile is the cache's description of the site written last; the
// detections are in the files named by shardFile.
const manifestFile = "site.bin"

// manifest describes the site a build wrote, so that the next build can
// tell which pages a change touches.
type manifest struct {
	Format  int
	Global  string // everything that, changed, changes every page
	Dest    string // the folder it was written to
	Reports map[string]reportEntry
	Files   map[string]int64            // path → size, to notice a site changed by hand
	Keys    map[string]string           // path → render.Output.Key, for outputs that have one
	Parts   map[string][]publish.Extent // path → where each part lies, for outputs made of parts
}

// reportEntry is what other pages show of a report.
type reportEntry struct {
	Hash       [32]byte
	Session    string
	Prev, Next string
	States     []string
	Groups     []string
	Topics     []string
}

// hasManifest tells whether dir holds a previous build's manifest.
func hasManifest(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, manifestFile))
	return err == nil
}

// loadManifest reads the manifest of dir; nil when there is none, when it
// is damaged (and damaged hears of it), or of another format.
func loadManifest(dir string, damaged func(name string)) *manifest {
	data, err := readFile(dir, manifestFile, manifestMagic)
	if err != nil {
		if damagedBy(err) {
			damaged(manifestFile)
		}
		return nil
	}
	m, err := decodeManifest(data)
	if err != nil {
		damaged(manifestFile)
		return nil
	}
	if m.Format != cacheFormat {
		return nil
	}
	return m
}
