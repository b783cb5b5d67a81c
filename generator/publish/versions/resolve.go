package versions

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Resolve is the folder whose files an index folder shows: the folder
// itself, or, when its entries are links to a published version's index,
// the folder they lead to. A reader that opens the resolved folder reads
// one version whole, even if another is published while it reads.
func Resolve(dir string) (string, error) {
	// Every index has bleve's meta file; older ones may lack plenary's.
	for _, name := range []string{"index_meta.json", "plenary-site.json"} {
		p := filepath.Join(dir, name)
		st, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return dir, nil
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			return "", err
		}
		return filepath.Dir(real), nil
	}
	return dir, nil
}
