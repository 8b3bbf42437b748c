//go:build !linux

package build

// exchange is not available here: swap renames twice.
func exchange(a, b string) error { return errNoExchange }
