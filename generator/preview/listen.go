package preview

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/plenary-archive/plenary/generator/pipeline"
	"github.com/plenary-archive/plenary/generator/pipeline/memory"
	"github.com/plenary-archive/plenary/generator/search/endpoint"
)

// ListenOptions say what `plenary serve` previews and where.
type ListenOptions struct {
	Source string // the archive's root folder
	Bind   string // the address to listen on, e.g. "127.0.0.1"
	Port   int    // 0 picks a free port
	Drafts bool
	Sample fs.FS     // previewed when Source holds no archive (see Options)
	Log    io.Writer // build results, warnings and errors
	Memory memory.Policy
}

// Listener is a preview listening on its address, with the search
// endpoint beside the site: the whole site as it will be published.
type Listener struct {
	*Server
	// URL is where the site is, under its base path once a build told it.
	URL  string
	ln   net.Listener
	bind string
	live *endpoint.Live
	// watch rebuilds on every change until stopWatching is called.
	watch        func() error
	stopWatching context.CancelFunc
}

// Listen builds the archive once and listens, without serving yet. The
// preview answers only requests addressed to it by one of its own host
// names (see allowHosts).
func Listen(opts ListenOptions) (*Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := opts.Bind
	if host == "127.0.0.1" || host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	l := &Listener{ln: ln, bind: opts.Bind, URL: "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/"}
	// The preview answers searches from the index each build writes.
	l.live = endpoint.NewLive(endpoint.Options{})
	var opened atomic.Bool
	onBuild := func(res *pipeline.Result) {
		if res.Index == nil || (res.Index.Unchanged && opened.Load()) {
			return
		}
		if err := l.live.Open(res.IndexDir); err != nil {
			if opts.Log != nil {
				_, _ = io.WriteString(opts.Log, "search: "+err.Error()+"\n")
			}
			return
		}
		opened.Store(true)
	}
	srv, err := New(Options{Source: opts.Source, Drafts: opts.Drafts, BaseURL: l.URL, Log: opts.Log, OnBuild: onBuild, Sample: opts.Sample, Memory: opts.Memory})
	if err != nil {
		l.live.Close()
		ln.Close()
		return nil, err
	}
	l.Server = srv
	srv.Handle(previewSearch, l.live)
	if res := srv.Result(); res != nil {
		l.URL = l.URL[:len(l.URL)-1] + res.Config.BasePath
	}
	// The watch is in place before Listen returns: no change made once
	// the caller hears of the address is missed.
	var watchCtx context.Context
	watchCtx, l.stopWatching = context.WithCancel(context.Background())
	if l.watch, err = srv.Watch(watchCtx); err != nil {
		l.stopWatching()
		srv.Close()
		l.live.Close()
		ln.Close()
		return nil, err
	}
	return l, nil
}

// Addr is the address the preview listens on.
func (l *Listener) Addr() net.Addr { return l.ln.Addr() }

// Serve serves the preview, rebuilding on every change to the archive,
// until ctx ends; it then closes the listener, the search index and the
// preview's private folder.
func (l *Listener) Serve(ctx context.Context) error {
	defer l.Server.Close()
	defer l.live.Close()
	defer l.stopWatching()
	go func() { _ = l.watch() }()
	// Requests share ctx, so the reload streams end when the preview does.
	hs := &http.Server{
		Handler:           allowHosts(l.Server, l.bind, l.ln.Addr().(*net.TCPAddr).Port),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(shut)
	}()
	if err := hs.Serve(l.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// allowHosts answers only requests whose Host header names the preview:
// localhost or a loopback address, the address it is bound to, or, bound
// to every address, any IP address; always with its port. A page on
// another site that points a name of its own at this machine (DNS
// rebinding) would otherwise read the preview and its search through
// the editor's browser.
func allowHosts(h http.Handler, bind string, port int) http.Handler {
	bindIP := net.ParseIP(bind)
	everyAddress := bind == "" || bindIP != nil && bindIP.IsUnspecified()
	want := strconv.Itoa(port)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, p, err := net.SplitHostPort(r.Host)
		if err != nil {
			host, p = strings.TrimSuffix(strings.TrimPrefix(r.Host, "["), "]"), "80"
		}
		ip := net.ParseIP(host)
		ok := p == want && (strings.EqualFold(host, "localhost") ||
			ip != nil && (ip.IsLoopback() || ip.Equal(bindIP) || everyAddress) ||
			ip == nil && bindIP == nil && host != "" && strings.EqualFold(host, bind))
		if !ok {
			http.Error(w, "plenary serve answers only for localhost, its loopback and bound addresses, with its port; this request named "+strconv.Quote(r.Host), http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
