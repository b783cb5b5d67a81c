// Package config reads an archive's config.toml into a typed, validated
// value. There are no globals: every stage receives the Config it needs.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"sort"
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
	Import   ImportConfig `toml:"import"`

	// Location is TimeZone loaded; set by Parse.
	Location *time.Location `toml:"-"`
	// BasePath is the path part of BaseURL, with leading and trailing
	// slashes; set by Parse.
	BasePath string `toml:"-"`

	// lines maps each key of config.toml (dotted: "search.index") to its
	// line, for problems found after decoding.
	lines map[string]int
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
	// Endpoint is where the site's search form is sent, as written: nil
	// (no key) means "search" under baseURL; "" means the published site
	// has no search endpoint, and says so where the search box would be; a
	// relative address ("search", or "/search") is relative to baseURL; an
	// absolute one (an endpoint on another host) is kept as given.
	Endpoint *string `toml:"endpoint"`
	// Synonyms are groups of words a search treats as the same.
	Synonyms [][]string `toml:"synonyms"`

	// URL is Endpoint resolved, set by Parse: a path under BasePath
	// ("/archive/search") for an endpoint on the site's host, the address
	// as given for one elsewhere, "" for none.
	URL string `toml:"-"`
}

// DefaultEndpoint is where the search form is sent unless config.toml
// says otherwise: "search" under the base URL, beside the site's own
// /search/ page.
const DefaultEndpoint = "search"

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

// ImportConfig sets how `plenary import` reads reports.
type ImportConfig struct {
	// TimeZone is the IANA zone of imported times that name no zone;
	// empty means the archive's timeZone.
	TimeZone string `toml:"timeZone"`
	// Kinds are report kinds the importer knows besides its own, as keys
	// ("webinar-report"): an unknown kind is imported with a warning.
	Kinds []string `toml:"kinds"`
	// Drop lists page furniture to remove from imported text: a line as
	// written (matched ignoring case and the punctuation around it), or a
	// regular expression between slashes ("/^Photo: .*$/") matched
	// against a whole line, ignoring case.
	Drop []string `toml:"drop"`
	// DefaultDrop, when false, turns off the importer's own list of
	// furniture (tables of contents, AI disclaimers, share buttons).
	DefaultDrop *bool `toml:"defaultDrop"`

	// Location is TimeZone loaded, or the archive's zone; set by Parse.
	Location *time.Location `toml:"-"`
}

// Default returns the settings used when an archive has no config.toml.
func Default() *Config {
	c := &Config{}
	if err := c.complete("config.toml"); err != nil {
		panic(err) // the defaults are valid by construction
	}
	return c
}

// Parse decodes and validates config.toml. Errors are positioned in path,
// every one of them: the decoding's and the values'.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{}
	lines, err := decodeStrict(path, 0, data, c, true)
	c.lines = lines
	list := generator.AsList(err)
	if err != nil && list == nil {
		return nil, err
	}
	if lines == nil && err != nil {
		return nil, err // a syntax error: nothing decoded to check
	}
	if cerr := c.complete(path); cerr != nil {
		list = append(list, generator.AsList(cerr)...)
	}
	if len(list) > 0 {
		list.Sort()
		return nil, list
	}
	return c, nil
}

// Line is the line of key (dotted: "search.index") in config.toml, or 0
// when the key is not there.
func (c *Config) Line(key string) int { return c.lines[key] }

func (c *Config) complete(path string) error {
	var list generator.ErrorList
	bad := func(key, hint, format string, args ...any) {
		list.Add(generator.Errorf(path, c.Line(key), hint, format, args...))
	}
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
	if u, err := url.Parse(c.BaseURL); err != nil || u.Scheme == "" || u.Host == "" {
		bad("baseURL", `write an absolute URL such as "https://example.org/archive/"`, "baseURL %q is not an absolute URL", c.BaseURL)
	} else {
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		c.BaseURL = u.String()
		c.BasePath = u.Path
	}
	if c.TimeZone == "" {
		c.TimeZone = "America/New_York"
	}
	const zoneHint = `use an IANA zone name such as "America/New_York" or "Europe/Zurich"`
	if loc, err := time.LoadLocation(c.TimeZone); err != nil {
		bad("timeZone", zoneHint, "unknown timeZone %q", c.TimeZone)
		c.Location = time.UTC
	} else {
		c.Location = loc
	}
	c.Import.Location = c.Location
	if c.Import.TimeZone != "" {
		if loc, err := time.LoadLocation(c.Import.TimeZone); err != nil {
			bad("import.timeZone", zoneHint, "unknown [import] timeZone %q", c.Import.TimeZone)
		} else {
			c.Import.Location = loc
		}
	}
	for _, k := range c.Import.Kinds {
		if !isKey(k) {
			bad("import.kinds", `write kinds as keys: lower-case letters, digits and hyphens, like "webinar-report"`, "[import] kinds: %q is not a key", k)
		}
	}
	for _, d := range c.Import.Drop {
		if err := CheckDropEntry(d); err != nil {
			bad("import.drop", `write a line as it appears, or a regular expression between slashes, like "/^Photo: .*$/"`, "[import] drop: %v", err)
		}
	}
	if size, err := parseSize(c.Build.MaxReportSize); err != nil {
		bad("build.maxReportSize", `write a number of bytes or a size such as "2 MiB"`, "[build] maxReportSize: %v", err)
	} else {
		c.Build.MaxReportBytes = size
	}
	if c.Search.Index == "" {
		c.Search.Index = "search.bleve"
	}
	if u, err := searchURL(c.Search.Endpoint, c.BasePath); err != nil {
		bad("search.endpoint", `write a path under baseURL ("search"), an absolute URL ("https://search.example.org/search"), or "" for a site without search`, "[search] endpoint: %v", err)
	} else {
		c.Search.URL = u
	}
	return list.Err()
}

// CheckDropEntry tells whether an [import] drop entry is usable: a line
// with some text, or a regular expression between slashes that compiles.
func CheckDropEntry(d string) error {
	t := strings.TrimSpace(d)
	if t == "" {
		return errors.New("an empty entry")
	}
	if len(t) >= 2 && strings.HasPrefix(t, "/") && strings.HasSuffix(t, "/") {
		if _, err := regexp.Compile("(?i)" + t[1:len(t)-1]); err != nil {
			return fmt.Errorf("%q: %v", d, err)
		}
	}
	return nil
}

// isKey tells whether s is lower-case letters and digits joined by single
// hyphens.
func isKey(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Complete fills in defaults and derived fields of a Config changed in
// code (preview overrides baseURL) and validates it again.
func Complete(c *Config) (*Config, error) {
	if err := c.complete("config.toml"); err != nil {
		return nil, err
	}
	return c, nil
}

// DecodeStrict decodes TOML text into v and returns every problem as
// positioned errors; lineOffset is how many lines of the file come before
// the TOML text. Keys are exact: an unknown key, or one that differs from
// a field only in case, is an error naming the field meant. A syntax error
// stops the decoding; a value of the wrong type is reported for its key
// and the other keys still decode, so that one run lists every problem.
// Content front matter uses it too, so every TOML error in the archive
// reads the same.
func DecodeStrict(path string, lineOffset int, data []byte, v any) error {
	_, err := decodeStrict(path, lineOffset, data, v, false)
	return err
}

// DecodeAll is DecodeStrict that also tells whether v holds what could be
// decoded: true unless the TOML does not parse. The caller can then check
// the fields that did decode and report their problems in the same run.
func DecodeAll(path string, lineOffset int, data []byte, v any) (decoded bool, err error) {
	keys, err := decodeStrict(path, lineOffset, data, v, false)
	return keys != nil, err
}

// decodeStrict is DecodeStrict that also returns, with withLines, the line
// of every key (dotted paths), so that problems found after decoding can
// name a line; without, a map that is empty but not nil when the TOML
// parsed.
func decodeStrict(path string, lineOffset int, data []byte, v any, withLines bool) (map[string]int, error) {
	keys, syntaxOK := scanKeys(data)
	if !syntaxOK {
		err := toml.Unmarshal(data, v)
		if err == nil {
			err = errors.New("the TOML does not parse")
		}
		return nil, generator.ErrorList{generator.Errorf(path, errorLine(err)+lineOffset, "fix the TOML syntax on this line", "%s", errText(err))}
	}
	list, bad := checkKeys(path, lineOffset, data, keys, reflect.TypeOf(v))
	decodeFrom := data
	if len(bad) > 0 {
		// The decoder matches keys regardless of case: decode without
		// the wrong keys, so that "baseurl" never stands in for baseURL.
		decodeFrom = without(data, bad)
	}
	if err := toml.Unmarshal(decodeFrom, v); err != nil {
		list = append(list, typeErrors(path, lineOffset, decodeFrom, data, keys, v)...)
	}
	lines := parsed
	if withLines {
		lines = make(map[string]int, len(keys))
		for _, k := range keys {
			p := strings.Join(k.path, ".")
			if _, seen := lines[p]; !seen {
				lines[p] = lineAt(data, k.off) + lineOffset
			}
		}
	}
	if len(list) > 0 {
		list.Sort()
		return lines, list
	}
	return lines, nil
}

// parsed is the lines of a document whose lines were not asked for: empty,
// and not nil, to tell that the TOML parsed. Nobody writes to it.
var parsed = map[string]int{}

// errorLine is the line a go-toml error points at, or 1.
func errorLine(err error) int {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return row
	}
	return 1
}

// without is the TOML document data with the keys at paths removed.
func without(data []byte, paths [][]string) []byte {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return data
	}
	for _, p := range paths {
		remove(doc, p)
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		return data
	}
	return out
}

func remove(v any, path []string) {
	switch m := v.(type) {
	case map[string]any:
		if len(path) == 1 {
			delete(m, path[0])
			return
		}
		remove(m[path[0]], path[1:])
	case []any:
		for _, e := range m {
			remove(e, path)
		}
	case []map[string]any:
		for _, e := range m {
			remove(e, path)
		}
	}
}

func errText(err error) string {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		return de.Error()
	}
	return err.Error()
}

// typeErrors decodes each top-level key on its own to report every value
// of the wrong type at its line, then decodes the keys that are right into
// v, so that checks of the other fields can still run.
// data is what is decoded; original, the text the keys' offsets are in.
func typeErrors(path string, lineOffset int, data, original []byte, keys []keyUse, v any) generator.ErrorList {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		// Not a type: a key defined twice, which the decoder finds.
		return generator.ErrorList{generator.Errorf(path, errorLine(err)+lineOffset, "fix the TOML on this line", "%s", errText(err))}
	}
	line := func(key string) int {
		for _, k := range keys {
			if k.path[0] == key {
				return lineAt(original, k.off) + lineOffset
			}
		}
		return lineOffset + 1
	}
	var list generator.ErrorList
	good := map[string]any{}
	names := make([]string, 0, len(doc))
	for k := range doc {
		names = append(names, k)
	}
	sort.Strings(names)
	t := reflect.TypeOf(v).Elem()
	for _, k := range names {
		one, err := toml.Marshal(map[string]any{k: doc[k]})
		if err == nil {
			err = toml.Unmarshal(one, reflect.New(t).Interface())
		}
		if err != nil {
			list.Add(generator.Errorf(path, line(k), "check the value's type against the documented fields", "%s: %s", k, typeMessage(err)))
			continue
		}
		good[k] = doc[k]
	}
	if rest, err := toml.Marshal(good); err == nil {
		_ = toml.Unmarshal(rest, v)
	}
	return list
}

// typeMessage is go-toml's message without its prefix and Go type names
// an editor does not know.
func typeMessage(err error) string {
	msg := strings.TrimPrefix(errText(err), "toml: ")
	if i := strings.Index(msg, " into struct field "); i >= 0 {
		if what, ok := strings.CutPrefix(msg[:i], "cannot decode TOML "); ok {
			return "a TOML " + what + " does not fit this field"
		}
		return msg[:i]
	}
	return msg
}

// String describes the config briefly, for logs.
func (c *Config) String() string {
	return fmt.Sprintf("%s <%s>", c.Title, c.BaseURL)
}
