package markdown

import (
	"fmt"
	"testing"
)

// TestBlockKinds checks that blocks say whether they are list items and
// whether they are quoted, which the speakers analysis reads.
func TestBlockKinds(t *testing.T) {
	src := "Egypt said:\n\n> Norms matter.\n>\n> - quoted item\n\n- item one\n- item two\n\n  its second paragraph\n\nAfter.\n"
	var got []string
	for _, b := range New("/").Analyse([]byte(src)).Blocks {
		got = append(got, fmt.Sprintf("%s quote=%v item=%v %s", b.ID(), b.Quote, b.Item, b.Text))
	}
	want := []string{
		"p-1 quote=false item=false Egypt said:",
		"p-2 quote=true item=false Norms matter.",
		"p-3 quote=true item=true quoted item",
		"p-4 quote=false item=true item one",
		"p-5 quote=false item=true item two its second paragraph",
		"p-6 quote=false item=false After.",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("blocks:\n%q\nwant\n%q", got, want)
	}
}
