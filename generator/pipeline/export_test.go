package pipeline

// SetTextsKeptFrom sets the size of sources from which paragraph texts go
// to the body file, until the test ends.
func SetTextsKeptFrom(t interface{ Cleanup(func()) }, n int64) {
	old := textsKeptFrom
	textsKeptFrom = n
	t.Cleanup(func() { textsKeptFrom = old })
}
