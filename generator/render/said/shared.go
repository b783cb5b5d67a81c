package said

import "sync"

// Shared is a value several users (a state's pages) need, made by the
// first of them and let go of once the last is done, so that a state's
// statements, written once for all its pages, are held only while those
// pages are rendered (a build renders a state's pages one after another).
// A user that never comes (a page an incremental build keeps) leaves the
// value held as long as the Shared is.
type Shared[T any] struct {
	mu    sync.Mutex
	users int // users yet to be done with the value
	make  func() (T, error)
	val   T
	err   error
	made  bool
}

// NewShared shares what make makes.
func NewShared[T any](make func() (T, error)) *Shared[T] { return &Shared[T]{make: make} }

// Add counts one more user.
func (s *Shared[T]) Add() {
	s.mu.Lock()
	s.users++
	s.mu.Unlock()
}

// Get makes the value on first use; later calls wait for it.
func (s *Shared[T]) Get() (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.made {
		s.val, s.err = s.make()
		s.made = true
	}
	return s.val, s.err
}

// Done says one user is done; after the last, the value is let go of
// (and would be made again if asked for).
func (s *Shared[T]) Done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users--
	if s.users <= 0 {
		var zero T
		s.val, s.err, s.made = zero, nil, false
	}
}
