// Package server is the preview server of `playbook serve`: it serves the
// built site from disk under the site's base path and tells open pages, over
// Server-Sent Events, what each rebuild changed.
//
// Files are read on every request through a Root opened afresh each time: a
// build publishes by renaming a new folder into place, and an open Root would
// keep pointing at the folder it replaced. A request is checked in a fixed
// order — Host, method, path safety, base path — so that a hostile request is
// refused before it reaches the file system. A response never carries an
// internal error text; the details go to Options.Logf.
package server

import (
	"html"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
)

// ContentSecurityPolicy is the policy of the site's pages (the default
// theme's base.html carries it in a meta element), sent by serve with every
// response.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// Options configures a Server.
type Options struct {
	// Root is the output folder to serve; files are read from disk on each request.
	Root string
	// BasePath is the site's base path, "/" or "/handbook/": the site is
	// served under it. It is a decoded URL path; "" means "/".
	BasePath string
	// Logf receives what a response cannot say: internal errors and the port
	// that Listen settled on. Nil discards them.
	Logf func(format string, args ...any)
	// Pending, when set, is asked for a file that is not on disk yet (while
	// the first build still runs): it returns the file's bytes, rendered on
	// demand, or false.
	Pending func(name string) ([]byte, bool)
}

// Event is what a rebuild changed, as Notify sends it to open pages.
type Event struct {
	// Changed lists the URL paths (base path included) whose bytes changed,
	// such as "/roles/product-owner/" or "/css/playbook.css".
	Changed []string
	// Errors holds the "file:line:col: message" lines of the current build
	// errors; it is empty when the build is good.
	Errors []string
}

// Server serves a built site with live reload. Create it with New; its
// methods are safe for concurrent use.
type Server struct {
	root      string
	base      string // clean, with a leading and a trailing slash
	logf      func(format string, args ...any)
	scriptTag []byte // added to every HTML response
	pending   func(name string) ([]byte, bool)
	machine   *machine

	mu         sync.Mutex
	bind       string               // the bind address of the last Listen
	clients    map[*client]struct{} // open live-reload streams
	lastErrors []string
}

// New returns a Server for opts.
func New(opts Options) *Server {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	base := cleanBase(opts.BasePath)
	src := (&url.URL{Path: base + reservedDir + "livereload.js"}).EscapedPath()
	return &Server{
		root:      opts.Root,
		base:      base,
		logf:      logf,
		pending:   opts.Pending,
		scriptTag: []byte(`<script src="` + html.EscapeString(src) + `" defer></script>`),
		clients:   make(map[*client]struct{}),
		machine:   thisMachine(),
	}
}

// cleanBase returns p as a clean path with a leading and a trailing slash.
func cleanBase(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// Handler returns the HTTP handler that serves the site, the live-reload
// script and its event stream.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	// Pages carry the policy in a meta element too; an HTML or SVG file of
	// the content opened on its own has only this.
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	if !s.hostAllowed(r) {
		plain(w, r, http.StatusForbidden, s.hostRefusal(r))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		plainStatus(w, r, http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !safePath(p) {
		plainStatus(w, r, http.StatusBadRequest)
		return
	}
	if c := canonicalPath(p); c != p {
		redirect(w, r, c, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(p, s.base)
	switch {
	case ok:
	case p+"/" == s.base:
		redirect(w, r, s.base, http.StatusMovedPermanently)
		return
	case p == "/":
		// Not permanent: the base path may differ on the next run.
		redirect(w, r, s.base, http.StatusFound)
		return
	default:
		s.notFound(w, r)
		return
	}
	if name, ok := strings.CutPrefix(rel, reservedDir); ok {
		s.serveReserved(w, r, name)
		return
	}
	s.serveFile(w, r, rel)
}
