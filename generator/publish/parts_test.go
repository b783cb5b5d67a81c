package publish

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/plenary-archive/plenary/generator/render"
)

// part is a part's name and the size of its text; the text says where
// each of its lines belongs, so a byte moved to the wrong place shows.
type part struct {
	name string
	size int
}

func (p part) text() []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < p.size; i++ {
		fmt.Fprintf(&b, "%s/%d line %d\n", p.name, p.size, i)
	}
	return b.Bytes()[:p.size]
}

func none(int) (Extent, bool) { return Extent{}, false }

func renderParts(ps []part) []render.Part {
	out := make([]render.Part, len(ps))
	for i, p := range ps {
		data := p.text()
		out[i] = render.Part{Name: p.name, Render: func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}}
	}
	return out
}

// TestStreamPartsInPlace updates a version's own copy of a file made of
// parts and checks that it ends as a file written whole would, that its
// unchanged beginning stayed in place, and that only the parts between its
// unchanged beginning and end were written in between.
func TestStreamPartsInPlace(t *testing.T) {
	const kb = 20 << 10 // ten such parts make a file well over minTail at each end
	var old []part
	for i := range 10 {
		old = append(old, part{fmt.Sprintf("p%d", i), kb + i})
	}
	with := func(edit func([]part) []part) []part {
		return edit(append([]part(nil), old...))
	}
	tests := []struct {
		name    string
		parts   []part
		at      int64 // bytes left in place; 0: the file is written whole
		kept    int64 // bytes of the old end copied after the changed ones
		changed int64 // bytes written between them
	}{
		{"nothing changed but the end", with(func(ps []part) []part {
			return append(ps, part{"new", 1000})
		}), 10*kb + 45, 0, 1000},
		{"a part inserted in the middle", with(func(ps []part) []part {
			return append(ps[:5:5], append([]part{{"new", 3000}}, ps[5:]...)...)
		}), 5*kb + 10, 5*kb + 35, 3000},
		{"a middle part grows", with(func(ps []part) []part {
			ps[4].size += 5000
			return ps
		}), 4*kb + 6, 5*kb + 35, kb + 4 + 5000},
		{"a middle part shrinks", with(func(ps []part) []part {
			ps[4].size -= 5000
			return ps
		}), 4*kb + 6, 5*kb + 35, kb + 4 - 5000},
		{"a middle part removed", with(func(ps []part) []part {
			return append(ps[:4:4], ps[5:]...)
		}), 4*kb + 6, 5*kb + 35, 0},
		{"the first part changed", with(func(ps []part) []part {
			ps[0].size++
			return ps
		}), 0, 0, 10*kb + 46},
		{"too little left at the end to keep", with(func(ps []part) []part {
			return append(ps[:8:8], append([]part{{"new", 3000}}, ps[8:]...)...)
		}), 8*kb + 28, 0, 3000 + 2*kb + 17},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			prev := filepath.Join(dir, "published")
			first, err := streamParts(prev, "", renderParts(old), none, false, true)
			if err != nil {
				t.Fatal(err)
			}
			was := map[string]Extent{}
			sizes := map[string]int{}
			for i, e := range first.extents {
				was[e.Name] = e
				sizes[e.Name] = old[i].size
			}
			reuse := func(i int) (Extent, bool) {
				p := tc.parts[i]
				e, ok := was[p.name]
				return e, ok && sizes[p.name] == p.size
			}
			own := filepath.Join(dir, "own")
			copyOf(t, prev, own)
			before, err := os.Stat(own)
			if err != nil {
				t.Fatal(err)
			}
			got, err := streamParts(own, prev, renderParts(tc.parts), reuse, true, false)
			if err != nil {
				t.Fatal(err)
			}
			if changed := got.size - got.at - got.keep.Len; got.at != tc.at || got.keep.Len != tc.kept || changed != tc.changed {
				t.Errorf("left %d bytes, wrote %d, copied %d at the end; want %d, %d, %d",
					got.at, changed, got.keep.Len, tc.at, tc.changed, tc.kept)
			}
			after, err := os.Stat(own)
			if err != nil {
				t.Fatal(err)
			}
			if tc.at > 0 && !os.SameFile(before, after) {
				t.Error("the file was replaced, not edited in place")
			}
			data, err := os.ReadFile(own)
			if err != nil {
				t.Fatal(err)
			}
			var want []byte
			for _, p := range tc.parts {
				want = append(want, p.text()...)
			}
			if !bytes.Equal(data, want) {
				t.Fatalf("the file is not what writing it whole gives (%d bytes, want %d)", len(data), len(want))
			}
			if got.size != int64(len(want)) {
				t.Errorf("size %d, want %d", got.size, len(want))
			}
			for i, e := range got.extents {
				if e.Name != tc.parts[i].name || !bytes.Equal(data[e.Off:e.Off+e.Len], tc.parts[i].text()) {
					t.Errorf("part %d (%s) is not at %d+%d", i, tc.parts[i].name, e.Off, e.Len)
				}
			}
		})
	}
}

func copyOf(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStreamPartsLinked checks that a version's copy with another name
// (the other version's, or a deploy's hard link) is replaced, written
// whole, and that the other name keeps what it had.
func TestStreamPartsLinked(t *testing.T) {
	dir := t.TempDir()
	prev := filepath.Join(dir, "published")
	old := []part{{"a", 100 << 10}, {"b", 100 << 10}}
	first, err := streamParts(prev, "", renderParts(old), none, false, true)
	if err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(dir, "own")
	if err := os.Link(prev, own); err != nil {
		t.Skip("no hard links here:", err)
	}
	was, err := os.ReadFile(prev)
	if err != nil {
		t.Fatal(err)
	}
	reuse := func(i int) (Extent, bool) {
		if i < len(first.extents) {
			return first.extents[i], true
		}
		return Extent{}, false
	}
	got, err := streamParts(own, prev, renderParts(append(old, part{"c", 10})), reuse, true, false)
	if err != nil {
		t.Fatal(err)
	}
	if got.at != 0 {
		t.Errorf("a file with two names was changed in place from %d", got.at)
	}
	if data, err := os.ReadFile(prev); err != nil || !bytes.Equal(data, was) {
		t.Errorf("the other name changed (err %v)", err)
	}
	if data, err := os.ReadFile(own); err != nil || int64(len(data)) != got.size {
		t.Errorf("the version's copy has %d bytes, want %d (err %v)", len(data), got.size, err)
	}
}
