package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/plenary-archive/plenary/generator/build"
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
	root, bundled, err := archiveRoot(*source)
	if err != nil {
		return err
	}
	if bundled {
		fmt.Fprintf(stdout, "no content/ in %s: serving the bundled archive\n", *source)
	}
	dir, err := os.MkdirTemp("", "plenary-preview-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	site := dir + "/site"

	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		return err
	}
	host := *bind
	if host == "127.0.0.1" || host == "" || host == "0.0.0.0" {
		host = "localhost"
	}
	baseURL := "http://" + net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"
	res, err := build.Build(build.Options{Root: root, Dest: site, Drafts: *drafts, BaseURL: baseURL})
	if err != nil {
		ln.Close()
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	basePath := res.Config.BasePath
	baseURL = strings.TrimSuffix(baseURL, "/") + basePath
	fmt.Fprintf(stdout, "serving %d reports at %s (Ctrl+C to stop)\n", len(res.Site.Reports), baseURL)

	srv := &http.Server{
		Handler:           previewHandler(site, basePath),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return err
	}
	return nil
}

// previewHandler serves the built site under basePath, answering unknown
// paths with the site's own 404 page as static hosts do.
func previewHandler(dir, basePath string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, basePath) {
			http.Redirect(w, r, basePath, http.StatusFound)
			return
		}
		rel := strings.TrimPrefix(r.URL.Path, basePath)
		p := path.Join(dir, path.Clean("/"+rel))
		if st, err := os.Stat(p); err != nil || (st.IsDir() && !exists(path.Join(p, "index.html"))) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			if data, err := os.ReadFile(path.Join(dir, "404.html")); err == nil {
				_, _ = w.Write(data)
			}
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rel
		files.ServeHTTP(w, r2)
	})
	return mux
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
