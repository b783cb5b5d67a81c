// Package gazetteer owns Plenary's list of the entities that reports speak
// of — the 193 UN member states, the two observer states, the European Union
// and the regional and political groups — together with the names reports
// really use for them, and the detection of those names in report text.
//
// The lists are embedded (states.tsv, groups.tsv) so that every build and
// every tool agrees on the same facts without reading anything at run time;
// an archive extends them with [Gazetteer.WithAliases] from its config.
//
// Detection is whole-word and leftmost-longest over one byte-level trie, so
// that "Nigeria" is never "Niger" and "Democratic Republic of the Congo" is
// never "Congo". Names are case-sensitive ("US" is a state, "us" is not),
// while lookups of names written by editors in front matter are not. Groups
// are found like states but never count as states: a report naming "the
// African Group" names no state.
//
// A Gazetteer is immutable once built and safe for concurrent use.
package gazetteer
