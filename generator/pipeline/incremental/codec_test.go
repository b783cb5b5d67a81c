package incremental

import (
	"bytes"
	"reflect"
	"sort"
	"testing"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/publish"
	"github.com/plenary-archive/plenary/generator/site/detect"
)

func sampleDetections() (map[[32]byte]*detect.Detection, [][32]byte) {
	entries := map[[32]byte]*detect.Detection{
		{1}: {
			Paragraphs: []detect.DetectedParagraph{
				{N: 1, Line: 3, Text: "Côte d’Ivoire and France supported the PoA.", Heading: "Programme of Action",
					Names: []detect.Name{{Code: "CIV", Speaker: true, For: "african-group"}, {Code: "african-group", Speaker: true}, {Code: "FRA"}}, Topics: []string{"poa"}},
				{N: 2, Line: 7, Text: "", Names: nil, Topics: []string{"law", "cbm"}},
				{N: 3, Line: 9, Text: "Egypt.", Names: []detect.Name{{Code: "EGY"}}},
			},
			TitleStates:  []string{"BRA"},
			TitleTopics:  []string{"poa"},
			Groups:       []string{"african-group"},
			Misspellings: []detect.Misspelling{{Line: 3, Form: "Columbia", Name: "Colombia"}},
			Links:        []markdown.Link{{Dest: "/archive/sessions/s1/", Line: 9}},
			Problems:     []detect.SpeakerProblem{{Line: 5, Msg: "speakers: p-9 names none of Chile", Stale: true}, {Line: 6, Msg: "unknown"}},
		},
		{2}:       {},
		{0xff, 3}: {Paragraphs: []detect.DetectedParagraph{{N: 1, Text: string(make([]byte, 300))}}},
	}
	var keys [][32]byte
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return bytes.Compare(keys[a][:], keys[b][:]) < 0 })
	return entries, keys
}

func TestDetectionsCodecRoundTrip(t *testing.T) {
	entries, keys := sampleDetections()
	data := appendDetections(nil, 7, "ctx", entries, keys)
	format, context, got, err := decodeDetections(data)
	if err != nil || format != 7 || context != "ctx" {
		t.Fatalf("decoded format %d context %q: %v", format, context, err)
	}
	if !reflect.DeepEqual(got, entries) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, entries)
	}
	// Every truncation is refused, not misread.
	for n := 0; n < len(data); n++ {
		if _, _, _, err := decodeDetections(data[:n]); err == nil {
			t.Fatalf("a shard cut at %d bytes of %d decodes", n, len(data))
		}
	}
	if _, _, _, err := decodeDetections(append(data[:len(data):len(data)], 0)); err == nil {
		t.Errorf("trailing bytes decode")
	}
}

func FuzzDecodeDetections(f *testing.F) {
	entries, keys := sampleDetections()
	f.Add(appendDetections(nil, 1, "c", entries, keys))
	f.Add([]byte(codecMagic + "\x01\x00\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		format, context, got, err := decodeDetections(data)
		if err != nil {
			return
		}
		// What decodes encodes back to a shard that decodes the same.
		var ks [][32]byte
		for k := range got {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(a, b int) bool { return bytes.Compare(ks[a][:], ks[b][:]) < 0 })
		_, _, again, err := decodeDetections(appendDetections(nil, format, context, got, ks))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("re-encoded shard decodes differently: %v", err)
		}
	})
}

func sampleSources() *sourcesOnDisk {
	return &sourcesOnDisk{Program: "go abc/def", Entries: []sourceEntry{
		{Path: "content/reports/2024/a.md", Stamp: content.Stamp{Size: 1234, Mtime: 1763900000123456789, Ctime: -1, Ino: 1 << 40, Dev: 2049}, Hash: [32]byte{1, 2, 3}, Front: []byte("title = \"A\"\n"), FrontLine: 2, BodyLine: 7},
		{Path: "content/reports/2025/b.md", Hash: [32]byte{31: 9}},
	}}
}

// checkCodec holds a codec to a round trip of want, and to refusing every
// truncation of the file and a byte too many.
func checkCodec[T any](t *testing.T, want T, encode func(T) []byte, decode func([]byte) (T, error)) {
	t.Helper()
	data := encode(want)
	got, err := decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
	for n := 0; n < len(data); n++ {
		if _, err := decode(data[:n]); err == nil {
			t.Fatalf("a file cut at %d bytes of %d decodes", n, len(data))
		}
	}
	if _, err := decode(append(data[:len(data):len(data)], 0)); err == nil {
		t.Errorf("trailing bytes decode")
	}
}

// fuzzCodec checks that what decodes encodes back to a file that decodes
// the same.
func fuzzCodec[T any](f *testing.F, seeds [][]byte, encode func(T) []byte, decode func([]byte) (T, error)) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decode(data)
		if err != nil {
			return
		}
		again, err := decode(encode(got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("re-encoded file decodes differently: %v", err)
		}
	})
}

func TestSourcesCodec(t *testing.T) {
	checkCodec(t, sampleSources(), encodeSources, decodeSources)
}

func TestManifestCodec(t *testing.T) {
	checkCodec(t, sampleManifest(), encodeManifest, decodeManifest)
}

func FuzzDecodeSources(f *testing.F) {
	fuzzCodec(f, [][]byte{encodeSources(sampleSources()), []byte(sourcesMagic + "\x00\xff\xff\xff\xff\x0f")}, encodeSources, decodeSources)
}

func sampleManifest() *manifest {
	return &manifest{
		Format: cacheFormat, Global: "g", Dest: "/srv/site",
		Reports: map[string]reportEntry{
			"a": {Hash: [32]byte{4}, Session: "s1", Next: "b", States: []string{"FRA", "KEN"}, Topics: []string{"cbm"}},
			"b": {Session: "s1", Prev: "a"},
		},
		Files: map[string]int64{"index.html": 1234, "data/statements.csv": 1 << 40},
		Keys:  map[string]string{"states/france/page/2023-06-12/index.html": "k1"},
		Parts: map[string][]publish.Extent{"data/statements.csv": {{Name: "head", Off: 0, Len: 80}, {Name: "a", Off: 80, Len: 1 << 33}}},
	}
}

func FuzzDecodeManifest(f *testing.F) {
	fuzzCodec(f, [][]byte{encodeManifest(sampleManifest()), []byte(manifestMagic + "\x06\x00\x00\xff\xff\xff\xff\x0f")}, encodeManifest, decodeManifest)
}
