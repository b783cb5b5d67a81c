package config

import (
	"strings"
	"testing"
)

func TestMaxReportSize(t *testing.T) {
	tests := []struct {
		toml string
		want int64 // 0: an error
	}{
		{"", DefaultMaxReportSize},
		{"[build]\nmaxReportSize = 1000\n", 1000},
		{"[build]\nmaxReportSize = \"2 MiB\"\n", 2 << 20},
		{"[build]\nmaxReportSize = \"500KB\"\n", 500000},
		{"[build]\nmaxReportSize = \"1.5 mib\"\n", 3 << 19},
		{"[build]\nmaxReportSize = \"100\"\n", 100},
		{"[build]\nmaxReportSize = 0\n", 0},
		{"[build]\nmaxReportSize = -5\n", 0},
		{"[build]\nmaxReportSize = \"big\"\n", 0},
		{"[build]\nmaxReportSize = \"2 parsecs\"\n", 0},
		{"[build]\nmaxReportSize = 2.5\n", 0},
	}
	for _, tc := range tests {
		c, err := Parse("config.toml", []byte(tc.toml))
		switch {
		case tc.want == 0 && err == nil:
			t.Errorf("%q: no error, size %d", tc.toml, c.Build.MaxReportBytes)
		case tc.want == 0 && !strings.Contains(err.Error(), "maxReportSize"):
			t.Errorf("%q: the error %q does not name maxReportSize", tc.toml, err)
		case tc.want != 0 && err != nil:
			t.Errorf("%q: %v", tc.toml, err)
		case tc.want != 0 && c.Build.MaxReportBytes != tc.want:
			t.Errorf("%q: %d bytes, want %d", tc.toml, c.Build.MaxReportBytes, tc.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		2 << 20: "2 MiB", 2<<20 + 1: "2.0 MiB", 3 << 19: "1.5 MiB", 800 << 10: "800 KiB", 1500: "1.5 KiB", 12: "12 bytes", 1 << 30: "1 GiB",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
