package content

import (
	"regexp"
	"testing"
)

// keyPattern is what validKey checks, as a regular expression.
var keyPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)

func TestValidKey(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"oewg-2021-2025-s2", true},
		{"2022-04-01-regular-institutional-dialogue", true},
		{"a.b_c-d", true},
		{"x", true},
		{"", false},
		{"-x", false},
		{"x-", false},
		{"x--y", false},
		{"x-.y", false},
		{"Capital", false},
		{"with space", false},
		{"é", false},
	} {
		if got := validKey(tt.key); got != tt.want {
			t.Errorf("validKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// FuzzValidKey holds validKey to the regular expression it replaces.
func FuzzValidKey(f *testing.F) {
	for _, s := range []string{"a-b", "a--b", "", "-", "a.b_c", "A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if got, want := validKey(key), keyPattern.MatchString(key); got != want {
			t.Errorf("validKey(%q) = %v, the pattern says %v", key, got, want)
		}
	})
}
