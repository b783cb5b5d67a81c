package index

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// The index's analyzer is bleve's "en" (Unicode words, possessives,
// lower case, English stop words, Porter stems) made cheaper for what an
// archive holds, with the same terms: splitting text into words with the
// Unicode segmenter and stemming every word were two thirds of analysing
// 10,000 reports, 4.4 s of CPU.
//   - Text that is all ASCII is split by the word-boundary rules of
//     Unicode's UAX #29 as they apply to ASCII; any other text goes
//     through bleve's own tokenizer. FuzzWords holds the two to the same
//     tokens.
//   - Stems are remembered: an archive's vocabulary is small next to its
//     words.

const (
	wordsName   = "plenary_words"
	stemmerName = "plenary_porter"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenizer(wordsName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return words{unicode.NewUnicodeTokenizer()}, nil
	}))
	must(registry.RegisterTokenFilter(stemmerName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return &stemmer{porter: porter.NewPorterStemmer()}, nil
	}))
	must(registry.RegisterAnalyzer(Analyzer, func(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
		var filters []analysis.TokenFilter
		for _, name := range []string{en.PossessiveName, lowercase.Name, en.StopName, stemmerName} {
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

// words is bleve's Unicode tokenizer with a path of its own for ASCII.
type words struct{ unicode analysis.Tokenizer }

func (w words) Tokenize(input []byte) analysis.TokenStream {
	for _, c := range input {
		if c >= 0x80 {
			return w.unicode.Tokenize(input)
		}
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
// makes of it: runs of letters, digits and "_" (WB5, WB8-WB10, WB13a-b),
// which go on across one ":", "." or "'" between letters (WB6-WB7) and
// one ",", ";", "." or "'" between digits (WB11-WB12). A token is
// numeric when it holds digits and no letter.
func asciiWords(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	var slab []analysis.Token
	pos := 1
	for i := 0; i < len(input); {
		c := asciiClass[input[i]]
		if c != letter && c != digit && c != connector {
			i++
			continue
		}
		start, letters, digits, prev := i, c == letter, c == digit, c
		for i++; i < len(input); {
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
				goto end
			}
			letters = letters || c == letter
			digits = digits || c == digit
			prev = c
			i++
		}
	end:
		if len(slab) == 0 {
			slab = make([]analysis.Token, 64)
		}
		t := &slab[0]
		slab = slab[1:]
		*t = analysis.Token{Term: input[start:i:i], Start: start, End: i, Position: pos, Type: analysis.AlphaNumeric}
		if digits && !letters {
			t.Type = analysis.Numeric
		}
		out = append(out, t)
		pos++
	}
	return out
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
