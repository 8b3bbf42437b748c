package build

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one step: renameat2 with
// RENAME_EXCHANGE, so that no instant sees neither at b. It returns
// errNoExchange where the kernel or the file system cannot (ENOSYS before
// Linux 3.15, EINVAL on file systems without it).
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return errNoExchange
	}
	return err
}
