package words

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

func describe(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%q %d-%d #%d type %d", t.Term, t.Start, t.End, t.Position, t.Type)
	}
	return out
}

func sameTokens(t *testing.T, input string, got, want analysis.TokenStream) {
	t.Helper()
	g, w := describe(got), describe(want)
	if fmt.Sprint(g) != fmt.Sprint(w) {
		t.Errorf("%q:\n got %v\nwant %v", input, g, w)
	}
}

var wordSamples = []string{
	"", "France", "don't", "France's proposal", "e.g. the U.N.", "1,000.50 and 3.14", "1:2 a:b",
	"a.1 1.a a1.5 1a.b", "__init__ _a a_ _1", "Paragraph 42 of the draft (A/AC.290/2025/CRP.1)",
	"x..y x''y 1..2 1,,2 a. .a ,1 1,", "end.", "\n\tline\r\nbreaks  ", "12ab34", "a'1 1'a 1'2", "___ _ 1_ _1_a",
}

// TestWordsMatchBleve holds the ASCII path to bleve's tokenizer on
// samples; FuzzWords searches for more.
func TestWordsMatchBleve(t *testing.T) {
	u := unicode.NewUnicodeTokenizer()
	for _, s := range wordSamples {
		sameTokens(t, s, tokenizer{u}.Tokenize([]byte(s)), u.Tokenize([]byte(s)))
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range wordSamples {
		f.Add(s)
	}
	u := unicode.NewUnicodeTokenizer()
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []byte(s) {
			if c >= 0x80 {
				return
			}
		}
		sameTokens(t, s, asciiWords([]byte(s)), u.Tokenize([]byte(s)))
	})
}

// analyzers are the index's analyzer and what it must match: bleve's "en"
// (its Unicode tokenizer, possessives, lower case, stop words, Porter
// stems) with the folding of accents and apostrophes done the plain way.
func analyzers(t *testing.T) (ours, theirs analysis.Analyzer) {
	t.Helper()
	cache := registry.NewCache()
	ours, err := cache.AnalyzerNamed(Name)
	if err != nil {
		t.Fatal(err)
	}
	var filters []analysis.TokenFilter
	for _, name := range []string{en.PossessiveName, lowercase.Name, foldName, en.StopName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		filters = append(filters, f)
	}
	filters = append(filters, dropApostrophes{}, porter.NewPorterStemmer())
	return ours, &analysis.DefaultAnalyzer{Tokenizer: unicode.NewUnicodeTokenizer(), TokenFilters: filters}
}

type dropApostrophes struct{}

func (dropApostrophes) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(strings.ReplaceAll(string(t.Term), "'", ""))
	}
	return input
}

// TestFolding: every way of writing a name gives the same terms.
func TestFolding(t *testing.T) {
	ours, _ := analyzers(t)
	terms := func(s string) string {
		var out []string
		for _, tok := range ours.Analyze([]byte(s)) {
			out = append(out, string(tok.Term))
		}
		return strings.Join(out, " ")
	}
	for _, forms := range [][]string{
		{"Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire", "COTE D’IVOIRE", "Co\u0302te d\u02bcIvoire"},
		{"Türkiye", "Turkiye", "TÜRKİYE"},
		{"São Tomé and Príncipe", "Sao Tome and Principe"},
		{"don't stop", "don’t stop", "stop"},
		{"the State's view", "the State’s view", "the states view"},
	} {
		want := terms(forms[0])
		for _, f := range forms[1:] {
			if got := terms(f); got != want {
				t.Errorf("%q is %q, %q is %q", f, got, forms[0], want)
			}
		}
	}
}

// TestAnalyzerMatchesEnglish holds the whole analyzer to the plain one on
// text with and without non-ASCII characters, twice, so that remembered
// stems are used.
func TestAnalyzerMatchesEnglish(t *testing.T) {
	ours, theirs := analyzers(t)
	texts := append([]string{
		"Speaking on behalf of the EU, France's delegation called for confidence-building measures; Kenya's supported them.",
		"Côte d’Ivoire and Türkiye welcomed the “points of contact” directory – again.",
	}, wordSamples...)
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			sameTokens(t, s, ours.Analyze([]byte(s)), theirs.Analyze([]byte(s)))
		}
	}
}

// TestArenaAnalysis holds analysis with lent tokens to the plain one: every
// text of a document analysed into one arena, each stream checked after
// all were made, so that a lent token written twice shows, and again
// after the arena was taken back.
func TestArenaAnalysis(t *testing.T) {
	ours, theirs := analyzers(t)
	long := strings.Repeat("The delegation of Chile's proposals, again and again. ", 100)
	texts := append([]string{long, "Côte d’Ivoire spoke.", long[:500]}, wordSamples...)
	arena := new(Arena)
	for round := 0; round < 2; round++ {
		streams := make([]analysis.TokenStream, len(texts))
		for i, s := range texts {
			streams[i] = Analyze(ours, []byte(s), arena)
		}
		for i, s := range texts {
			sameTokens(t, s, streams[i], theirs.Analyze([]byte(s)))
		}
		arena.reset()
	}
}

func BenchmarkWords(b *testing.B) {
	text := []byte("Speaking on behalf of a group of states, France called for meaningful stakeholder participation, and added that paragraph 42 of the draft should be strengthened. Kenya's delegation supported the 2,000.50 figure; e.g. the U.N. points of contact directory.")
	u := unicode.NewUnicodeTokenizer()
	for _, tc := range []struct {
		name string
		t    analysis.Tokenizer
	}{{"bleve", u}, {"ours", tokenizer{u}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				tc.t.Tokenize(text)
			}
		})
	}
}

// BenchmarkAnalyzer analyses report-like paragraphs on every core, as the
// index does, with the stems already remembered.
//
//	go test -run '^$' -bench Analyzer$ ./generator/index/words
func BenchmarkAnalyzer(b *testing.B) {
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("Speaking on behalf of a group of states, France called for meaningful stakeholder participation in the future permanent mechanism, and added that paragraph 42 of the draft should be strengthened. Kenya's delegation supported capacity-building programmes; the Russian Federation cautioned against duplicating the points of contact directory, while Brazil welcomed the Chair's efforts.")
	a.Analyze(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a.Analyze(text)
		}
	})
}
