package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/importer"
	"github.com/plenary-archive/plenary/generator/ingest"
	"github.com/plenary-archive/plenary/generator/pipeline"
)

func importCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the archive's root")
	session := fl.String("session", "", "file the reports under this session, which must hold their dates (default: chosen by date)")
	force := fl.Bool("force", false, "replace reports imported before")
	tz := fl.String("tz", "", `zone of times the reports do not name (default: [import] timeZone, else timeZone), e.g. "UTC"`)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: plenary import [--source DIR] [--session KEY] [--tz ZONE] [--force] FILE|DIR|URL...")
		fl.PrintDefaults()
	}
	inputs, err := parseInterspersed(fl, args)
	if err != nil {
		return errUsage
	}
	if len(inputs) == 0 {
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
	im, err := ingest.NewImporter(archive.Config, *tz)
	if err != nil {
		return err
	}
	sum, err := ingest.Run(context.Background(), archive, inputs, ingest.Options{Dir: *source, Session: *session, Force: *force, Importer: im})
	if err != nil {
		return err
	}
	var problems generator.ErrorList
	var written []ingest.Outcome
	for _, o := range sum.Outcomes {
		switch o.Status {
		case ingest.Written, ingest.Replaced:
			written = append(written, o)
		case ingest.Skipped:
			fmt.Fprintf(stdout, "skipped %s: %s exists (pass --force to replace it)\n", o.Input, o.Path)
		case ingest.Refused:
			problems.Add(asProblem(o))
		}
	}
	if len(written) > 0 {
		describe(written, root.FS(), stdout)
	}
	if len(sum.Outcomes) > 1 {
		fmt.Fprintf(stdout, "imported %d: %d written, %d replaced, %d skipped as existing, %d refused\n", len(sum.Outcomes),
			sum.Count(ingest.Written), sum.Count(ingest.Replaced), sum.Count(ingest.Skipped), sum.Count(ingest.Refused))
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// asProblem is why an input was refused, positioned when the importer
// knows the line.
func asProblem(o ingest.Outcome) *generator.Error {
	var pe *importer.ParseError
	if errors.As(o.Err, &pe) {
		return &generator.Error{Path: pe.Name, Line: pe.Line, Msg: pe.Msg, Hint: pe.Hint}
	}
	var pathErr *fs.PathError
	if errors.As(o.Err, &pathErr) {
		return &generator.Error{Path: o.Input, Msg: pathErr.Err.Error()}
	}
	return &generator.Error{Path: o.Input, Msg: o.Err.Error()}
}

// describe prints each written report with what the import noted and the
// states and topics the build will find in it, by assembling the archive
// as a build does.
func describe(written []ingest.Outcome, root fs.FS, stdout io.Writer) {
	s, _, problems, _, err := pipeline.Load(pipeline.Options{Root: root, Drafts: true})
	byPath := map[string]*generator.Report{}
	if err == nil && s != nil {
		for _, r := range s.Reports {
			byPath[r.SourcePath] = r
		}
	}
	for _, o := range written {
		fmt.Fprintf(stdout, "wrote %s\n", o.Path)
		for _, n := range o.Report.Notes {
			prefix := "  "
			if n.Warning {
				prefix = "  warning: "
			}
			if n.Line > 0 {
				fmt.Fprintf(stdout, "%sline %d: %s\n", prefix, n.Line, n.Msg)
			} else {
				fmt.Fprintf(stdout, "%s%s\n", prefix, n.Msg)
			}
		}
		r := byPath[o.Path]
		if r == nil {
			fmt.Fprintf(stdout, "  (the archive has other problems, so nothing was detected: run plenary check to see them; %d found)\n", len(problems.Errors()))
			continue
		}
		var states, topics []string
		for _, st := range r.States {
			states = append(states, st.Name)
		}
		for _, t := range r.Topics {
			topics = append(topics, t.Key)
		}
		fmt.Fprintf(stdout, "  session: %s\n  paragraphs: %d\n  states (%d): %s\n  topics (%d): %s\n", r.Session.Key, o.Report.Paragraphs,
			len(states), orNone(strings.Join(states, ", ")), len(topics), orNone(strings.Join(topics, ", ")))
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
