package browsertest

import "time"

// Option changes how New starts the browser.
type Option func(*config)

type config struct {
	width, height int
	dark          bool
	timeout       time.Duration
}

// WithWindowSize gives the tab a viewport of w × h CSS pixels instead of
// DefaultWidth × DefaultHeight, for example 360 × 800 for a narrow phone. To
// resize during a test, run chromedp.EmulateViewport.
func WithWindowSize(w, h int) Option {
	return func(c *config) { c.width, c.height = w, h }
}

// WithDarkMode makes the tab report prefers-color-scheme: dark, as a
// system set to dark mode does.
func WithDarkMode() Option {
	return func(c *config) { c.dark = true }
}

// WithTimeout sets how long the browser may live, instead of Timeout. When it
// ends, the browser is stopped and every later step of the test fails.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}
