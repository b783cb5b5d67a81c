// Package collector ranks, pages and counts facets over every match of a
// bleve query in one pass, on one index or on several shards served as
// one. Bleve's own collector reads and decompresses doc values and counts
// terms in string-keyed maps for every match: three quarters of a broad
// query's time. The index never changes under the endpoint, so each
// document's states, topics, session and date are read once at start into
// arrays (Table), and a query only walks its matches.
//
// # What this package relies on in bleve
//
// This is the one package that reaches below bleve's public search API;
// an upgrade of bleve (go.mod: bleve/v2, bleve_index_api, the zapx
// segment versions) must keep each of these true:
//
//   - Index.Advanced().Reader() gives an index reader, and a query's
//     Searcher walks its matches in increasing document number with
//     scores that equal bleve's own Search (collect.go).
//   - Scorch's internal document IDs are 8-byte big-endian document
//     numbers, dense from 0 in a read-only index, and stable while it is
//     open (docNum in table.go).
//   - DocValueReader visits the date field as numeric.PrefixCoded terms,
//     the full-precision one with shift 0 (table.go).
//   - Equal scores are ordered newest first, then by ID (collect.go),
//     as bleve's Search sorted by "-_score", "-date", "_id" orders them:
//     document numbers differ between two builds of the same reports.
//   - tf-idf scoring reads DocCount and TermFieldReader.Count of the
//     reader it is given: statsReader (shards.go) answers them with the
//     whole archive's figures, so that shards score as one index does.
//     Prefix, fuzzy and regular-expression look-ups go through the
//     optional reader interfaces (IndexReaderFuzzy, IndexReaderRegexp,
//     IndexReaderContains), which statsReader passes through.
//   - A searcher made with SearcherOptions.Score "none" scores 0, and
//     Unscored's searcher weighs nothing in its parent's query norm, so
//     a filter leaves the scores of the words unchanged (unscored.go).
//   - TermFieldReader.Count is a term's document frequency, and
//     IndexReaderFuzzy's FieldDictFuzzy lists the terms within an edit
//     distance with theirs (terms.go).
//   - searcher.DisjunctionMaxClauseCount bounds prefix and fuzzy
//     expansions, and a query over it fails with "TooManyClauses" in its
//     message (set and read by the engine).
//
// The differential tests in differential_test.go guard these: they run
// queries of every kind the engine compiles through Collect and through
// bleve's own Search with facets on the same index, and require the same
// totals, the same documents in the same order with the same scores, and
// the same facet counts; and the engine's shard tests require shards to
// answer exactly as one index. Run them after every upgrade of bleve.
package collector
