package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxNesting is how deep blocks nest in a document: a list item, block
// quote or footnote that would open deeper is read as paragraph text.
// goldmark tries every block parser at every level of a line, each over
// the rest of the line, so that a line of 40,000 nested list markers took
// minutes; real reports nest a few levels.
const MaxNesting = 64

// boundedParser is goldmark's parser with every block parser an option
// adds, the defaults and the extensions' alike, wrapped in boundedBlock.
type boundedParser struct {
	parser.Parser
}

// newBoundedParser returns goldmark's default parser with nesting bounded.
func newBoundedParser() parser.Parser {
	p := boundedParser{parser.NewParser()}
	p.AddOptions(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	return p
}

// AddOptions adds opts, with the block parsers they add bounded.
func (p boundedParser) AddOptions(opts ...parser.Option) {
	for _, o := range opts {
		c := parser.NewConfig()
		o.SetParserOption(c)
		if len(c.BlockParsers) == 0 {
			p.Parser.AddOptions(o)
			continue
		}
		bounded := make([]util.PrioritizedValue, len(c.BlockParsers))
		for i, v := range c.BlockParsers {
			bp := v.Value.(parser.BlockParser)
			if bp.Trigger() != nil { // the paragraph parser, which takes any line, stays as it is
				bp = boundedBlock{bp}
			}
			bounded[i] = util.Prioritized(bp, v.Priority)
		}
		p.Parser.AddOptions(parser.WithBlockParsers(bounded...))
	}
}

// boundedBlock is a block parser that opens no block below MaxNesting.
type boundedBlock struct {
	parser.BlockParser
}

// Open opens the block unless its parent is MaxNesting deep already.
func (b boundedBlock) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	depth := 0
	for n := parent; n != nil; n = n.Parent() {
		if depth++; depth > MaxNesting {
			return nil, parser.NoChildren
		}
	}
	return b.BlockParser.Open(parent, reader, pc)
}

// SetOption passes options on to the parser it bounds (the heading
// parser's automatic ids).
func (b boundedBlock) SetOption(name parser.OptionName, value any) {
	if so, ok := b.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}
