// Package words owns how the text of reports and of queries becomes the
// terms the index holds: the analyzer named Name, registered with bleve
// for the index's text fields and looked up by the search engine, so that
// a query's words meet the indexed terms.
package words

import (
	"bytes"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// The analyzer is bleve's "en" (Unicode words, possessives,
// lower case, English stop words, Porter stems) made cheaper for what an
// archive holds, with the same terms: splitting text into words with the
// Unicode segmenter and stemming every word were two thirds of the
// analysis.
//   - Text that is all ASCII is split by the word-boundary rules of
//     Unicode's UAX #29 as they apply to ASCII; any other text goes
//     through bleve's own tokenizer. FuzzWords holds the two to the same
//     tokens.
//   - Stems are remembered: an archive's vocabulary is small next to its
//     words.
//
// It also folds what bleve's "en" keeps apart, so that every way of
// writing a name finds it: accents ("Türkiye" is "turkiye"), apostrophe
// styles, and apostrophes inside words ("d’Ivoire" and "d'Ivoire" are
// "divoire"). Apostrophes are folded to ' before the stop words, which
// list contractions ("don't") that way, and dropped before stemming.

// Name is the analyzer's name in bleve's registry, which the index's
// mapping names for its text fields.
const Name = "plenary_en"

const (
	wordsName   = "plenary_words"
	foldName    = "plenary_fold"
	stemmerName = "plenary_porter"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenizer(wordsName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{unicode.NewUnicodeTokenizer()}, nil
	}))
	must(registry.RegisterTokenFilter(foldName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return folder{}, nil
	}))
	must(registry.RegisterTokenFilter(stemmerName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return &stemmer{porter: porter.NewPorterStemmer()}, nil
	}))
	must(registry.RegisterAnalyzer(Name, func(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
		var filters []analysis.TokenFilter
		for _, name := range []string{en.PossessiveName, lowercase.Name, foldName, en.StopName, stemmerName} {
			f, err := cache.TokenFilterNamed(name)
			if err != nil {
				return nil, err
			}
			filters = append(filters, f)
		}
		t, err := cache.TokenizerNamed(wordsName)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: t, TokenFilters: filters}, nil
	}))
}

// tokenizer is bleve's Unicode tokenizer with a path of its own for ASCII.
type tokenizer struct{ unicode analysis.Tokenizer }

func (w tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !isASCII(input) {
		return w.unicode.Tokenize(input)
	}
	return asciiWords(input)
}

// Classes of ASCII bytes in UAX #29's word-boundary rules.
const (
	other     = iota
	letter    // ALetter
	digit     // Numeric
	connector // ExtendNumLet: "_"
	midLetter // MidLetter: ":"
	midNum    // MidNum: "," ";"
	midBoth   // MidNumLet and Single_Quote: "." "'"
)

var asciiClass = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = letter, letter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = digit
	}
	t['_'], t[':'], t[','], t[';'], t['.'], t['\''] = connector, midLetter, midNum, midNum, midBoth, midBoth
	return t
}()

// asciiWords splits ASCII text into the tokens bleve's Unicode tokenizer
// makes of it. The words are counted first, so that the tokens are made
// in one allocation of the right size: growing them was most of the time.
func asciiWords(input []byte) analysis.TokenStream {
	n := countWords(input)
	return wordsInto(input, make([]analysis.Token, n), make(analysis.TokenStream, n))
}

// countWords is how many tokens asciiWords makes of input.
func countWords(input []byte) int {
	n := 0
	for i := 0; ; n++ {
		if _, i, _ = nextWord(input, i); i < 0 {
			return n
		}
	}
}

// wordsInto makes the tokens of ASCII input in slab, which has room for
// exactly countWords(input) of them, and out, which points at them.
func wordsInto(input []byte, slab []analysis.Token, out analysis.TokenStream) analysis.TokenStream {
	for k, i := 0, 0; k < len(slab); k++ {
		var start int
		var numeric bool
		start, i, numeric = nextWord(input, i)
		slab[k] = analysis.Token{Term: input[start:i:i], Start: start, End: i, Position: k + 1, Type: analysis.AlphaNumeric}
		if numeric {
			slab[k].Type = analysis.Numeric
		}
		out[k] = &slab[k]
	}
	return out
}

// Arena lends the tokens of one document's analysis: merging a
// document's fields copies what it needs of them, after which they are
// made again for the next document. Made afresh, they were a tenth of all
// a build allocated.
type Arena struct {
	tokens []analysis.Token
	ptrs   analysis.TokenStream
}

var arenas = sync.Pool{New: func() any { return new(Arena) }}

// TakeArena is an arena for one document; Release gives it back.
func TakeArena() *Arena { return arenas.Get().(*Arena) }

// Release takes every token back, lets go of the texts they point into,
// and keeps the arena for another document.
func (a *Arena) Release() {
	a.reset()
	arenas.Put(a)
}

// take lends n tokens and their pointers. Tokens lent before stay where
// they are: a new slab is made when this one is full.
func (a *Arena) take(n int) ([]analysis.Token, analysis.TokenStream) {
	if n > cap(a.tokens)-len(a.tokens) {
		size := max(n, 2*cap(a.tokens), 1024)
		a.tokens, a.ptrs = make([]analysis.Token, 0, size), make(analysis.TokenStream, 0, size)
	}
	lo := len(a.tokens)
	a.tokens, a.ptrs = a.tokens[:lo+n], a.ptrs[:lo+n]
	return a.tokens[lo : lo+n : lo+n], a.ptrs[lo : lo+n : lo+n]
}

// reset takes every token back, and lets go of the texts they point into.
func (a *Arena) reset() {
	clear(a.tokens)
	clear(a.ptrs)
	a.tokens, a.ptrs = a.tokens[:0], a.ptrs[:0]
}

// Analyze is a.Analyze(input), with the tokens of ASCII text lent by arena
// when a is this package's analyzer.
func Analyze(a analysis.Analyzer, input []byte, arena *Arena) analysis.TokenStream {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok || len(da.CharFilters) > 0 {
		return a.Analyze(input)
	}
	if _, ok := da.Tokenizer.(tokenizer); !ok || !isASCII(input) {
		return a.Analyze(input)
	}
	slab, ptrs := arena.take(countWords(input))
	tokens := wordsInto(input, slab, ptrs)
	for _, f := range da.TokenFilters {
		tokens = f.Filter(tokens)
	}
	return tokens
}

func isASCII(input []byte) bool {
	for _, c := range input {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// nextWord finds the first word of input from i on: a run of letters,
// digits and "_" (WB5, WB8-WB10, WB13a-b), which goes on across one ":",
// "." or "'" between letters (WB6-WB7) and one ",", ";", "." or "'"
// between digits (WB11-WB12). It is numeric when it holds digits and no
// letter. end is -1 when there is no word left.
func nextWord(input []byte, i int) (start, end int, numeric bool) {
	for ; i < len(input); i++ {
		if c := asciiClass[input[i]]; c == letter || c == digit || c == connector {
			break
		}
	}
	if i == len(input) {
		return 0, -1, false
	}
	start = i
	prev := asciiClass[input[i]]
	letters, digits := prev == letter, prev == digit
	for i++; i < len(input); i++ {
		c := asciiClass[input[i]]
		next := uint8(other)
		if i+1 < len(input) {
			next = asciiClass[input[i+1]]
		}
		switch {
		case c == letter || c == digit || c == connector:
		case prev == letter && next == letter && (c == midLetter || c == midBoth):
			i++
			c = letter
		case prev == digit && next == digit && (c == midNum || c == midBoth):
			i++
			c = digit
		default:
			return start, i, digits && !letters
		}
		letters = letters || c == letter
		digits = digits || c == digit
		prev = c
	}
	return start, i, digits && !letters
}

// folder folds the accents and apostrophes of lower-cased words that are
// not all ASCII (gazetteer.FoldAccents).
type folder struct{}

func (folder) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if !isASCII(t.Term) {
			t.Term = []byte(gazetteer.FoldAccents(string(t.Term)))
		}
	}
	return input
}

// stemmer is bleve's Porter stemmer with a memory of the stems it made,
// shared by every goroutine that analyses. It is the last filter of the
// analyzer: a remembered stem is handed to many tokens, and nothing after
// it changes a term in place.
type stemmer struct {
	porter analysis.TokenFilter
	stems  sync.Map // string → []byte
	size   atomic.Int64
}

// maxStems bounds the memory: past it, new words are stemmed every time.
const maxStems = 1 << 20

func (s *stemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	one := make(analysis.TokenStream, 1)
	for _, t := range input {
		if t.KeyWord {
			continue
		}
		if bytes.IndexByte(t.Term, '\'') >= 0 {
			// Terms may point into the text: the word is made anew.
			t.Term = bytes.ReplaceAll(t.Term, []byte("'"), nil)
			if len(t.Term) == 0 {
				continue
			}
		}
		if stem, ok := s.stems.Load(string(t.Term)); ok {
			t.Term = stem.([]byte)
			continue
		}
		word := string(t.Term)
		one[0] = t
		s.porter.Filter(one)
		if s.size.Load() < maxStems {
			if _, loaded := s.stems.LoadOrStore(word, t.Term[:len(t.Term):len(t.Term)]); !loaded {
				s.size.Add(1)
			}
		}
	}
	return input
}
