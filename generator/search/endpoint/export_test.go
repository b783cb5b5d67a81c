package endpoint

// Occupy takes every search slot of h, as searches in flight do, until
// release is called.
func Occupy(h *Handler) (release func()) {
	for range cap(h.slots) {
		h.slots <- struct{}{}
	}
	return func() {
		for range cap(h.slots) {
			<-h.slots
		}
	}
}

// BeforeSwap makes l call f once a new index is open and before it
// replaces the old one.
func BeforeSwap(l *Live, f func()) { l.beforeSwap = f }
