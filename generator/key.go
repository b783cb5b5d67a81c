package generator

// Key fingerprints the report's slug and source. Lists of thousands of
// reports or statements decide where their archive pages end, and whether
// a page changed, from keys alone.
func (r *Report) Key() uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	for i := 0; i < len(r.Slug); i++ {
		h ^= uint64(r.Slug[i])
		h *= 1099511628211
	}
	for _, b := range r.SourceHash {
		h ^= uint64(b)
		h *= 1099511628211
	}
	return mix(h)
}

// ParagraphKey is the key of the statements of paragraph n of the report
// whose Key is report.
func ParagraphKey(report uint64, n int) uint64 { return mix(report ^ uint64(n)) }

// mix spreads the bits of h, so that its low bits, which archive pages
// read modulo their mean length, depend on all of it.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
