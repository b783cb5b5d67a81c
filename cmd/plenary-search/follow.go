package main

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/plenary-archive/plenary/generator/publish/versions"
	"github.com/plenary-archive/plenary/generator/search/endpoint"
)

// follow serves each version of the index in dir that a build publishes,
// without a restart: every interval it looks at the folder dir's links
// lead to (a build publishes a new version by switching them, see
// publish/versions), or at dir itself when it is a plain folder swapped
// by a rename, and opens it when it is another one. The version served
// until then is closed once no search uses it; one that does not open
// stays served, and the next look tries again.
func follow(ctx context.Context, dir string, interval time.Duration, live *endpoint.Live, log *slog.Logger) {
	served, servedAt := identify(dir)
	failed := ""
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now, at := identify(dir)
		if now == "" || now == served && os.SameFile(at, servedAt) {
			continue
		}
		if err := live.Open(now); err != nil {
			if err.Error() != failed {
				log.Warn("a new version of the index does not open; the previous one is still served", "index", dir, "error", err.Error())
				failed = err.Error()
			}
			continue
		}
		served, servedAt, failed = now, at, ""
		log.Info("serving a new version of the index", "index", dir, "version", now, "documents", live.Documents())
	}
}

// identify is the folder whose files the index folder dir shows, and what
// the system knows of it, to tell a folder swapped in its place.
func identify(dir string) (string, os.FileInfo) {
	real, err := versions.Resolve(dir)
	if err != nil {
		return "", nil
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", nil
	}
	return real, st
}
