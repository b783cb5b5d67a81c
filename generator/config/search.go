package config

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// searchURL resolves config.toml's [search] endpoint against the site's
// base path: no key gives DefaultEndpoint under it, an empty one none, a
// relative one (with or without a leading slash) a path under it, so that
// the form never leaves a site published under a sub-path; an absolute
// http(s) URL is kept as given.
func searchURL(endpoint *string, basePath string) (string, error) {
	if endpoint == nil {
		return basePath + DefaultEndpoint, nil
	}
	raw := strings.TrimSpace(*endpoint)
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%q is not an address", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(raw, "?#") {
		return "", fmt.Errorf("%q has a query or a fragment: the form adds its own", raw)
	}
	switch {
	case u.Scheme != "":
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return "", fmt.Errorf("%q is not an http or https address", raw)
		}
		return raw, nil
	case u.Host != "":
		return "", fmt.Errorf("%q names a host without a scheme: write https://%s", raw, strings.TrimPrefix(raw, "//"))
	}
	rel := strings.TrimPrefix(u.Path, "/")
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." {
			return "", fmt.Errorf("%q leaves baseURL: write an absolute URL for an endpoint elsewhere", raw)
		}
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		return "", fmt.Errorf(`%q names a folder, where the site's own pages are: write the endpoint's address, such as "search"`, raw)
	}
	return basePath + strings.TrimPrefix(path.Clean("/"+rel), "/"), nil
}
