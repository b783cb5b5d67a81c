package figures

import "testing"

// TestMatrixLevel checks the shades: none for nothing, the darkest for
// the largest cell, and more never lighter than less.
func TestMatrixLevel(t *testing.T) {
	if level(0, 100) != 0 || level(1, 1) != matrixLevels || level(100, 100) != matrixLevels || level(1, 100) != 1 {
		t.Errorf("levels: %d %d %d %d", level(0, 100), level(1, 1), level(100, 100), level(1, 100))
	}
	prev := 0
	for n := 1; n <= 1000; n++ {
		l := level(n, 1000)
		if l < prev || l < 1 || l > matrixLevels {
			t.Fatalf("level(%d, 1000) = %d after %d", n, l, prev)
		}
		prev = l
	}
}
