// Command plenary-search serves an archive's search index, read-only:
//
//	plenary-search --index search.bleve --addr 127.0.0.1:8081
//	plenary-search --shard a.bleve --shard b.bleve   # shards, served as one index
//
// It answers GET /search?q=… as JSON, or as the site's results page when a
// browser asks, GET /healthz (liveness) and GET /readyz (readiness). The
// index is the folder plenary build writes ([search] index in
// config.toml); a damaged one is refused at start. Rebuilding it while
// this runs is safe: a new version published by plenary build is served
// within --reload, without a restart.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/plenary-archive/plenary/generator/search/endpoint"
	"github.com/plenary-archive/plenary/generator/search/engine"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "plenary-search:", err)
		}
		os.Exit(1)
	}
}

// shardList is the repeated --shard flag.
type shardList []string

func (s *shardList) String() string { return strings.Join(*s, ",") }

func (s *shardList) Set(v string) error {
	if v == "" {
		return fmt.Errorf("empty folder name")
	}
	*s = append(*s, v)
	return nil
}

// run is main without the process: access logs go to stdout as JSON
// lines; ready, when not nil, receives the address once the server
// listens (tests listen on port 0).
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) error {
	fl := flag.NewFlagSet("plenary-search", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("index", "search.bleve", "the index folder written by plenary build")
	var shards shardList
	fl.Var(&shards, "shard", "an index folder holding a share of the archive's reports; repeat it for each shard, served together as one index (instead of --index)")
	addr := fl.String("addr", "127.0.0.1:8081", "address to listen on")
	cors := fl.String("cors", "", "comma-separated origins allowed to call the API from a browser besides the site's own (allowed when the index says the site is on another host), e.g. https://mirror.example.org")
	maxConc := fl.Int("max-concurrent", 0, "searches run at once; 0 means one per CPU")
	timeout := fl.Duration("timeout", 2*time.Second, "the longest one search may take")
	readTimeout := fl.Duration("read-timeout", 5*time.Second, "the longest a client may take to send a request")
	writeTimeout := fl.Duration("write-timeout", 10*time.Second, "the longest writing a response may take")
	idleTimeout := fl.Duration("idle-timeout", 60*time.Second, "how long an idle keep-alive connection is kept")
	reload := fl.Duration("reload", 2*time.Second, "how often to look for a new version of the index that a build published, served at once without a restart (0: never)")
	probe := fl.String("probe", "", "only ask this URL (e.g. http://127.0.0.1:8081/healthz) and exit 0 if it answers 200: a container's health check, in an image without curl")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: flags only, see -h", fl.Arg(0))
	}
	if *probe != "" {
		return probeURL(ctx, *probe)
	}
	log := slog.New(slog.NewJSONHandler(stdout, nil))

	dirs := []string{*dir}
	if len(shards) > 0 {
		indexSet := false
		fl.Visit(func(f *flag.Flag) { indexSet = indexSet || f.Name == "index" })
		if indexSet {
			return fmt.Errorf("--index and --shard together: give every shard with --shard, or one index with --index")
		}
		dirs = shards
	}
	var origins []string
	for _, o := range strings.Split(*cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, strings.TrimSuffix(o, "/"))
		}
	}
	opts := endpoint.Options{MaxConcurrent: *maxConc, Timeout: *timeout, CORSOrigins: origins, Logger: log}
	var h http.Handler
	var docs uint64
	if len(shards) > 0 {
		ix, err := engine.OpenShards(dirs...)
		if err != nil {
			return err
		}
		defer ix.Close()
		if h, err = endpoint.New(ix, opts); err != nil {
			return err
		}
		docs = ix.Documents()
	} else {
		// One index, served version after version as builds publish them.
		live := endpoint.NewLive(opts)
		if err := live.Open(*dir); err != nil {
			return err
		}
		defer live.Close()
		if *reload > 0 {
			followCtx, stop := context.WithCancel(ctx)
			defer stop()
			go follow(followCtx, *dir, *reload, live, log)
		}
		h, docs = live, live.Documents()
	}
	srv := &http.Server{
		Handler:           endpoint.AccessLog(log, h),
		ReadHeaderTimeout: *readTimeout,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("serving", "index", strings.Join(dirs, ","), "shards", len(dirs), "documents", docs, "addr", ln.Addr().String())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// probeURL asks url once and says whether it answered 200.
func probeURL(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, res.Status)
	}
	return nil
}
