package config

import (
	"bytes"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/plenary-archive/plenary/generator"
)

// keyUse is one key of a TOML document as written: its dotted path, as
// the decoder resolves it, and where it starts in the TOML text (its
// line is counted only when a problem or Config.Line asks for it).
type keyUse struct {
	path []string
	off  int
}

// lineAt is the 1-based line of the byte offset off in data.
func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:min(off, len(data))], []byte("\n"))
}

// scanKeys lists every key of a TOML document with its line, in document
// order. It returns ok false on a syntax error, which the decoder reports.
func scanKeys(data []byte) (keys []keyUse, ok bool) {
	p := parsers.Get().(*unstable.Parser)
	defer parsers.Put(p)
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var off int
			table, off = keyPath(nil, e.Key())
			// A table header is a key too: "[Search]" is as wrong as
			// "Search.index".
			for i := range table {
				keys = append(keys, keyUse{path: table[: i+1 : i+1], off: off})
			}
		case unstable.KeyValue:
			keys = valueKeys(p, table, e, keys)
		}
	}
	return keys, p.Error() == nil
}

// parsers are reused: every report's front matter is scanned, and a
// parser's node arena is most of what a scan allocates.
var parsers = sync.Pool{New: func() any { return new(unstable.Parser) }}

// valueKeys adds the keys of a key/value expression: its own, and those of
// inline tables in its value.
func valueKeys(p *unstable.Parser, prefix []string, kv *unstable.Node, keys []keyUse) []keyUse {
	path, off := keyPath(prefix, kv.Key())
	keys = append(keys, keyUse{path: path, off: off})
	return nestedKeys(p, path, kv.Value(), keys)
}

func nestedKeys(p *unstable.Parser, path []string, v *unstable.Node, keys []keyUse) []keyUse {
	switch v.Kind {
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				keys = valueKeys(p, path, c, keys)
			}
		}
	case unstable.Array:
		for it := v.Children(); it.Next(); {
			keys = nestedKeys(p, path, it.Node(), keys)
		}
	}
	return keys
}

// keyPath is prefix followed by the parts of a (possibly dotted) key, and
// the offset of its first part.
func keyPath(prefix []string, it unstable.Iterator) ([]string, int) {
	path := make([]string, len(prefix), len(prefix)+1)
	copy(path, prefix)
	off := -1
	for it.Next() {
		n := it.Node()
		if off < 0 {
			off = int(n.Raw.Offset)
		}
		path = append(path, string(n.Data))
	}
	return path, off
}

// fields are a struct type's TOML keys: each exact key's type, and each
// key in lower case for telling a mis-cased key from an unknown one.
type fields struct {
	types map[string]reflect.Type
	lower map[string]string
	names []string // sorted, for suggestions
}

var fieldCache sync.Map // reflect.Type → *fields

func fieldsOf(t reflect.Type) *fields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*fields)
	}
	f := &fields{types: map[string]reflect.Type{}, lower: map[string]string{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f.types[name] = sf.Type
		f.lower[strings.ToLower(name)] = name
		f.names = append(f.names, name)
	}
	sort.Strings(f.names)
	fieldCache.Store(t, f)
	return f
}

var timeType = reflect.TypeOf(time.Time{})

// checkKeys reports every key of the document that names no field of the
// type exactly: unknown keys, with the closest field when there is one,
// and keys that differ from a field only in case, which the decoder would
// otherwise take for that field.
// It also returns the paths of those keys, so that their values can be
// left out of the decoding.
func checkKeys(path string, lineOffset int, data []byte, keys []keyUse, t reflect.Type) (generator.ErrorList, [][]string) {
	var errs generator.ErrorList
	var bad [][]string
	seen := map[string]bool{}
	for _, k := range keys {
		cur := t
		for i, part := range k.path {
			cur = deref(cur)
			if cur == nil || cur.Kind() != reflect.Struct || cur == timeType {
				break // a map, an any or a value: its keys are free
			}
			f := fieldsOf(cur)
			next, ok := f.types[part]
			if ok {
				cur = next
				continue
			}
			full := strings.Join(k.path[:i+1], ".")
			if seen[full] {
				break
			}
			seen[full] = true
			hint := "remove it or correct its spelling"
			if exact, ok := f.lower[strings.ToLower(part)]; ok {
				hint = "keys are case-sensitive: write " + quote(strings.Join(append(append([]string{}, k.path[:i]...), exact), "."))
			} else if near := closest(part, f.names); near != "" {
				hint = "did you mean " + quote(strings.Join(append(append([]string{}, k.path[:i]...), near), ".")) + "?"
			}
			errs.Add(generator.Errorf(path, lineAt(data, k.off)+lineOffset, hint, "unknown field %q", full))
			bad = append(bad, k.path[:i+1])
			break
		}
	}
	return errs, bad
}

// deref steps through pointers, slices and arrays to the type a key's
// value decodes into; nil for an interface.
func deref(t reflect.Type) reflect.Type {
	for t != nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			t = t.Elem()
		case reflect.Map:
			return t
		case reflect.Interface:
			return nil
		default:
			return t
		}
	}
	return nil
}

func quote(s string) string { return `"` + s + `"` }

// closest is the field nearest to key in edit distance, when it is near
// enough to be a typing mistake.
func closest(key string, names []string) string {
	best, bestD := "", max(2, len(key)/3)+1
	for _, n := range names {
		if d := editDistance(strings.ToLower(key), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
