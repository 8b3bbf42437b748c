package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// Serve serves the files of dir over HTTP on 127.0.0.1, at a free port, as a
// static host would: a folder's index.html answers for the folder's URL. It
// returns the base URL without a trailing slash, such as
// "http://127.0.0.1:41234". The server is closed at test cleanup.
func Serve(t testing.TB, dir string) string {
	t.Helper()
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("serving %q: not a folder (%v)", dir, err)
	}
	srv := httptest.NewServer(http.FileServerFS(os.DirFS(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}
