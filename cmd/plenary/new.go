package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/importer"
)

const newUsage = `usage:
  plenary new report "Title" [--session KEY] [--date YYYY-MM-DD]
  plenary new session KEY [--title "…"] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
  plenary new topic KEY [--title "…"]`

func newCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprintln(stderr, newUsage); fl.PrintDefaults() }
	source := fl.String("source", ".", "the archive's root")
	session := fl.String("session", "", "report: its session (default: chosen by date)")
	date := fl.String("date", "", "report: its date (default: today in the meeting time zone)")
	title := fl.String("title", "", "session or topic: its title (default: from the key)")
	start := fl.String("start", "", "session: first day (default: today)")
	end := fl.String("end", "", "session: last day (default: the first day)")
	pos, err := parseInterspersed(fl, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 2 {
		fl.Usage()
		return errUsage
	}
	archive, err := content.Load(os.DirFS(*source))
	if archive == nil {
		return err
	}
	cfg := archive.Config
	today := time.Now().In(cfg.Location).Format("2006-01-02")
	var rel string
	var text []byte
	switch pos[0] {
	case "report":
		day := *date
		if day == "" {
			day = today
		}
		d, err := time.ParseInLocation("2006-01-02", day, cfg.Location)
		if err != nil {
			return fmt.Errorf("--date %q: write a date such as 2022-03-28", day)
		}
		key := *session
		if key == "" {
			spans := make([]importer.Span, 0, len(archive.Sessions))
			for _, s := range archive.Sessions {
				spans = append(spans, importer.Span{Key: s.Key, Start: s.Start, End: s.End})
			}
			if key, err = importer.ChooseSession(d, spans); err != nil {
				return err
			}
		} else if !hasSession(archive, key) {
			return fmt.Errorf("--session %q: no such session in %s", key, content.SessionsDir)
		}
		slug := day + "-" + gazetteer.Slugify(pos[1])
		rel = fmt.Sprintf("%s/%s/%s.md", content.ReportsDir, day[:4], slug)
		text = frontMatter([][2]any{
			{"title", pos[1]}, {"date", toml.LocalDate{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}},
			{"session", key}, {"kind", "event-report"}, {"states", []string{}}, {"topics", []string{}}, {"source", ""},
		})
	case "session", "topic":
		key := pos[1]
		if gazetteer.Slugify(key) != key {
			return fmt.Errorf("%q cannot be a key: use lower-case letters, digits and hyphens, e.g. %q", key, gazetteer.Slugify(key))
		}
		t := *title
		if t == "" {
			t = strings.ToUpper(key[:1]) + strings.ReplaceAll(key[1:], "-", " ")
		}
		if pos[0] == "session" {
			first, last := *start, *end
			if first == "" {
				first = today
			}
			if last == "" {
				last = first
			}
			var days [2]toml.LocalDate
			for i, v := range []string{first, last} {
				d, err := time.Parse("2006-01-02", v)
				if err != nil {
					return fmt.Errorf("%q: write a date such as 2022-03-28", v)
				}
				days[i] = toml.LocalDate{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
			}
			rel = content.SessionsDir + "/" + key + ".md"
			text = frontMatter([][2]any{{"title", t}, {"process", ""}, {"start", days[0]}, {"end", days[1]}, {"location", ""}})
		} else {
			rel = content.TopicsDir + "/" + key + ".md"
			text = frontMatter([][2]any{{"title", t}, {"summary", ""}, {"keywords", []string{}}})
		}
	default:
		fl.Usage()
		return errUsage
	}
	path := filepath.Join(*source, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists: edit it, or choose another title or key", rel)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, text, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", rel)
	return nil
}

func hasSession(a *content.Archive, key string) bool {
	for _, s := range a.Sessions {
		if s.Key == key {
			return true
		}
	}
	return false
}

// frontMatter writes keys in the given order, each value encoded by
// go-toml so that quotes and backslashes in a title are safe.
func frontMatter(fields [][2]any) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, f := range fields {
		v, err := toml.Marshal(map[string]any{f[0].(string): f[1]})
		if err != nil {
			panic(err) // strings, dates and string lists always encode
		}
		b.Write(v)
	}
	b.WriteString("+++\n\n")
	return []byte(b.String())
}
