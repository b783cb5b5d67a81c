package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/ingest"
	"github.com/plenary-archive/plenary/generator/scaffold"
)

const newUsage = `usage:
  plenary new report "Title" [--session KEY] [--date YYYY-MM-DD]
  plenary new session KEY [--title "…"] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--process KEY]
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
	process := fl.String("process", "", "session: the key of its process (content/processes/)")
	pos, err := parseInterspersed(fl, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 2 {
		fl.Usage()
		return errUsage
	}
	root, err := content.OpenRoot(*source, nil)
	if err != nil {
		return err
	}
	defer root.Close()
	archive, err := content.Load(root.FS())
	if archive == nil {
		return err
	}
	cfg := archive.Config
	today := time.Now().In(cfg.Location).Format(time.DateOnly)
	day := func(v, def string) (time.Time, error) {
		if v == "" {
			v = def
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: write a date such as 2022-03-28", v)
		}
		return d, nil
	}
	var rel string
	var text []byte
	switch pos[0] {
	case "report":
		d, err := day(*date, today)
		if err != nil {
			return err
		}
		spans := ingest.Spans(archive)
		key := *session
		if key == "" {
			if key, err = ingest.ChooseSession(d, d, spans); err != nil {
				return err
			}
		} else if err := ingest.CheckSession(key, d, d, spans); err != nil {
			return err
		}
		if rel, err = scaffold.ReportPath(d, pos[1]); err != nil {
			return err
		}
		text = scaffold.NewReport(pos[1], d, key)
	case "session", "topic":
		key := pos[1]
		if err := scaffold.CheckKey(key); err != nil {
			return err
		}
		t := *title
		if t == "" {
			t = scaffold.TitleFromKey(key)
		}
		if pos[0] == "topic" {
			rel, text = scaffold.TopicPath(key), scaffold.NewTopic(t)
			break
		}
		first, err := day(*start, today)
		if err != nil {
			return err
		}
		last, err := day(*end, first.Format(time.DateOnly))
		if err != nil {
			return err
		}
		if last.Before(first) {
			return fmt.Errorf("--end %s is before --start %s", last.Format(time.DateOnly), first.Format(time.DateOnly))
		}
		if *process != "" && !hasProcess(archive, *process) {
			return fmt.Errorf("--process %q: no such process in %s", *process, content.ProcessesDir)
		}
		rel, text = scaffold.SessionPath(key), scaffold.NewSession(t, *process, first, last)
	default:
		fl.Usage()
		return errUsage
	}
	w, err := scaffold.Open(*source)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Create(rel, text); err != nil {
		return fmt.Errorf("%w: edit it, or choose another title or key", err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", rel)
	return nil
}

func hasProcess(a *content.Archive, key string) bool {
	for _, p := range a.Processes {
		if p.Key == key {
			return true
		}
	}
	return false
}
