package config

import (
	"fmt"
	"strconv"
	"strings"
)

// sizeUnits are the units a size may be written in, by their lower-case
// names.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"kb": 1000, "mb": 1000 * 1000, "gb": 1000 * 1000 * 1000,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
}

// parseSize reads a size of config.toml: nil for the default, an integer
// of bytes, or a string of a number and a unit ("2 MiB", "500KB").
func parseSize(v any) (int64, error) {
	var n int64
	switch v := v.(type) {
	case nil:
		return DefaultMaxReportSize, nil
	case int64:
		n = v
	case string:
		s := strings.TrimSpace(v)
		i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
		if i < 0 {
			i = len(s)
		}
		num, err := strconv.ParseFloat(s[:i], 64)
		unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(s[i:]))]
		if err != nil || !ok {
			return 0, fmt.Errorf("%q is not a size", v)
		}
		n = int64(num * float64(unit))
	default:
		return 0, fmt.Errorf("%v is not a size", v)
	}
	if n <= 0 {
		return 0, fmt.Errorf("%v is not a positive size", v)
	}
	return n, nil
}

// FormatSize writes n bytes for a person: "2 MiB", "2.1 MiB", "800 KiB";
// whole units only when n is one.
func FormatSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		switch {
		case n >= u.size && n%u.size == 0:
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		case n >= u.size:
			return fmt.Sprintf("%.1f %s", float64(n)/float64(u.size), u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
