// Package lockfile holds an operating system's lock on a file: one build
// of an archive at a time. The kernel releases the lock when the process
// that holds it ends, however it ends (a crash, SIGKILL), so a lock is
// never left behind; the file itself stays and says which process holds
// it, for the message of the one that waits.
package lockfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Name is the lock file's name in the folder it guards.
const Name = "lock"

// Lock is a lock held by this process.
type Lock struct {
	f *os.File
}

// BusyError is the error of a lock another process holds, when the
// caller chose not to wait.
type BusyError struct {
	Path string
	PID  int // 0 when the holder did not say
}

func (e *BusyError) Error() string {
	who := "another build"
	if e.PID > 0 {
		who = fmt.Sprintf("the build of PID %d", e.PID)
	}
	return fmt.Sprintf("%s holds %s: wait for it to finish, or run without --no-wait to wait for it", who, e.Path)
}

// errBusy is what a platform's tryLock returns when another holds the lock.
var errBusy = errors.New("locked")

// Acquire takes the lock of the folder dir (its file Name), creating both
// if needed. When another process holds it, Acquire calls waiting, when
// set, with that process's ID (0 if unknown) and waits until it is
// released, or, with noWait, returns a *BusyError at once.
func Acquire(dir string, noWait bool, waiting func(pid int)) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, Name)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	err = tryLock(f)
	if errors.Is(err, errBusy) {
		pid := holder(f)
		if noWait {
			f.Close()
			return nil, &BusyError{Path: path, PID: pid}
		}
		if waiting != nil {
			waiting(pid)
		}
		err = lock(f)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	// The holder's ID, for the message of a build that waits; a lock
	// whose ID cannot be written is still a lock.
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// holder reads the ID of the process that holds the lock.
func holder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// Release lets the lock go. The file stays: removing it would let a
// process that opened it before the removal lock a file no one else sees.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
