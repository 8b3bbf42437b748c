package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// lockName is the file, in the system's temporary folder, whose lock every
// browser test holds while its browser runs. `go test ./...` runs the test
// binaries of several packages at once; on a 2-core machine four browsers
// starting together took turns so slowly that a test ran out of its time
// limit. With the lock, one browser runs at a time across every package, and
// a test's time limit starts counting only once it has the lock.
const lockName = "playbook-browsertest.lock"

// acquireBrowser blocks until no other test process of this machine runs a
// browser, and returns the function that lets the next one go.
func acquireBrowser(t testing.TB) func() {
	t.Helper()
	path := filepath.Join(os.TempDir(), lockName)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("opening the browser lock %q: %v", path, err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		t.Fatalf("locking %q: %v", path, err)
	}
	return func() {
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
			fmt.Fprintf(os.Stderr, "browsertest: unlocking %q: %v\n", path, err)
		}
		f.Close()
	}
}
