package metadata

import (
	"github.com/plenary-archive/plenary/generator/jsonstring"

	"encoding/json"
	"sort"
)

// appendLD appends v, a JSON-LD value (a node, a list of nodes, a
// string), as encoding/json encodes it (keys sorted, "<", ">" and "&"
// escaped), without its reflection: every page has a description, and
// encoding them by reflection was a large part of rendering small pages.
// FuzzAppendLD holds it to encoding/json.
func appendLD(b []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return appendJSString(b, v)
	case ld:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSString(b, k)
			b = append(b, ':')
			b = appendLD(b, v[k])
		}
		return append(b, '}')
	case []ld:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, n := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendLD(b, n)
		}
		return append(b, ']')
	}
	data, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, data...)
}

// appendJSString appends s as a JSON string escaped for a script element.
func appendJSString(b []byte, s string) []byte { return jsonstring.Append(b, s, true) }
