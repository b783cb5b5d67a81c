// Package speakers owns who says what in a report: for every paragraph
// and list item, each state, group and stakeholder it names gets the role
// of speaker (the subject of a speech verb, a label line, an agent of "was
// stressed by", the speaker a quotation is handed to) or mentioned
// (everything else: objects, possessors of what others did, names inside
// quotations and reported clauses), and a speaker may speak on behalf of a
// group.
//
// The rules read sentences, not single words: a lexicon of speech verbs
// and agent nouns, the subject before the verb with its
// coordinated names ("Switzerland, Singapore and Japan claimed"),
// parentheticals ("X, supported by Y, proposed"; "X, on behalf of G,"),
// adverbial phrases, passives, demonyms before "delegation" (demonyms.tsv)
// and quotations (package rules). Names come from one gazetteer of the states, the
// registry of non-state speakers and the demonyms, longest match first, so
// that "the University of Chile" is never Chile.
//
// An Analyser is built once per build and is safe for concurrent use.
package speakers
