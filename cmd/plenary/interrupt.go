package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/plenary-archive/plenary/generator/pipeline"
)

// interrupted is the error of a command stopped by a signal, with the exit
// status a shell expects of it: 128 and the signal's number (130 for
// SIGINT, 143 for SIGTERM).
type interrupted struct {
	sig syscall.Signal
	err error
}

func (e *interrupted) Error() string { return e.err.Error() }
func (e *interrupted) Unwrap() error { return e.err }

// status is the exit status of the command it stopped.
func (e *interrupted) status() int { return 128 + int(e.sig) }

// buildInterruptibly runs the build, and on SIGINT or SIGTERM stops it:
// what it wrote and did not publish is removed before the command exits,
// with the signal's status. A build stopped once its new version is
// published finishes. A second signal exits at once; the next build
// removes what is left then.
func buildInterruptibly(opts pipeline.Options, stderr io.Writer) (*pipeline.Result, error) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	stop := make(chan struct{})
	opts.Interrupt = stop
	type outcome struct {
		res *pipeline.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := pipeline.Build(opts)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case sig := <-sigs:
		fmt.Fprintf(stderr, "plenary: %v: stopping the build\n", sig)
		close(stop)
		go func() {
			second := <-sigs
			fmt.Fprintf(stderr, "plenary: %v again: exiting now\n", second)
			os.Exit(128 + int(signalNumber(second)))
		}()
		o := <-done
		err := o.err
		if err == nil {
			err = fmt.Errorf("stopped by %v after the new version was published", sig)
		}
		return o.res, &interrupted{sig: signalNumber(sig), err: err}
	}
}

// signalNumber is the number of one of the signals handled.
func signalNumber(s os.Signal) syscall.Signal {
	if n, ok := s.(syscall.Signal); ok {
		return n
	}
	return syscall.SIGINT
}

// waitingFor is the message of a build that waits for another.
func waitingFor(pid int) string {
	if pid > 0 {
		return fmt.Sprintf("plenary: waiting for the build of PID %d to finish…", pid)
	}
	return "plenary: waiting for another build to finish…"
}
