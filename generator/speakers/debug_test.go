package speakers

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/registry"
)

func TestDebugFile(t *testing.T) {
	path := os.Getenv("SPEAKERS_DEBUG")
	if path == "" {
		t.Skip()
	}
	reg, err := registry.Load(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(gazetteer.Default(), reg)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	var paras []Paragraph
	for i, p := range strings.Split(string(data), "\n\n") {
		p = strings.TrimSpace(p)
		item := strings.HasPrefix(p, "- ") || strings.HasPrefix(p, "• ")
		p = strings.TrimLeft(p, "-• ")
		paras = append(paras, Paragraph{ID: fmt.Sprintf("p-%d", i+1), Text: p, Item: item})
	}
	for i, ns := range a.Report(paras) {
		var parts []string
		for _, n := range ns {
			s := n.Entity.Name + "=" + n.Role.String()
			if n.For != nil {
				s += " for " + n.For.Name
			}
			parts = append(parts, s)
		}
		fmt.Printf("%d: %.60q\n    %s\n", i+1, paras[i].Text, strings.Join(parts, "; "))
	}
}
