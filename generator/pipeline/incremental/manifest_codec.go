package incremental

import "github.com/plenary-archive/plenary/generator/publish"

// The manifest is read at the start of every update and written at its
// end, on the path of the build, where gob was slow for its tens of
// thousands of files and extents. It uses the detections' codec.

func encodeManifest(m *manifest) []byte {
	e := &encoder{b: make([]byte, 0, 8<<20)}
	e.b = append(e.b, manifestMagic...)
	e.uint(m.Format)
	e.string(m.Global)
	e.string(m.Dest)
	e.uint(len(m.Reports))
	for slug, r := range m.Reports {
		e.string(slug)
		e.b = append(e.b, r.Hash[:]...)
		e.string(r.Session)
		e.string(r.Prev)
		e.string(r.Next)
		e.strings(r.States)
		e.strings(r.Groups)
		e.strings(r.Topics)
	}
	e.uint(len(m.Files))
	for path, size := range m.Files {
		e.string(path)
		e.int64(size)
	}
	e.uint(len(m.Keys))
	for path, key := range m.Keys {
		e.string(path)
		e.string(key)
	}
	e.uint(len(m.Parts))
	for path, extents := range m.Parts {
		e.string(path)
		e.uint(len(extents))
		for _, x := range extents {
			e.string(x.Name)
			e.int64(x.Off)
			e.int64(x.Len)
		}
	}
	return e.b
}

// decodeManifest decodes what encodeManifest wrote; its strings point
// into data, which must not be modified.
func decodeManifest(data []byte) (*manifest, error) {
	d := open(data, manifestMagic)
	m := &manifest{Format: d.uint(), Global: d.string(), Dest: d.string()}
	// Each count is checked against the bytes left, at the least each of
	// its items takes: a 32-byte hash for a report, two bytes otherwise.
	n := d.count(32)
	m.Reports = make(map[string]reportEntry, n)
	for range n {
		slug := d.string()
		var r reportEntry
		copy(r.Hash[:], d.bytes(32))
		r.Session, r.Prev, r.Next = d.string(), d.string(), d.string()
		r.States, r.Groups, r.Topics = d.strings(), d.strings(), d.strings()
		m.Reports[slug] = r
	}
	n = d.count(2)
	m.Files = make(map[string]int64, n)
	for range n {
		path := d.string()
		m.Files[path] = d.int64()
	}
	n = d.count(2)
	m.Keys = make(map[string]string, n)
	for range n {
		path := d.string()
		m.Keys[path] = d.string()
	}
	n = d.count(2)
	m.Parts = make(map[string][]publish.Extent, n)
	for range n {
		path := d.string()
		extents := make([]publish.Extent, d.count(3))
		for i := range extents {
			extents[i] = publish.Extent{Name: d.string(), Off: d.int64(), Len: d.int64()}
		}
		m.Parts[path] = extents
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return m, nil
}
