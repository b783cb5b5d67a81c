// Package faults marks the points of a build where the fault-injection
// tests stop it: a test sets a hook, and the build calls At with the
// point's name as it passes each one, in order. Without a hook At does
// nothing, at the cost of one atomic load.
package faults

import "sync/atomic"

var hook atomic.Pointer[func(point string)]

// At is a point of the build named point.
func At(point string) {
	if h := hook.Load(); h != nil {
		(*h)(point)
	}
}

// SetHook makes h hear every point passed from now on; nil removes it.
func SetHook(h func(point string)) {
	if h == nil {
		hook.Store(nil)
		return
	}
	hook.Store(&h)
}
