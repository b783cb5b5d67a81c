package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a build's stages: bars on a terminal once the build has
// run for a second (short builds stay quiet), one line per stage elsewhere
// (CI logs).
type progress struct {
	w        io.Writer
	terminal bool
	begun    time.Time

	mu    sync.Mutex
	stage string
	total int
	done  int
	start time.Time
	bar   *progressbar.ProgressBar
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, begun: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.terminal = true
	}
	return p
}

func (p *progress) Start(stage string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.total, p.done, p.start = stage, total, 0, time.Now()
	if p.terminal && time.Since(p.begun) > time.Second {
		max := total
		if max == 0 {
			max = -1 // a spinner
		}
		p.bar = progressbar.NewOptions(max,
			progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(fmt.Sprintf("%-8s", stage)),
			progressbar.OptionShowCount(), progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
}

func (p *progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

func (p *progress) End() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
	if !p.terminal {
		if p.total > 0 {
			fmt.Fprintf(p.w, "%s: %d files in %s\n", p.stage, p.done, time.Since(p.start).Round(time.Millisecond))
		} else {
			fmt.Fprintf(p.w, "%s: %s\n", p.stage, time.Since(p.start).Round(time.Millisecond))
		}
	}
}
