package watch

import "time"

// Options tunes a Watcher. The zero value is ready to use.
type Options struct {
	// Debounce is the quiet time that ends a batch: a batch is sent once no
	// event has arrived for this long. Zero means 50ms.
	Debounce time.Duration

	// MaxWait caps how long a batch may grow while events keep coming, counted
	// from its first event. Zero means 1s.
	MaxWait time.Duration

	// Ignore, when set, leaves out more paths than the built-in filter does
	// (editor temporaries, hidden files and folders, node_modules). It is
	// asked about absolute paths of files and folders; an ignored folder is
	// not watched at all, which is how a caller keeps its own output folder
	// from triggering rebuilds. It is called from the watcher's goroutine.
	Ignore func(path string) bool

	// PollInterval is how often folders watched by polling are listed.
	// Zero means 500ms.
	PollInterval time.Duration

	// MaxWatches limits how many folders get a kernel watch; folders beyond
	// it are polled. Zero means no limit but the system's. It exists so tests
	// can exercise the polling fallback.
	MaxWatches int

	// Logf receives the one-time notice that the watcher fell back to
	// polling. Nil discards it. It is called from the watcher's goroutine.
	Logf func(format string, args ...any)

	// onOffer, when set, is called from the watcher's goroutine with the
	// batch on offer each time it changes, so that this package's tests can
	// wait for the loop's state instead of sleeping and hoping.
	onOffer func(Batch)
}

// withDefaults returns o with zero fields replaced by their defaults.
func (o Options) withDefaults() Options {
	if o.Debounce <= 0 {
		o.Debounce = 50 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = time.Second
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 500 * time.Millisecond
	}
	if o.Ignore == nil {
		o.Ignore = func(string) bool { return false }
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	return o
}
