package memory

import (
	"math"
	"runtime/debug"
	"testing"
)

// settings are the collector's, read without changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestPolicies checks that Leave never touches the runtime, that a user's
// GOGC makes Budgets leave it too, and that every budget sets what it
// says and undoes it.
func TestPolicies(t *testing.T) {
	percent, limit := settings()
	if limit != math.MaxInt64 {
		t.Skip("the test runs under a memory limit")
	}
	check := func(name string, wantPercent int, wantLimit int64) {
		t.Helper()
		if p, l := settings(); p != wantPercent || l != wantLimit {
			t.Errorf("%s: GC percent %d and limit %d, want %d and %d", name, p, l, wantPercent, wantLimit)
		}
	}
	for name, undo := range map[string]func(){
		"Leave.Update":   Leave.Update(),
		"Leave.Assembly": Leave.Assembly(1 << 30),
	} {
		check(name, percent, limit)
		undo()
	}
	b := Leave.Render(1 << 30)
	b.Merging(1 << 20)
	b.Undo()
	check("Leave.Render", percent, limit)

	t.Setenv("GOGC", "50")
	if Budgets() != Leave {
		t.Error("Budgets under a user's GOGC is not Leave")
	}
	t.Setenv("GOGC", "")
	p := Budgets()
	undo := p.Update()
	check("Update", -1, updateCap)
	undo()
	check("after Update", percent, limit)
	undo = p.Assembly(100 << 20)
	check("Assembly", -1, 400<<20+Headroom)
	undo()
	b = p.Render(64 << 20)
	_, l := settings()
	if l < 64<<20+Headroom || l == math.MaxInt64 {
		t.Errorf("Render's limit %d leaves no room for what was released", l)
	}
	b.Merging(32 << 20)
	if _, after := settings(); after != l-32<<20 {
		t.Errorf("Merging set the limit to %d, want %d", after, l-32<<20)
	}
	b.Undo()
	check("after Render", percent, limit)
}
