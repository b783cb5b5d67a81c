package index

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	bdoc "github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TestMergeTextAsBleve checks mergeText against what bleve's segment
// builder does with a document whose text is several fields of one name:
// analyse each, then merge their term frequencies one field after another
// into the first's. The terms, their counts, and every location, in
// order, must be the same, and so must the other fields.
func TestMergeTextAsBleve(t *testing.T) {
	data := map[string]any{
		FieldTitle: "Informal consultations on the Programme of Action",
		FieldText: []string{
			"France called for a Programme of Action; Kenya's delegation supported the programme.",
			"",
			"The Chair's draft: points of contact, the points of contact directory, and capacity-building.",
			"Côte d’Ivoire and Türkiye welcomed the directory – again, and again.",
			"Programme programme PROGRAMME of action.",
		},
		FieldStates: []string{"FRA", "KEN"},
		FieldStored: `{"title":"x"}`,
	}
	m := Mapping()
	mapped := func() *bdoc.Document {
		d := bdoc.NewDocument("r")
		if err := m.MapDocument(d, data); err != nil {
			t.Fatal(err)
		}
		return d
	}

	// As bleve does it.
	want := mapped()
	var freqs bindex.TokenFrequencies
	length, plain, texts := 0, uint64(0), 0
	for _, f := range want.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
		if f.Name() != FieldText {
			continue
		}
		texts++
		length += f.AnalyzedLength()
		plain += f.NumPlainTextBytes()
		if freqs == nil {
			freqs = f.AnalyzedTokenFrequencies()
		} else {
			freqs.MergeAll(f.Name(), f.AnalyzedTokenFrequencies())
		}
	}
	if texts != 5 {
		t.Fatalf("%d text fields mapped, want 5", texts)
	}

	got := mapped()
	mergeText(got, FieldText)
	var merged *mergedField
	var others []string
	for _, f := range got.Fields {
		if mf, ok := f.(*mergedField); ok {
			if merged != nil {
				t.Fatal("two merged fields")
			}
			merged = mf
			continue
		}
		if f.Name() == FieldText {
			t.Errorf("a text field was left unmerged")
		}
		others = append(others, describeField(f))
	}
	var wantOthers []string
	for _, f := range want.Fields {
		if f.Name() != FieldText {
			wantOthers = append(wantOthers, describeField(f))
		}
	}
	// Mapping walks a map: fields come in no fixed order.
	sort.Strings(others)
	sort.Strings(wantOthers)
	if !reflect.DeepEqual(others, wantOthers) {
		t.Errorf("other fields:\n got %v\nwant %v", others, wantOthers)
	}
	if merged == nil {
		t.Fatal("no merged field")
	}
	if merged.Name() != FieldText || merged.AnalyzedLength() != length || merged.NumPlainTextBytes() != plain {
		t.Errorf("merged field %s: length %d, %d bytes; want %s, %d, %d", merged.Name(), merged.AnalyzedLength(), merged.NumPlainTextBytes(), FieldText, length, plain)
	}
	if g, w := terms(merged.AnalyzedTokenFrequencies()), terms(freqs); !reflect.DeepEqual(g, w) {
		t.Errorf("term frequencies differ:\n got %v\nwant %v", g, w)
	}
}

// terms describes frequencies fully: each term's count and locations.
func terms(tfs bindex.TokenFrequencies) map[string]string {
	out := map[string]string{}
	for k, tf := range tfs {
		s := fmt.Sprintf("%s×%d", tf.Term, tf.Frequency())
		for _, l := range tf.Locations {
			s += fmt.Sprintf(" %q%v:%d-%d@%d", l.Field, l.ArrayPositions, l.Start, l.End, l.Position)
		}
		out[k] = s
	}
	return out
}

func describeField(f bdoc.Field) string {
	return fmt.Sprintf("%s%v %d %v", f.Name(), f.ArrayPositions(), f.AnalyzedLength(), terms(f.AnalyzedTokenFrequencies()))
}
