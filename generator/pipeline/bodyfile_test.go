package pipeline

import (
	"errors"
	"os"
	"testing"

	"github.com/plenary-archive/plenary/generator"
)

// TestBodyFileFailedRead checks that a text the file can no longer give is
// recorded, so that the build publishes nothing made from it, and that the
// file leaves no name behind.
func TestBodyFileFailedRead(t *testing.T) {
	dir := t.TempDir()
	b, err := newBodyFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	off, err := b.Put([]byte("<p>x</p>Chile said yes."))
	if err != nil {
		t.Fatal(err)
	}
	p := generator.NewParagraph(1, "p-1", "", "")
	p.KeepText(b, off+8, len("Chile said yes."))
	if got := p.Text(); got != "Chile said yes." || b.Err() != nil {
		t.Fatalf("Text = %q, Err = %v", got, b.Err())
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("the file has a name: %v", names[0].Name())
	}
	b.Close()
	if got := p.Text(); got != "" {
		t.Errorf("Text after Close = %q", got)
	}
	if err := b.Err(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Err after a failed read = %v, want the read's error", err)
	}
}
