package linkcheck

import (
	"errors"
	"net/http"
)

// errTooManyRedirects ends a chain longer than maxRedirects.
var errTooManyRedirects = errors.New("more than 10 redirects")

// redirectLoopError ends a chain that comes back to a URL it already visited.
type redirectLoopError struct{ url string }

func (e *redirectLoopError) Error() string { return "redirect loop back to " + e.url }

// redirectPolicy allows up to maxRedirects redirects. With loops set it also stops at the
// first URL seen twice; that is only sound without a cookie jar, since a server may redirect
// to the same URL once it has set a cookie.
func redirectPolicy(loops bool) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return errTooManyRedirects
		}
		if loops {
			next := req.URL.String()
			for _, v := range via {
				if v.URL.String() == next {
					return &redirectLoopError{url: next}
				}
			}
		}
		return nil
	}
}

// httpClient returns the client Check sends requests with, following Options.Client, and
// a function to call when Check is done with it.
func httpClient(c *http.Client) (*http.Client, func()) {
	if c == nil {
		t, ok := http.DefaultTransport.(*http.Transport)
		if ok {
			t = t.Clone()
		} else {
			t = &http.Transport{Proxy: http.ProxyFromEnvironment}
		}
		return &http.Client{Transport: t, CheckRedirect: redirectPolicy(true)}, t.CloseIdleConnections
	}
	if c.CheckRedirect != nil {
		return c, func() {}
	}
	own := *c
	own.CheckRedirect = redirectPolicy(c.Jar == nil)
	return &own, func() {}
}
