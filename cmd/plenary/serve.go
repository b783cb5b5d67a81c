package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	plenary "github.com/plenary-archive/plenary"
	"github.com/plenary-archive/plenary/generator/build"
	"github.com/plenary-archive/plenary/generator/preview"
	"github.com/plenary-archive/plenary/generator/search"
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
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return err
	}
	host := bind
	if host == "127.0.0.1" || host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	baseURL := "http://" + net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"

	_, bundled, err := archiveRoot(source)
	if err != nil {
		ln.Close()
		return err
	}
	if bundled {
		// The bundled archive is written out so that it can be previewed
		// and watched like any other.
		dir, err := os.MkdirTemp("", "plenary-bundle-")
		if err != nil {
			ln.Close()
			return err
		}
		defer os.RemoveAll(dir)
		if err := os.CopyFS(dir, plenary.Bundle); err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintf(stdout, "no content/ in %s: serving the bundled archive\n", source)
		source = dir
	}
	// The preview answers searches from the index each build writes, so a
	// local preview is the whole site.
	live := search.NewLive(search.Options{})
	defer live.Close()
	var opened atomic.Bool
	onBuild := func(res *build.Result) {
		if res.Index == nil || (res.Index.Unchanged && opened.Load()) {
			return
		}
		if err := live.Open(res.IndexDir); err != nil {
			fmt.Fprintln(stderr, "search:", err)
			return
		}
		opened.Store(true)
	}
	srv, err := preview.New(preview.Options{Source: source, Drafts: drafts, BaseURL: baseURL, Log: stderr, OnBuild: onBuild})
	if err != nil {
		ln.Close()
		return err
	}
	defer srv.Close()
	srv.Handle("/search", live)
	if res := srv.Result(); res != nil {
		if ep := res.Config.Search.Endpoint; ep != "/search" && strings.HasPrefix(ep, "/") {
			srv.Handle(ep, live) // a base path: the form is sent below it
		}
		baseURL = baseURL[:len(baseURL)-1] + res.Config.BasePath
		fmt.Fprintf(stdout, "serving %d reports at %s (Ctrl+C to stop)\n", len(res.Site.Reports), baseURL)
	} else {
		fmt.Fprintf(stdout, "serving at %s: the site does not build yet; the browser shows why\n", baseURL)
	}

	// Requests share ctx, so the reload streams end when the preview does.
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	watch, err := srv.Watch(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	go func() { _ = watch() }()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(shut)
	}()
	if ready != nil {
		ready <- ln.Addr().String()
	}
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
