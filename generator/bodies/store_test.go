package bodies

import (
	"crypto/sha256"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plenary-archive/plenary/generator"
)

// memFile is a store's file in memory that counts reads and can fail.
type memFile struct {
	data   []byte
	reads  int
	broken bool
}

func (m *memFile) ReadAt(b []byte, off int64) (int, error) {
	m.reads++
	if m.broken {
		return 0, errors.New("disk gone")
	}
	return strings.NewReader(string(m.data)).ReadAt(b, off)
}

func (m *memFile) WriteAt(b []byte, off int64) (int, error) {
	if end := int(off) + len(b); end > len(m.data) {
		m.data = append(m.data, make([]byte, end-len(m.data))...)
	}
	return copy(m.data[off:], b), nil
}

func (m *memFile) Close() error { return nil }

// TestTexts checks that a paragraph's text reads the same held by the
// Site or kept in the store, that a report's texts kept side by side come
// in one read, and that a failed read is an error, not an empty text.
func TestTexts(t *testing.T) {
	texts := []string{"Chile said yes.", "", "Kenya — «no».", "Brazil abstained."}
	held := func(*Store) *generator.Report {
		r := &generator.Report{}
		for i, text := range texts {
			p := generator.NewParagraph(i+1, "", "", text)
			r.Paragraphs = append(r.Paragraphs, &p)
		}
		return r
	}
	// kept keeps the texts after some HTML, in the order given.
	kept := func(order []int) func(*Store) *generator.Report {
		return func(s *Store) *generator.Report {
			r := &generator.Report{Paragraphs: make([]*generator.Paragraph, len(texts))}
			if _, err := s.Put([]byte("<p>html</p>")); err != nil {
				t.Fatal(err)
			}
			for _, i := range order {
				off, err := s.Put([]byte(texts[i]))
				if err != nil {
					t.Fatal(err)
				}
				p := generator.KeptParagraph(i+1, "", "", generator.Span{Off: off, Len: len(texts[i])})
				r.Paragraphs[i] = &p
			}
			return r
		}
	}
	for _, tc := range []struct {
		name      string
		report    func(*Store) *generator.Report
		broken    bool
		textReads int // reads of Texts
	}{
		{"held", held, false, 0},
		{"kept in order", kept([]int{0, 1, 2, 3}), false, 1},
		{"kept out of order", kept([]int{2, 0, 3, 1}), false, 3}, // the empty text is not read
		{"kept, failing", kept([]int{0, 1, 2, 3}), true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &memFile{}
			s := &Store{f: f}
			r := tc.report(s)
			f.broken = tc.broken
			got, err := s.Texts(r)
			if f.reads != tc.textReads {
				t.Errorf("Texts read %d times, want %d", f.reads, tc.textReads)
			}
			if tc.broken {
				if err == nil {
					t.Error("Texts of a broken file gave no error")
				}
				if _, err := s.Text(r.Paragraphs[0]); err == nil {
					t.Error("Text of a broken file gave no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range r.Paragraphs {
				text, err := s.Text(p)
				if err != nil || got[i] != texts[i] || text != texts[i] {
					t.Errorf("paragraph %d: Texts %q, Text %q (%v), want %q", i+1, got[i], text, err, texts[i])
				}
				if p.Len() != len(texts[i]) {
					t.Errorf("paragraph %d: Len %d, want %d", i+1, p.Len(), len(texts[i]))
				}
			}
		})
	}
}

// TestStoreFile checks the file a build keeps bodies in: it has no name,
// gives back what was put, and once closed gives errors.
func TestStoreFile(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	off, err := s.Put([]byte("<p>x</p>Chile said yes."))
	if err != nil {
		t.Fatal(err)
	}
	r := &generator.Report{HTML: generator.Span{Off: off, Len: 8}}
	p := generator.KeptParagraph(1, "p-1", "", generator.Span{Off: off + 8, Len: len("Chile said yes.")})
	if html, err := s.HTML(r); err != nil || string(html) != "<p>x</p>" {
		t.Errorf("HTML = %q, %v", html, err)
	}
	if text, err := s.Text(&p); err != nil || text != "Chile said yes." {
		t.Errorf("Text = %q, %v", text, err)
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("the file has a name: %v", names[0].Name())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Text(&p); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Text after Close: %v, want the read's error", err)
	}
	if _, err := s.HTML(r); err == nil {
		t.Error("HTML after Close gave no error")
	}
}

// TestMarkdown checks that a report's Markdown is the Site's when it
// holds it, else its source's, read again, and never a changed source's.
func TestMarkdown(t *testing.T) {
	src := []byte("+++\ntitle = \"A\"\n+++\nFrance spoke.\n")
	fsys := fstest.MapFS{"content/reports/a.md": {Data: src}}
	r := &generator.Report{SourcePath: "content/reports/a.md", Body: []byte("held")}
	if md, err := Sources(fsys).Markdown(r); err != nil || string(md) != "held" {
		t.Errorf("held: %q, %v", md, err)
	}
	r.Body = nil
	if _, err := (*Store)(nil).Markdown(r); err == nil {
		t.Error("a nil store read a body it does not hold")
	}
	if _, err := Sources(fsys).Markdown(r); err == nil || !strings.Contains(err.Error(), "changed while the site was built") {
		t.Errorf("a body whose hash is not its source's: %v", err)
	}
	r.SourceHash = sha(src)
	if md, err := Sources(fsys).Markdown(r); err != nil || string(md) != "France spoke.\n" {
		t.Errorf("read again: %q, %v", md, err)
	}
}

func sha(b []byte) [32]byte { return sha256.Sum256(b) }
