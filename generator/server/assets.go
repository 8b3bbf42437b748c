package server

import (
	"bytes"
	"embed"
	"net/http"
	"time"
)

// reservedDir is the folder below the base path that the server answers
// itself; a site cannot publish files there.
const reservedDir = "__playbook/"

// assets holds the live-reload script and the style of its error overlay.
// They are served, never written into the site.
//
//go:embed livereload.js livereload.css
var assets embed.FS

// serveReserved answers for name below reservedDir.
func (s *Server) serveReserved(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.serveEvents(w, r)
	case "livereload.js", "livereload.css":
		data, err := assets.ReadFile(name)
		if err != nil {
			s.internalError(w, r, name, err)
			return
		}
		serveContent(w, r, name, time.Time{}, bytes.NewReader(data), etagOf(data))
	default:
		s.notFound(w, r)
	}
}
