package site

import (
	"sync"
	"unsafe"

	"github.com/plenary-archive/plenary/generator"
)

// slabs hand out the small slices the Site keeps, cut from allocations of
// 64 KiB. Made one by one, they were hundreds of thousands of objects at
// 10,000 reports, each keeping alive a span of memory otherwise freed with
// the garbage assembly makes around it: the heap's spans held more free
// room than live objects, 129 MiB for 106 MiB, which the memory budget
// then counts as used.
type slabs struct {
	paragraphs slab[generator.Paragraph]
	pointers   slab[*generator.Paragraph]
	states     slab[*generator.State]
	topics     slab[*generator.Topic]
}

// slabPool holds one slabs per goroutine that analyses: each takes one for
// a report and gives it back.
var slabPool = sync.Pool{New: func() any { return new(slabs) }}

// slab cuts slices of T from one allocation at a time.
type slab[T any] struct{ free []T }

const slabBytes = 64 << 10

// take is n zero values of T, with no room to grow into the next slice.
func (s *slab[T]) take(n int) []T {
	if n > len(s.free) {
		var zero T
		size := slabBytes / int(unsafe.Sizeof(zero))
		if n > size/4 {
			// A slice this large is its own allocation: it would leave
			// most of the slab unused.
			return make([]T, n)
		}
		s.free = make([]T, size)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}
