package site

import (
	"sync"
	"unsafe"

	"github.com/plenary-archive/plenary/generator"
)

// slabs hand out the small slices the Site keeps, cut from allocations of
// 64 KiB. Made one by one, hundreds of thousands of them each kept alive a
// span the collector would otherwise free, room the memory budget counts
// as used.
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
