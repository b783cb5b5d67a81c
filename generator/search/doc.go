// Package search is the archive's search, in layers that import one way
// (each only those before it) and never the build:
//
//   - query: the query language, parsed and bounded;
//   - highlight: the paragraph a hit points at, and its excerpt;
//   - collector: ranking, paging and facets in one pass over a query's
//     matches, over one index or shards; the only package that relies on
//     bleve's internals, listed in its internals.go;
//   - expand: what a query's words stand for besides themselves, a state
//     by any of its names or every form of a declared synonym;
//   - engine: an index folder opened and verified, requests compiled to
//     bleve queries, searched, and answered as a Response;
//   - endpoint: HTTP: parameters, JSON, the theme's results page,
//     liveness and readiness, live reload, the access log.
//
// The index folder itself is written by package index; the results page
// stored in it is package resultspage's.
package search
