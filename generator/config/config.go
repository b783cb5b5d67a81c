// Package config reads an archive's config.toml into a typed, validated
// value. There are no globals: every stage receives the Config it needs.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	// The zone database is embedded so that a meeting zone resolves the
	// same on a machine without one (a container, a CI runner).
	_ "time/tzdata"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator"
)

// Config is an archive's settings.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"baseURL"`
	Language    string `toml:"language"`
	Theme       string `toml:"theme"`
	// TimeZone is the IANA zone meetings are held in: dates without an
	// offset (and plain-text imports) are read in it.
	TimeZone string       `toml:"timeZone"`
	States   StatesConfig `toml:"states"`
	Search   SearchConfig `toml:"search"`
	Build    BuildConfig  `toml:"build"`

	// Location is TimeZone loaded; set by Parse.
	Location *time.Location `toml:"-"`
	// BasePath is the path part of BaseURL, with leading and trailing
	// slashes; set by Parse.
	BasePath string `toml:"-"`
}

// StatesConfig extends the built-in gazetteer.
type StatesConfig struct {
	// Aliases maps a state's code or name to further names reports use.
	Aliases map[string][]string `toml:"aliases"`
}

// SearchConfig places the search index and the endpoint that serves it.
type SearchConfig struct {
	// Index is the folder the build writes the bleve index to, relative to
	// the archive's root; it is kept out of the published site.
	Index string `toml:"index"`
	// Endpoint is the URL the site's search form is sent to.
	Endpoint string `toml:"endpoint"`
	// Synonyms are groups of words a search treats as the same.
	Synonyms [][]string `toml:"synonyms"`
}

// BuildConfig bounds what a build accepts.
type BuildConfig struct {
	// MaxReportSize is the largest source file under content/ a build
	// reads: a number of bytes, or a string such as "2 MiB" or "500 KB".
	MaxReportSize any `toml:"maxReportSize"`
	// MaxReportBytes is MaxReportSize in bytes; set by Parse.
	MaxReportBytes int64 `toml:"-"`
}

// DefaultMaxReportSize is the largest source file a build reads unless
// config.toml says otherwise: far above a real report (tens of
// kilobytes), and far below what would keep a build busy for long.
const DefaultMaxReportSize = 2 << 20

// Default returns the settings used when an archive has no config.toml.
func Default() *Config {
	c := &Config{}
	if err := c.complete("config.toml"); err != nil {
		panic(err) // the defaults are valid by construction
	}
	return c
}

// Parse decodes and validates config.toml. Errors are positioned in path.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{}
	if err := DecodeStrict(path, 0, data, c); err != nil {
		return nil, err
	}
	if err := c.complete(path); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) complete(path string) error {
	if c.Title == "" {
		c.Title = "Plenary"
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://localhost:1313/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return generator.Errorf(path, 0, `write an absolute URL such as "https://example.org/archive/"`, "baseURL %q is not an absolute URL", c.BaseURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c.BaseURL = u.String()
	c.BasePath = u.Path
	if c.TimeZone == "" {
		c.TimeZone = "America/New_York"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return generator.Errorf(path, 0, `use an IANA zone name such as "America/New_York" or "Europe/Zurich"`, "unknown timeZone %q", c.TimeZone)
	}
	c.Location = loc
	size, err := parseSize(c.Build.MaxReportSize)
	if err != nil {
		return generator.Errorf(path, 0, `write a number of bytes or a size such as "2 MiB"`, "[build] maxReportSize: %v", err)
	}
	c.Build.MaxReportBytes = size
	if c.Search.Index == "" {
		c.Search.Index = "search.bleve"
	}
	if c.Search.Endpoint == "" {
		c.Search.Endpoint = c.BasePath + "search"
	}
	return nil
}

// Complete fills in defaults and derived fields of a Config changed in
// code (preview overrides baseURL) and validates it again.
func Complete(c *Config) (*Config, error) {
	if err := c.complete("config.toml"); err != nil {
		return nil, err
	}
	return c, nil
}

// decodeError turns a go-toml error into positioned errors; lineOffset is
// the number of lines before the TOML text in its file (front matter starts
// after its opening "+++").
func decodeError(path string, lineOffset int, err error) error {
	var list generator.ErrorList
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		for _, e := range strict.Errors {
			row, _ := e.Position()
			list.Add(generator.Errorf(path, row+lineOffset, "remove it or correct its spelling", "unknown field %q", strings.Join(e.Key(), ".")))
		}
		return list
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		list.Add(generator.Errorf(path, row+lineOffset, "fix the TOML syntax on this line", "%s", de.Error()))
		return list
	}
	list.Add(generator.Errorf(path, lineOffset+1, "check the value types against the documented fields", "%v", err))
	return list
}

// DecodeStrict decodes TOML text into v, refusing unknown fields, and
// returns positioned errors; lineOffset is how many lines of the file come
// before the TOML text. Content front matter uses it too, so every TOML
// error in the archive reads the same.
func DecodeStrict(path string, lineOffset int, data []byte, v any) error {
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(path, lineOffset, err)
	}
	return nil
}

// String describes the config briefly, for logs.
func (c *Config) String() string {
	return fmt.Sprintf("%s <%s>", c.Title, c.BaseURL)
}
