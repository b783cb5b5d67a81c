// Command plenary builds, previews and edits a Plenary archive.
//
//	plenary build  [--source DIR] [--dest DIR] [--drafts]
//	plenary serve  [--source DIR] [--port N] [--bind ADDR] [--drafts]
//	plenary import [--source DIR] [--session KEY] [--tz ZONE] [--force] FILE|DIR|URL...
//	plenary check  [--source DIR] [--format text|github]
//	plenary new    report "Title" [--session KEY] [--date YYYY-MM-DD] | session KEY | topic KEY
//
// Run from an archive's root (the folder with config.toml and content/).
// Without one, build and serve use the archive bundled in the binary.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/plenary-archive/plenary/generator"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: plenary <command> [flags]

commands:
  build    write the site (default into public/)
  serve    build and preview the site on http://localhost:1313
  import   convert reports (text, web pages, addresses, folders) into content/reports/
  check    validate the archive without writing anything
  new      start a report, session or topic from a template
  bench    build a generated archive and print where the time went

Run "plenary <command> -h" for a command's flags.
`

// run is main without the process: tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = buildCmd(args[1:], stdout, stderr)
	case "serve":
		err = serveCmd(args[1:], stdout, stderr)
	case "import":
		err = importCmd(args[1:], stdout, stderr)
	case "check":
		err = checkCmd(args[1:], stdout, stderr)
	case "new":
		err = newCmd(args[1:], stdout, stderr)
	case "bench":
		err = benchCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "plenary: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return report(err, stderr)
}

// errUsage marks an error the flag package already explained.
var errUsage = errors.New("usage")

func report(err error, stderr io.Writer) int {
	var stopped *interrupted
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &stopped):
		fmt.Fprintln(stderr, "plenary:", err)
		return stopped.status()
	}
	if list := generator.AsList(err); list != nil {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "plenary: %d %s\n", len(list), plural(len(list), "error", "errors"))
		return 1
	}
	fmt.Fprintln(stderr, "plenary:", err)
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
