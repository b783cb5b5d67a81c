package site

import (
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

func TestCodeTable(t *testing.T) {
	fra := &generator.State{Code: "FRA"}
	zaf := &generator.State{Code: "ZAF"}
	odd := &generator.State{Code: "X-1"}
	states := map[string]*generator.State{"FRA": fra, "ZAF": zaf, "X-1": odd}
	tab := newCodeTable(states, map[*generator.State]int{zaf: 0, fra: 1, odd: 2})
	tests := []struct {
		code string
		want *generator.State
	}{
		{"FRA", fra}, {"ZAF", zaf}, {"X-1", odd},
		{"AAA", nil}, {"fra", nil}, {"FR", nil}, {"FRAN", nil}, {"", nil}, {"[[[", nil},
	}
	for _, tc := range tests {
		if got := tab.state(tc.code); got != tc.want {
			t.Errorf("state(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
	if tab.byRank(zaf, fra) >= 0 || tab.byRank(odd, fra) <= 0 || tab.byRank(fra, fra) != 0 {
		t.Errorf("ranks do not order ZAF, FRA, X-1")
	}
}
