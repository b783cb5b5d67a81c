package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/pipeline"
)

func checkCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the archive's root")
	format := fl.String("format", "text", `"text", or "github" for GitHub Actions annotations`)
	var endpoint optionalString
	fl.Var(&endpoint, "search-endpoint", searchEndpointUsage)
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "plenary check: unknown --format %q (text or github)\n", *format)
		return errUsage
	}
	root, err := content.OpenRoot(*source, nil)
	if err != nil {
		return err
	}
	defer root.Close()
	s, cfg, problems, _, err := pipeline.Load(pipeline.Options{Root: root.FS(), SearchEndpoint: endpoint.ptr()})
	if err != nil {
		return err
	}
	for _, p := range problems {
		if *format == "github" {
			fmt.Fprintln(stdout, annotation(p))
		} else {
			fmt.Fprintln(stdout, p)
		}
	}
	if cfg != nil && cfg.Search.URL == "" {
		line := 0
		if !endpoint.set {
			line = cfg.Line("search.endpoint")
		}
		fmt.Fprintln(stdout, noSearchNote(*format, line))
	}
	errs, warns := len(problems.Errors()), len(problems.Warnings())
	if errs > 0 {
		return fmt.Errorf("check found %d %s and %d %s", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	}
	fmt.Fprintf(stdout, "ok: %d reports, %d sessions, %d states, %d topics; %d %s\n",
		len(s.Reports), len(s.Sessions), len(s.States), len(s.Topics), warns, plural(warns, "warning", "warnings"))
	return nil
}

// annotation is a problem as a GitHub Actions workflow command, so a pull
// request shows it on the line that has it.
func annotation(e *generator.Error) string {
	level := "error"
	if e.Warning {
		level = "warning"
	}
	msg := e.Msg
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	props := "file=" + escapeProperty(e.Path)
	if e.Line > 0 {
		props += fmt.Sprintf(",line=%d", e.Line)
	}
	return fmt.Sprintf("::%s %s::%s", level, props, escapeData(msg))
}

// escapeData and escapeProperty follow the workflow-command encoding, so a
// message with a newline or a comma stays one annotation.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// noSearchNote says, as a note and not a problem, that the site is built
// without a search endpoint, and how to turn search on.
func noSearchNote(format string, line int) string {
	const msg = "the site is built without search: where the search box would be, its pages link the sessions, states, topics and processes. " +
		"To turn search on, run plenary-search with the index plenary build writes (docs/deploy.md), " +
		"then remove [search] endpoint (the endpoint beside the site, under baseURL) or set it to the endpoint's URL; " +
		"or build with --search-endpoint URL (the publish workflow: the repository variable SEARCH_ENDPOINT)"
	if format == "github" {
		props := "file=" + escapeProperty(content.ConfigFile)
		if line > 0 {
			props += fmt.Sprintf(",line=%d", line)
		}
		return "::notice " + props + "::" + escapeData(msg)
	}
	where := content.ConfigFile
	if line > 0 {
		where += fmt.Sprintf(":%d", line)
	}
	return "note: " + where + ": " + msg
}
