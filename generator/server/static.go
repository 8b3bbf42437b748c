package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// serveFile answers with the file at rel, a canonical path below the base
// path: a folder's URL serves its index.html, a folder named without its
// trailing slash is redirected to it, and anything else is not found.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, info, err := s.open(name)
	if err != nil {
		if s.pending != nil && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) {
			if data, ok := s.pending(name); ok {
				if contentType(name) == htmlType {
					data = injectScript(data, s.scriptTag)
				}
				serveContent(w, r, name, time.Time{}, bytes.NewReader(data), etagOf(data))
				return
			}
		}
		s.openFailed(w, r, name, err)
		return
	}
	defer f.Close()
	switch {
	case info.IsDir() && name == rel:
		redirect(w, r, s.base+rel+"/", http.StatusMovedPermanently)
		return
	case !info.Mode().IsRegular():
		s.notFound(w, r)
		return
	}
	if contentType(name) == htmlType {
		page, err := io.ReadAll(f)
		if err != nil {
			s.internalError(w, r, name, err)
			return
		}
		page = injectScript(page, s.scriptTag)
		serveContent(w, r, name, info.ModTime(), bytes.NewReader(page), etagOf(page))
		return
	}
	// Hash by streaming so that a large file is not held in memory; the
	// open file keeps its bytes even if a build replaces the path meanwhile.
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		s.internalError(w, r, name, err)
		return
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		s.internalError(w, r, name, err)
		return
	}
	serveContent(w, r, name, info.ModTime(), f, etag(sum.Sum(nil)))
}

// serveContent answers with body, setting the type, ETag and Last-Modified;
// http.ServeContent then handles HEAD, ranges and the conditional headers
// (If-None-Match before If-Modified-Since) with a 304.
func serveContent(w http.ResponseWriter, r *http.Request, name string, modified time.Time, body io.ReadSeeker, tag string) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("ETag", tag)
	http.ServeContent(w, r, name, modified, body)
}

// etagOf returns a strong entity tag for data.
func etagOf(data []byte) string {
	sum := sha256.Sum256(data)
	return etag(sum[:])
}

func etag(sum []byte) string {
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// open opens name below the served folder, refusing any path or symbolic
// link that leads outside it.
func (s *Server) open(name string) (*os.File, fs.FileInfo, error) {
	root, err := s.openRoot()
	if err != nil {
		return nil, nil, err
	}
	defer root.Close() // files opened through it stay open
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// openRoot opens the served folder. A build swaps a new folder in with two
// renames, so for an instant the folder is missing; one short retry bridges
// that instead of answering 404.
func (s *Server) openRoot() (*os.Root, error) {
	root, err := os.OpenRoot(s.root)
	if errors.Is(err, fs.ErrNotExist) {
		time.Sleep(20 * time.Millisecond)
		root, err = os.OpenRoot(s.root)
	}
	return root, err
}

// openFailed answers for a file that could not be opened. A path that is
// missing, runs through a file, or escapes the folder through a symbolic
// link is simply not found; only the log says why.
func (s *Server) openFailed(w http.ResponseWriter, r *http.Request, name string, err error) {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
	case errors.Is(err, fs.ErrPermission):
		s.logf("serving %q: %v", name, err)
		plainStatus(w, r, http.StatusForbidden)
		return
	default:
		s.logf("serving %q: %v", name, err)
	}
	s.notFound(w, r)
}

// internalError logs err and answers 500 without saying why.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, name string, err error) {
	s.logf("serving %q: %v", name, err)
	plainStatus(w, r, http.StatusInternalServerError)
}

// notFound answers 404 with the site's own 404.html, live reload included,
// or with a plain text when the site has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	page, err := s.readPage("404.html")
	if err != nil {
		plainStatus(w, r, http.StatusNotFound)
		return
	}
	page = injectScript(page, s.scriptTag)
	h := w.Header()
	h.Set("Content-Type", htmlType)
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// readPage reads a regular file below the served folder.
func (s *Server) readPage(name string) ([]byte, error) {
	f, info, err := s.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(f)
}
