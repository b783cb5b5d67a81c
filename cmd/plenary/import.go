package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/build"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/importer"
)

func importCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the archive's root")
	session := fl.String("session", "", "file the reports under this session (default: chosen by date)")
	force := fl.Bool("force", false, "overwrite existing files")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: plenary import [--source DIR] [--session KEY] [--force] FILE...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return errUsage
	}
	root := os.DirFS(*source)
	archive, err := content.Load(root)
	if archive == nil {
		return err
	}
	spans := make([]importer.Span, 0, len(archive.Sessions))
	known := map[string]bool{}
	for _, s := range archive.Sessions {
		spans = append(spans, importer.Span{Key: s.Key, Start: s.Start, End: s.End})
		known[s.Key] = true
	}
	if *session != "" && !known[*session] {
		return fmt.Errorf("--session %q: no such session in %s (see content/sessions/)", *session, content.SessionsDir)
	}

	var problems generator.ErrorList
	var written []string
	for _, name := range fl.Args() {
		path, err := importOne(name, *source, *session, *force, archive, spans)
		if err != nil {
			var pe *importer.ParseError
			if errors.As(err, &pe) {
				problems.Add(&generator.Error{Path: pe.Name, Line: pe.Line, Msg: pe.Msg, Hint: pe.Hint})
			} else {
				problems.Add(&generator.Error{Path: name, Msg: err.Error()})
			}
			continue
		}
		written = append(written, path)
	}
	if len(written) > 0 {
		describe(written, root, stdout)
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// importOne converts one file and writes it; it returns the path written,
// relative to the archive's root.
func importOne(name, source, session string, force bool, archive *content.Archive, spans []importer.Span) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	rep, err := importer.Parse(name, data, archive.Config.Location)
	if err != nil {
		return "", err
	}
	key := session
	if key == "" {
		if key, err = importer.ChooseSession(rep.Start, spans); err != nil {
			return "", err
		}
	}
	slug := rep.Start.Format("2006-01-02") + "-" + gazetteer.Slugify(rep.Title)
	rel := filepath.ToSlash(filepath.Join(content.ReportsDir, rep.Start.Format("2006"), slug+".md"))
	path := filepath.Join(source, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err == nil && !force {
		return "", fmt.Errorf("%s exists: pass --force to overwrite it", rel)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(path, rep.Source(key), 0o644); err != nil {
		return "", err
	}
	return rel, nil
}

// describe prints each written report with the states and topics the build
// will find in it, by assembling the archive as a build does.
func describe(written []string, root fs.FS, stdout io.Writer) {
	s, _, problems, _, err := build.Load(build.Options{Root: root, Drafts: true})
	byPath := map[string]*generator.Report{}
	if err == nil && s != nil {
		for _, r := range s.Reports {
			byPath[r.SourcePath] = r
		}
	}
	for _, p := range written {
		fmt.Fprintf(stdout, "wrote %s\n", p)
		r := byPath[p]
		if r == nil {
			fmt.Fprintf(stdout, "  (the archive has other problems, so nothing was detected: run plenary build to see them; %d found)\n", len(problems.Errors()))
			continue
		}
		var states, topics []string
		for _, st := range r.States {
			states = append(states, st.Name)
		}
		for _, t := range r.Topics {
			topics = append(topics, t.Key)
		}
		fmt.Fprintf(stdout, "  session: %s\n  states (%d): %s\n  topics (%d): %s\n", r.Session.Key,
			len(states), orNone(strings.Join(states, ", ")), len(topics), orNone(strings.Join(topics, ", ")))
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
