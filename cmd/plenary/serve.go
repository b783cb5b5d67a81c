package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	plenary "github.com/plenary-archive/plenary"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/generator/preview"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the archive's root")
	port := fl.Int("port", 1313, "port to listen on")
	bind := fl.String("bind", "127.0.0.1", "address to listen on")
	drafts := fl.Bool("drafts", false, "include reports marked draft")
	if err := fl.Parse(args); err != nil {
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, *source, *bind, *port, *drafts, stdout, stderr, nil)
}

// serve runs the preview until ctx ends; ready, when set, receives the
// address once the server listens (tests use port 0).
func serve(ctx context.Context, source, bind string, port int, drafts bool, stdout, stderr io.Writer, ready chan<- string) error {
	p, err := preview.Listen(preview.ListenOptions{Source: source, Bind: bind, Port: port, Drafts: drafts, Sample: plenary.Sample, Log: stderr, Memory: memory.Budgets()})
	if err != nil {
		return err
	}
	if p.Sample() {
		fmt.Fprintf(stdout, "no content/ in %s: serving the bundled archive\n", source)
	}
	if res := p.Result(); res != nil {
		fmt.Fprintf(stdout, "serving %d reports at %s (Ctrl+C to stop)\n", len(res.Site.Reports), p.URL)
	} else {
		fmt.Fprintf(stdout, "serving at %s: the site does not build yet; the browser shows why\n", p.URL)
	}
	if ready != nil {
		ready <- p.Addr().String()
	}
	return p.Serve(ctx)
}
