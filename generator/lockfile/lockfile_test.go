package lockfile

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestSecondHolderWaitsOrFails(t *testing.T) {
	dir := t.TempDir()
	first, err := Acquire(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(dir, true, nil)
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("a second lock with noWait: %v, want a *BusyError", err)
	}
	if busy.PID != os.Getpid() {
		t.Errorf("the busy lock names PID %d, want %d", busy.PID, os.Getpid())
	}

	heard := make(chan int, 1)
	got := make(chan *Lock)
	go func() {
		l, err := Acquire(dir, false, func(pid int) { heard <- pid })
		if err != nil {
			t.Error(err)
		}
		got <- l
	}()
	if pid := <-heard; pid != os.Getpid() {
		t.Errorf("the waiting build heard of PID %d, want %d", pid, os.Getpid())
	}
	select {
	case <-got:
		t.Fatal("the second lock was taken while the first was held")
	default:
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	second := <-got
	if second == nil {
		t.Fatal("no second lock")
	}
	if err := second.Release(); err != nil {
		t.Fatal(err)
	}
}

// TestReleasedWhenTheHolderIsKilled holds the lock in a child process,
// kills it with SIGKILL, and takes the lock.
func TestReleasedWhenTheHolderIsKilled(t *testing.T) {
	if dir := os.Getenv("LOCKFILE_TEST_HOLD"); dir != "" {
		if _, err := Acquire(dir, true, nil); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Hour)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReleasedWhenTheHolderIsKilled$")
	cmd.Env = append(os.Environ(), "LOCKFILE_TEST_HOLD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "held\n" {
		t.Fatalf("the child did not take the lock: %q %v", line, err)
	}
	_, err = Acquire(dir, true, nil)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.PID != cmd.Process.Pid {
		t.Fatalf("while the child holds the lock: %v, want it busy with PID %d", err, cmd.Process.Pid)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	l, err := Acquire(dir, true, nil)
	if err != nil {
		t.Fatalf("the lock of a killed process was not released: %v", err)
	}
	l.Release()
}
