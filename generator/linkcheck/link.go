package linkcheck

import "github.com/playbookhq/playbook/generator/internal/diag"

// Link is one external link found in the content.
type Link struct {
	URL  string // absolute http(s) URL as written
	File string // display path of the file it was written in, for messages
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
}

// Result is the outcome of checking one Link.
type Result struct {
	Link
	// Status is the final HTTP status after redirects; 0 when no response arrived.
	Status int
	// Err is "" when the link works; otherwise a short message such as "404 Not Found",
	// "timeout after 10s" or "connection refused".
	Err string
	// Cached is true when the result came from the cache file and no request was made.
	Cached bool
}

// OK reports whether the link works.
func (r Result) OK() bool { return r.Err == "" }

// Diagnostic returns the problem r reports, placed at the link, in the form the other
// checks use. It is meant for results that are not OK.
func (r Result) Diagnostic() diag.Diagnostic {
	return diag.Errorf(r.File, r.Line, r.Col, "broken external link %s: %s", r.URL, r.Err)
}
