package generator

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel calls fn for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have. Callers write results into slot i of a slice
// they own, so the outcome does not depend on scheduling.
func Parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
