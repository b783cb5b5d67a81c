// Package scaffold writes new sources into an archive: where a report,
// session or topic file goes (Paths), the front matter `plenary new`
// starts them with, and the write itself (Writer), which stays inside the
// archive's content/ folder, never follows a symbolic link and never
// overwrites a file unless asked to.
package scaffold

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// MaxSlug bounds the part of a report's file name made from its title:
// longer titles are cut at a word and given a short hash of the whole
// title, so that two long titles that start alike keep apart.
const MaxSlug = 60

// ErrNoSlug is the error of a title without a letter or digit to name a
// file after.
var ErrNoSlug = errors.New("the title has no letter or digit to name the file after")

// TitleSlug is the file-name part made from a title: lower-case letters,
// digits and hyphens, at most MaxSlug characters plus a hash when cut.
func TitleSlug(title string) (string, error) {
	// Slugify folds accents; letters it keeps beyond ASCII (中文) cannot
	// be in a URL the content loader accepts, so they separate words.
	var parts []string
	for p := range strings.SplitSeq(gazetteer.Slugify(title), "-") {
		if p != "" && strings.Trim(p, "abcdefghijklmnopqrstuvwxyz0123456789") == "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, "-")
	if s == "" {
		return "", fmt.Errorf("%q: %w (add words to the title)", title, ErrNoSlug)
	}
	if len(s) <= MaxSlug {
		return s, nil
	}
	cut := strings.LastIndexByte(s[:MaxSlug+1], '-')
	if cut < MaxSlug/2 {
		cut = MaxSlug
	}
	sum := sha256.Sum256([]byte(title))
	return strings.TrimRight(s[:cut], "-") + "-" + hex.EncodeToString(sum[:3]), nil
}

// ReportPath is where a report of that day and title goes, relative to
// the archive's root: content/reports/<year>/<date>-<slug>.md.
func ReportPath(day time.Time, title string) (string, error) {
	s, err := TitleSlug(title)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s/%s/%s-%s.md", content.ReportsDir, day.Format("2006"), day.Format(time.DateOnly), s), nil
}

// DistinctPath is where a report of that day and title goes when
// ReportPath holds another report, whose title makes the same file name:
// the name gets a short hash of the whole title, so that it is the same
// each time this report is imported and unlike the other's.
func DistinctPath(day time.Time, title string) (string, error) {
	rel, err := ReportPath(day, title)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(title))
	return strings.TrimSuffix(rel, ".md") + "-" + hex.EncodeToString(sum[:3]) + ".md", nil
}

// SessionPath and TopicPath are where a session or topic of that key goes.
func SessionPath(key string) string { return content.SessionsDir + "/" + key + ".md" }

// TopicPath is where a topic of that key goes.
func TopicPath(key string) string { return content.TopicsDir + "/" + key + ".md" }

// CheckKey refuses a session, topic or process key that cannot be a file
// name and a URL, naming the key that could.
func CheckKey(key string) error {
	if s := gazetteer.Slugify(key); s != key || s == "" {
		return fmt.Errorf("%q cannot be a key: use lower-case letters, digits and hyphens, e.g. %q", key, s)
	}
	return nil
}

// Field is one front-matter key and its value, in the order written.
type Field struct {
	Key   string
	Value any
}

// FrontMatter writes fields in the given order between "+++" lines, each
// value encoded by go-toml so that quotes and backslashes are safe, and
// ends with a blank line for the text.
func FrontMatter(fields ...Field) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, f := range fields {
		v, err := toml.Marshal(map[string]any{f.Key: f.Value})
		if err != nil {
			panic(err) // strings, dates and string lists always encode
		}
		b.Write(v)
	}
	b.WriteString("+++\n\n")
	return []byte(b.String())
}

// Day is a date as TOML writes a local date.
func Day(t time.Time) toml.LocalDate {
	return toml.LocalDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// NewReport is the source `plenary new report` starts a report with.
func NewReport(title string, day time.Time, session string) []byte {
	return FrontMatter(Field{"title", title}, Field{"date", Day(day)}, Field{"session", session},
		Field{"kind", "event-report"}, Field{"states", []string{}}, Field{"topics", []string{}}, Field{"source", ""})
}

// NewSession is the source `plenary new session` starts a session with.
func NewSession(title, process string, start, end time.Time) []byte {
	return FrontMatter(Field{"title", title}, Field{"process", process}, Field{"start", Day(start)},
		Field{"end", Day(end)}, Field{"location", ""})
}

// NewTopic is the source `plenary new topic` starts a topic with.
func NewTopic(title string) []byte {
	return FrontMatter(Field{"title", title}, Field{"summary", ""}, Field{"keywords", []string{}})
}

// TitleFromKey makes a title of a key: "capacity-building" → "Capacity
// building".
func TitleFromKey(key string) string {
	if key == "" {
		return ""
	}
	return strings.ToUpper(key[:1]) + strings.ReplaceAll(key[1:], "-", " ")
}
