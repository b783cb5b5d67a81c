// Package rules owns the sentence rules that tell a paragraph's speakers
// from the names it only mentions: a tokenizer that keeps detected names
// whole and knows quotations, a lexicon of speech verbs and agent nouns
// (lexicon.txt), and the reading of clauses — adverbial phrases, subjects
// with their coordinated names and parentheticals, verb groups, passives,
// label lines — into a role per name. The speakers package runs it on
// every paragraph and hands speakers on between paragraphs.
package rules
