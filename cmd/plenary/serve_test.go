package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe drives the preview over HTTP: a page is served with the reload
// script, a change to a report shows up, a broken report shows its error in
// the browser, and fixing it brings the page back.
func TestServe(t *testing.T) {
	root := archive(t)
	report := filepath.Join(root, "content/reports/2022/r.md")
	write(t, root, map[string]string{"content/reports/2022/r.md": strings.Replace(good, "Brazil replied.", "Brazil replied first.", 1)})

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, root, "127.0.0.1", 0, false, io.Discard, io.Discard, ready) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	page := "http://" + addr + "/reports/r/"
	get := func() (int, string) {
		resp, err := http.Get(page)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	// waitFor polls the page until it shows want: rebuilds follow file
	// changes after a short quiet period.
	waitFor := func(status int, want string) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			code, body := get()
			if code == status && strings.Contains(body, want) {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("the page never showed %q with status %d; last %d:\n%.400s", want, status, code, body)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	body := waitFor(200, "Brazil replied first.")
	if !strings.Contains(body, "/__plenary/events") {
		t.Error("the preview page lacks the reload script")
	}
	// A page elsewhere that points a name of its own at this machine
	// (DNS rebinding) reads neither the site nor the search.
	_, port, _ := net.SplitHostPort(addr)
	for _, path := range []string{"/reports/r/", "/search?q=France"} {
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		req.Host = "rebind.example:" + port
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		refused, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || strings.Contains(string(refused), "France") {
			t.Errorf("%s for Host rebind.example: %d\n%.200s", path, resp.StatusCode, refused)
		}
	}
	if err := os.WriteFile(report, []byte(strings.Replace(good, "Brazil replied.", "Brazil replied at length.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(200, "Brazil replied at length.")

	if err := os.WriteFile(report, []byte("+++\ntitle = \"R\ndate = 2022-03-29\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	body = waitFor(500, "content/reports/2022/r.md:2")
	if !strings.Contains(body, "basic strings cannot have new lines") || !strings.Contains(body, "/__plenary/events") {
		t.Errorf("the error page lacks the message or the reload script:\n%s", body)
	}

	if err := os.WriteFile(report, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(200, "Brazil replied.")

	// A report in a folder created after the start is picked up too.
	write(t, root, map[string]string{"content/reports/2099/late.md": strings.Replace(strings.Replace(good, "Good", "Late", 1), "France spoke.", "Kenya spoke late.", 1)})
	page = "http://" + addr + "/reports/late/"
	waitFor(200, "Kenya spoke late.")
}

// TestServeSample previews the bundled archive from a folder without one,
// and removes its copy when it stops.
func TestServeSample(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var out strings.Builder
	go func() { done <- serve(ctx, dir, "127.0.0.1", 0, false, &out, io.Discard, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get("http://" + addr + "/sessions/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if resp.StatusCode != 200 || !strings.Contains(string(body), "oewg-2021-2025-s2") {
		t.Errorf("sessions page: %d\n%.300s", resp.StatusCode, body)
	}
	if !strings.Contains(out.String(), "serving the bundled archive") || !strings.Contains(out.String(), "serving 2 reports at http://localhost:") {
		t.Errorf("output: %s", out.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder was written to: %v", entries)
	}
}

// TestServeSearches previews archives whose published site has no search
// endpoint, or one on another host, under a sub-path: the preview's
// search box still works, sent to the preview's own /search.
func TestServeSearches(t *testing.T) {
	for name, search := range map[string]string{
		"no endpoint":     "[search]\nendpoint = \"\"\n",
		"another host":    "[search]\nendpoint = \"https://search.example.org/search\"\n",
		"the default one": "",
	} {
		t.Run(name, func(t *testing.T) {
			root := archive(t)
			cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(cfg), `baseURL = "http://localhost:1313/"`, `baseURL = "https://owner.github.io/plenary/"`, 1)
			if search != "" {
				// The bundled [search] table's keys follow the endpoint.
				text = strings.Replace(text, "[search]\n", search, 1)
			}
			if !strings.Contains(text, "owner.github.io") || !strings.Contains(text, search) {
				t.Fatalf("config.toml:\n%s", text)
			}
			write(t, root, map[string]string{"config.toml": text, "content/reports/2022/r.md": good})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() { done <- serve(ctx, root, "127.0.0.1", 0, false, io.Discard, io.Discard, ready) }()
			var addr string
			select {
			case addr = <-ready:
			case err := <-done:
				t.Fatalf("serve: %v", err)
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not start")
			}
			get := func(path, accept string) string {
				req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
				req.Header.Set("Accept", accept)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: %d %.200s", path, resp.StatusCode, body)
				}
				return string(body)
			}
			if home := get("/", "text/html"); !strings.Contains(home, `action=/search`) && !strings.Contains(home, `action="/search"`) {
				t.Errorf("the home page's search box is not sent to the preview:\n%.1500s", home)
			}
			if res := get("/search?q=France", "application/json"); !strings.Contains(res, `"total":1`) {
				t.Errorf("the preview's search: %.300s", res)
			}
			cancel()
			<-done
		})
	}
}
