package config

import (
	"bytes"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

var benchFront = []byte(`title = "OEWG 2021-2025 – Regular institutional dialogue"
date = 2022-04-01T14:00:00-04:00
end = 2022-04-01T17:00:00-04:00
session = "oewg-2021-2025-s2"
states = ["France", "Chile", "Iran"]
topics = ["regular-institutional-dialogue", "programme-of-action"]
`)

type benchReport struct {
	Title   string   `toml:"title"`
	Date    any      `toml:"date"`
	End     any      `toml:"end"`
	Session string   `toml:"session"`
	Kind    string   `toml:"kind"`
	States  []string `toml:"states"`
	Topics  []string `toml:"topics"`
	Source  string   `toml:"source"`
	Draft   bool     `toml:"draft"`
}

// BenchmarkDecodeStrict is a report's front matter decoded with exact
// keys, against go-toml's strict decoding alone.
func BenchmarkDecodeStrict(b *testing.B) {
	b.Run("exact", func(b *testing.B) {
		for b.Loop() {
			var r benchReport
			if err := DecodeStrict("r.md", 1, benchFront, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go-toml", func(b *testing.B) {
		for b.Loop() {
			var r benchReport
			dec := toml.NewDecoder(bytes.NewReader(benchFront)).DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
