package webpage

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<article><h1>T</h1><p>x</p></article>")
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Title\n16 Dec 2021\n\nText.")
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/page", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG")
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>x</p>", 1<<14)
		for n := 0; n <= MaxBytes; n += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(MaxBytes+1))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := context.Background()
	p, err := Fetch(ctx, nil, srv.URL+"/moved")
	if err != nil || !p.HTML || p.URL != srv.URL+"/page" || !strings.Contains(string(p.Body), "<h1>T</h1>") {
		t.Errorf("redirected page: %+v, %v", p, err)
	}
	if p, err := Fetch(ctx, nil, srv.URL+"/text"); err != nil || p.HTML {
		t.Errorf("plain text: %+v, %v", p, err)
	}
	short := Client()
	short.Timeout = 200 * time.Millisecond
	for _, tc := range []struct {
		path, want string
		client     *http.Client
	}{
		{"/loop", "more than 5 redirects", nil},
		{"/to-file", "only http and https", nil},
		{"/missing", "404 Not Found", nil},
		{"/image", "neither a web page nor plain text", nil},
		{"/huge", "more than the", nil},
		{"/huge-declared", "more than the", nil},
		{"/slow", "Client.Timeout", short},
	} {
		if _, err := Fetch(ctx, tc.client, srv.URL+tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.path, err, tc.want)
		}
	}
	for _, bad := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "http://", "http://%zz"} {
		if _, err := Fetch(ctx, nil, bad); err == nil {
			t.Errorf("%s was fetched", bad)
		}
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"https://x.org/a": true, "http://x": true, "ftp://x": true, "report.txt": false, "/tmp/a://b": false, "C:\\x.txt": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
