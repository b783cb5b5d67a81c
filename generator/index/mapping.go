package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/plenary-archive/plenary/generator/index/words"
)

// Field names of the index. The search endpoint builds its queries on
// them, so they are part of the index format.
const (
	FieldTitle    = "title"    // English text
	FieldText     = "text"     // English text, one array element per paragraph
	FieldStates   = "states"   // keyword: codes of every state named in the report
	FieldSpeakers = "speakers" // keyword: who speaks in it, states' codes and groups' and stakeholders' keys
	FieldTopics   = "topics"   // keyword: topic keys
	FieldSession  = "session"  // keyword: session key
	FieldKind     = "kind"     // keyword: the report's kind
	FieldDate     = "date"     // date-time: the report's start
	FieldStored   = "doc"      // stored only: a Stored value as JSON
)

// Analyzer is the analyzer of the text fields (package words: bleve's
// "en" made faster, with accents and apostrophes folded); query words
// must go through the same one to meet the indexed terms.
const Analyzer = words.Name

// Mapping is the explicit mapping of the index: nothing is indexed that is
// not named here, so the index holds only what search uses. Text fields
// keep term vectors because phrase queries and highlighting need
// positions; only the fields that are faceted or sorted on keep doc
// values, the structure whose size grows with every document.
func Mapping() mapping.IndexMapping {
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = Analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	keyword := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		// Keywords only filter and facet, and filters do not score.
		f.SkipFreqNorm = true
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = true

	stored := bleve.NewKeywordFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text())
	doc.AddFieldMappingsAt(FieldText, text())
	doc.AddFieldMappingsAt(FieldStates, keyword(true))
	doc.AddFieldMappingsAt(FieldSpeakers, keyword(true))
	doc.AddFieldMappingsAt(FieldTopics, keyword(true))
	doc.AddFieldMappingsAt(FieldSession, keyword(true))
	doc.AddFieldMappingsAt(FieldKind, keyword(false))
	doc.AddFieldMappingsAt(FieldDate, date)
	doc.AddFieldMappingsAt(FieldStored, stored)
	// No catch-all "_all" field: every query names its fields.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = Analyzer
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}
