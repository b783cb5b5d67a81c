package main

import (
	"context"
	"io"
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
