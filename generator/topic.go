package generator

import (
	"sort"
)

// Topic is an agenda item; reports are tagged by front matter or by the
// topic's keywords appearing in their text.
type Topic struct {
	Key        string
	SourcePath string
	Title      string
	Summary    string
	Keywords   []string
	Weight     int // orders topics; 0 sorts after the weighted ones
	Body       []byte
	URL        string
	Permalink  string

	// Synonyms are groups of forms that mean the same (an acronym and
	// its expansion): search finds each by the others. Keywords only
	// tag reports.
	Synonyms [][]string

	Reports []*Report // newest first
	States  []StateCount
}

// TopicCount is a topic with how many reports or statements concern it.
type TopicCount struct {
	Topic *Topic
	Count int
}

// SortTopicCounts orders counts most first, then by key.
func SortTopicCounts(c []TopicCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Topic.Key < c[j].Topic.Key
	})
}
