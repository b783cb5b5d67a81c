package corpus

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator/content"
)

func TestDeterministicPrefix(t *testing.T) {
	small, big := Files(20, 1), Files(40, 1)
	for p, data := range small {
		if !bytes.Equal(big[p], data) {
			t.Errorf("%s differs between the 20- and 40-report archives", p)
		}
	}
	other := Files(20, 2)
	same := 0
	for p := range small {
		if _, ok := other[p]; ok && strings.HasPrefix(p, "content/reports/") {
			same++
		}
	}
	if same == 20 {
		t.Error("seed 2 gives the same reports as seed 1")
	}
}

func TestLoadsCleanly(t *testing.T) {
	fsys := fstest.MapFS{}
	for p, data := range Files(200, 1) {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	a, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Reports) != 200 || len(a.Sessions) != len(Sessions()) || len(a.Topics) != len(Topics) {
		t.Fatalf("loaded %d reports, %d sessions, %d topics", len(a.Reports), len(a.Sessions), len(a.Topics))
	}
	words := 0
	for _, r := range a.Reports {
		words += len(strings.Fields(string(r.Body)))
	}
	if avg := words / len(a.Reports); avg < 700 || avg > 1200 {
		t.Errorf("average body %d words; the yardstick's is about 940", avg)
	}
}
