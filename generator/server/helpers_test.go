package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// hangGuard bounds the waits of these tests for what must happen (a
// response, a closed connection, goroutines ending). It keeps a broken
// server from hanging the test and is far above what a busy machine needs,
// so that no test fails because the machine is slow.
const hangGuard = 2 * time.Minute

// writeSite writes files (slash paths to contents) into a new folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// get sends one request to h with a Host of localhost and the given
// header pairs.
func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Host = "localhost:1313"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const page = "<!doctype html>\n<html><head><title>t</title></head><body><p>hi</p></body></html>\n"

// tag is the script element New adds for the base path "/".
const tag = `<script src="/__playbook/livereload.js" defer></script>`
