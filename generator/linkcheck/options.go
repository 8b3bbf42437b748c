package linkcheck

import (
	"fmt"
	"net/http"
	"path"
	"time"
)

const (
	defaultTimeout   = 10 * time.Second
	defaultPerHost   = 2
	defaultWorkers   = 16
	defaultRetries   = 2
	defaultBackoff   = 200 * time.Millisecond
	defaultMaxWait   = 10 * time.Second
	defaultMaxAge    = 24 * time.Hour
	defaultUserAgent = "playbook-linkcheck"
	maxRedirects     = 10
)

// Options configures Check. The zero value is ready to use: a zero field takes the default
// named in its comment.
type Options struct {
	// Client sends the requests. Nil means a client of Check's own whose idle connections are
	// closed when Check returns. When Client.CheckRedirect is nil, Check uses a copy of Client
	// whose redirect policy stops after 10 redirects or on a redirect loop.
	Client *http.Client
	// Timeout bounds one request, redirects included; default 10s.
	Timeout time.Duration
	// PerHost is the most requests in flight to one host (host:port as written); default 2.
	PerHost int
	// Workers is the most requests in flight overall; default 16.
	Workers int
	// Retries is how many times a URL is tried again after a 429, a 5xx other than 501, or a
	// network error; default 2, negative for none.
	Retries int
	// Backoff is the wait before the first retry, doubled before each further one; default 200ms.
	// A Retry-After header, in seconds or as an HTTP date, replaces it.
	Backoff time.Duration
	// MaxWait caps every wait between tries, Retry-After included; default 10s.
	MaxWait time.Duration
	// Ignore lists patterns of URLs not to check; such links get no Result. A URL is ignored
	// when it starts with a pattern (compared as written, e.g. "https://intranet.example/"), or
	// when a pattern matches, as a path.Match glob, its "host/path" (host lower-cased, port kept,
	// path escaped, "/" when empty, no query or fragment) or one of its leading segments: so
	// "*.example.com" ignores every page of every subdomain of example.com and
	// "github.com/acme/*" every page of every repository of acme. A pattern that is not valid
	// path.Match syntax makes Check fail; an empty pattern is skipped.
	Ignore []string
	// CacheFile is a JSON file remembering successful results; "" means no cache.
	CacheFile string
	// MaxAge is how long a cached success is trusted without a new request; default 24h,
	// negative to re-check everything (the cache file is still written).
	MaxAge time.Duration
	// Now tells the time for the cache; default time.Now.
	Now func() time.Time
	// UserAgent is sent with every request; default "playbook-linkcheck".
	UserAgent string
}

// withDefaults returns o with its zero fields replaced by the defaults, or an error for a
// bad ignore pattern.
func (o Options) withDefaults() (Options, error) {
	if o.Timeout <= 0 {
		o.Timeout = defaultTimeout
	}
	if o.PerHost <= 0 {
		o.PerHost = defaultPerHost
	}
	if o.Workers <= 0 {
		o.Workers = defaultWorkers
	}
	switch {
	case o.Retries == 0:
		o.Retries = defaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = defaultBackoff
	}
	if o.MaxWait <= 0 {
		o.MaxWait = defaultMaxWait
	}
	if o.MaxAge == 0 {
		o.MaxAge = defaultMaxAge
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.UserAgent == "" {
		o.UserAgent = defaultUserAgent
	}
	for _, p := range o.Ignore {
		if _, err := path.Match(p, ""); err != nil {
			return o, fmt.Errorf("linkcheck: ignore pattern %q: %w", p, err)
		}
	}
	return o, nil
}
