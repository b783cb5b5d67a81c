package site

import (
	"strings"

	"github.com/plenary-archive/plenary/generator"
)

// urls computes every page address in one place, so that two pages can
// never silently share one: a second claim on a URL is a build error.
type urls struct {
	basePath string // "/archive/"
	baseURL  string // "https://example.org/archive/"
	owners   map[string]string
	errs     *generator.ErrorList
}

// claim registers the page at rel ("reports/x/") for the source at owner
// and returns its site-relative URL and permalink.
func (u *urls) claim(rel, owner string) (url, permalink string) {
	if prev, taken := u.owners[rel]; taken {
		u.errs.Add(generator.Errorf(owner, 0, "rename one of the two files", "its page /%s would overwrite the page of %s", rel, prev))
	} else {
		u.owners[rel] = owner
	}
	return u.basePath + rel, u.baseURL + strings.TrimPrefix(rel, "/")
}
