package render

import "sync"

// shared is a value several outputs use, made by the first of them and
// let go of once the last is done, so that a state's statements, written
// once for all its pages, are held only while those pages are rendered
// (outputs are rendered in their order, so a state's are close in time).
// An output an incremental build keeps never uses it, and the value then
// lives as long as the Renderer.
type shared[T any] struct {
	mu    sync.Mutex
	users int // outputs yet to be done with the value
	make  func() (T, error)
	val   T
	err   error
	made  bool
}

// get makes the value on first use; later calls wait for it.
func (s *shared[T]) get() (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.made {
		s.val, s.err = s.make()
		s.made = true
	}
	return s.val, s.err
}

// done says one user is done; after the last, the value is let go of
// (and would be made again if asked for).
func (s *shared[T]) done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users--
	if s.users <= 0 {
		var zero T
		s.val, s.err, s.made = zero, nil, false
	}
}
