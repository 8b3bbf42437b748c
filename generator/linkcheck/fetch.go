package linkcheck

import (
	"context"
	"net/http"
	"time"
)

// attempt is what one try at a URL found: a HEAD, possibly followed by a GET.
type attempt struct {
	status        int           // final status; 0 without a response
	err           string        // "" when the URL works
	retry         bool          // another try may succeed
	retryAfter    time.Duration // the wait the server asked for
	hasRetryAfter bool          // the server sent a usable Retry-After
	hungUp        bool          // the connection was dropped: some servers do that to HEAD
	headRejected  bool          // the answer suggests the server does not support HEAD
}

// checker fetches URLs with the options of one Check call.
type checker struct {
	client *http.Client
	opts   Options
}

// fetch tries u until it works, fails for good, runs out of retries or ctx is done.
func (c *checker) fetch(ctx context.Context, u string) attempt {
	useGET := false
	for n := 0; ; n++ {
		a := c.try(ctx, u, &useGET)
		if a.err == "" || !a.retry || n >= c.opts.Retries {
			return a
		}
		d := wait(n, c.opts.Backoff, c.opts.MaxWait, a.retryAfter, a.hasRetryAfter)
		if !sleep(ctx, d) {
			return attempt{err: ctx.Err().Error()}
		}
	}
}

// try sends HEAD, and GET when the server turns HEAD away. Once a server has turned HEAD
// away, later tries of the same URL go straight to GET.
func (c *checker) try(ctx context.Context, u string, useGET *bool) attempt {
	if !*useGET {
		a := c.request(ctx, http.MethodHead, u)
		if !a.headRejected {
			return a
		}
		*useGET = true
	}
	return c.request(ctx, http.MethodGet, u)
}

// request sends one request, following redirects, and classifies the answer. The body is
// never read: the status is all a link check needs.
func (c *checker) request(ctx context.Context, method, u string) attempt {
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u, nil)
	if err != nil {
		return attempt{err: "not a valid URL"}
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	resp, err := c.client.Do(req)
	if err != nil {
		a := failure(ctx, err, c.opts.Timeout)
		if resp != nil {
			// A redirect policy error comes with the last response, its body already closed.
			a.status = resp.StatusCode
		}
		a.headRejected = method == http.MethodHead && a.hungUp
		return a
	}
	resp.Body.Close()
	code := resp.StatusCode
	if isOK(code) {
		return attempt{status: code}
	}
	a := attempt{status: code, err: statusMessage(code)}
	if final := resp.Request.URL.String(); final != req.URL.String() {
		a.err += " (redirected to " + final + ")"
	}
	a.retry = code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented)
	if a.retry {
		a.retryAfter, a.hasRetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.opts.Now())
	}
	// Servers that do not implement HEAD answer 405 or 501 as they should, but many answer
	// 400, 403 or 404 instead, so any 4xx but 429 earns a GET before the link is called broken.
	a.headRejected = method == http.MethodHead &&
		(code == http.StatusNotImplemented || (code >= 400 && code < 500 && code != http.StatusTooManyRequests))
	return a
}

func isOK(code int) bool { return code >= 200 && code < 300 }
