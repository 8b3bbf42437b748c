package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestContentTypes(t *testing.T) {
	tests := map[string]string{
		"index.html":                "text/html; charset=utf-8",
		"css/playbook.css":          "text/css; charset=utf-8",
		"js/search.js":              "text/javascript; charset=utf-8",
		"feed.xml":                  "application/xml; charset=utf-8",
		"logo.svg":                  "image/svg+xml",
		"site.webmanifest":          "application/manifest+json",
		"roles/product-owner.md":    "text/markdown; charset=utf-8",
		"search/index.json":         "application/json",
		"robots.txt":                "text/plain; charset=utf-8",
		"fonts/inter.woff2":         "font/woff2",
		"img/board.PNG":             "image/png",
		"downloads/data.unknownext": "application/octet-stream",
	}
	files := map[string]string{}
	for name := range tests {
		files[name] = "x"
	}
	s := New(Options{Root: writeSite(t, files)})
	for name, want := range tests {
		w := get(t, s.Handler(), "GET", "/"+name)
		if w.Code != http.StatusOK {
			t.Errorf("GET /%s: status %d, want 200", name, w.Code)
			continue
		}
		h := w.Header()
		if got := h.Get("Content-Type"); got != want {
			t.Errorf("GET /%s: Content-Type %q, want %q", name, got, want)
		}
		if got := h.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET /%s: Cache-Control %q, want no-cache", name, got)
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET /%s: X-Content-Type-Options %q, want nosniff", name, got)
		}
	}
}

func TestETagRevalidation(t *testing.T) {
	root := writeSite(t, map[string]string{"css/site.css": "body{color:red}"})
	h := New(Options{Root: root}).Handler()

	w := get(t, h, "GET", "/css/site.css")
	etag := w.Header().Get("ETag")
	if len(etag) != 34 || etag[0] != '"' || etag[33] != '"' {
		t.Fatalf("ETag %q, want a strong quoted 32-digit hash", etag)
	}
	if again := get(t, h, "GET", "/css/site.css").Header().Get("ETag"); again != etag {
		t.Fatalf("ETag changed between two requests: %q, then %q", etag, again)
	}

	w = get(t, h, "GET", "/css/site.css", "If-None-Match", etag)
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Fatalf("If-None-Match with the current ETag: status %d, body %q; want 304 and no body", w.Code, w.Body)
	}

	// New bytes give a new tag, even within the same second.
	if err := os.WriteFile(filepath.Join(root, "css", "site.css"), []byte("body{color:blue}"), 0o644); err != nil {
		t.Fatal(err)
	}
	w = get(t, h, "GET", "/css/site.css", "If-None-Match", etag)
	if w.Code != http.StatusOK || w.Body.String() != "body{color:blue}" {
		t.Fatalf("If-None-Match with a stale ETag: status %d, body %q; want 200 and the new bytes", w.Code, w.Body)
	}
	if w.Header().Get("ETag") == etag {
		t.Fatalf("ETag %q did not change with the bytes", etag)
	}
}

func TestLastModifiedRevalidation(t *testing.T) {
	root := writeSite(t, map[string]string{"a.txt": "hello"})
	mod := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(root, "a.txt"), mod, mod); err != nil {
		t.Fatal(err)
	}
	h := New(Options{Root: root}).Handler()

	w := get(t, h, "GET", "/a.txt")
	if got, want := w.Header().Get("Last-Modified"), "Tue, 04 Mar 2025 05:06:07 GMT"; got != want {
		t.Fatalf("Last-Modified %q, want %q", got, want)
	}
	w = get(t, h, "GET", "/a.txt", "If-Modified-Since", "Tue, 04 Mar 2025 05:06:07 GMT")
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Fatalf("If-Modified-Since the modification time: status %d, body %q; want 304", w.Code, w.Body)
	}
	w = get(t, h, "GET", "/a.txt", "If-Modified-Since", "Mon, 03 Mar 2025 00:00:00 GMT")
	if w.Code != http.StatusOK || w.Body.String() != "hello" {
		t.Fatalf("If-Modified-Since an earlier time: status %d, body %q; want 200", w.Code, w.Body)
	}
}

func TestHeadHasNoBody(t *testing.T) {
	h := New(Options{Root: writeSite(t, map[string]string{"index.html": page, "a.css": "p{}"})}).Handler()
	for _, target := range []string{"/", "/a.css", "/missing", "/__playbook/livereload.js"} {
		g := get(t, h, "GET", target)
		w := get(t, h, "HEAD", target)
		if w.Code != g.Code {
			t.Errorf("HEAD %s: status %d, GET gives %d", target, w.Code, g.Code)
		}
		if w.Body.Len() != 0 {
			t.Errorf("HEAD %s: body %q, want none", target, w.Body)
		}
		if got, want := w.Header().Get("Content-Length"), g.Header().Get("Content-Length"); got != want || got == "" {
			t.Errorf("HEAD %s: Content-Length %q, GET gives %q", target, got, want)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := New(Options{Root: writeSite(t, map[string]string{"index.html": page})}).Handler()
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		w := get(t, h, method, "/")
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /: status %d, want 405", method, w.Code)
		}
		if got := w.Header().Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s /: Allow %q, want %q", method, got, "GET, HEAD")
		}
		if got := w.Body.String(); got != "405 method not allowed\n" {
			t.Errorf("%s /: body %q", method, got)
		}
	}
}

func TestIndexResolution(t *testing.T) {
	h := New(Options{Root: writeSite(t, map[string]string{
		"index.html":                     "<p>home</p>",
		"roles/product-owner/index.html": "<p>po</p>",
		"roles/empty/keep.txt":           "",
	})}).Handler()
	tests := []struct{ target, body string }{
		{"/", "<p>home</p>"},
		{"/index.html", "<p>home</p>"},
		{"/roles/product-owner/", "<p>po</p>"},
		{"/roles/product-owner/index.html", "<p>po</p>"},
	}
	for _, tt := range tests {
		w := get(t, h, "GET", tt.target)
		if want := tt.body + tag; w.Code != http.StatusOK || w.Body.String() != want {
			t.Errorf("GET %s: status %d, body %q; want 200, %q", tt.target, w.Code, w.Body, want)
		}
	}
	// A folder without index.html is not listed.
	if w := get(t, h, "GET", "/roles/empty/"); w.Code != http.StatusNotFound {
		t.Errorf("GET /roles/empty/: status %d, want 404", w.Code)
	}
}

func TestRedirects(t *testing.T) {
	h := New(Options{Root: writeSite(t, map[string]string{
		"roles/product-owner/index.html": "<p>po</p>",
		"a b/index.html":                 "x",
	})}).Handler()
	tests := []struct {
		target, location string
	}{
		{"/roles/product-owner", "/roles/product-owner/"},
		{"/roles/product-owner?tab=2&x=y", "/roles/product-owner/?tab=2&x=y"},
		{"/roles", "/roles/"},
		{"/a%20b", "/a%20b/"},
		{"/roles//product-owner/", "/roles/product-owner/"},
		{"/roles/./product-owner/?q", "/roles/product-owner/?q"},
		{"//evil.example/", "/evil.example/"},
	}
	for _, tt := range tests {
		w := get(t, h, "GET", tt.target)
		if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != tt.location {
			t.Errorf("GET %s: status %d, Location %q; want 301, %q", tt.target, w.Code, w.Header().Get("Location"), tt.location)
		}
	}
	// A file is not a folder.
	if w := get(t, h, "GET", "/roles/product-owner/index.html/"); w.Code != http.StatusNotFound {
		t.Errorf("GET a file with a trailing slash: status %d, want 404", w.Code)
	}
}

func TestNotFound(t *testing.T) {
	const notFound = "<html><body><h1>Not here</h1></body></html>"
	h := New(Options{Root: writeSite(t, map[string]string{"404.html": notFound})}).Handler()
	w := get(t, h, "GET", "/no/such/page/")
	if w.Code != http.StatusNotFound {
		t.Fatalf("status %d, want 404", w.Code)
	}
	if want := "<html><body><h1>Not here</h1>" + tag + "</body></html>"; w.Body.String() != want {
		t.Errorf("body %q, want %q", w.Body, want)
	}
	if got := w.Header().Get("Content-Type"); got != htmlType {
		t.Errorf("Content-Type %q, want %q", got, htmlType)
	}
	if got := w.Header().Get("ETag"); got != "" {
		t.Errorf("a 404 has ETag %q", got)
	}

	bare := New(Options{Root: writeSite(t, map[string]string{"index.html": page})}).Handler()
	w = get(t, bare, "GET", "/missing.css")
	if w.Code != http.StatusNotFound || w.Body.String() != "404 page not found\n" {
		t.Errorf("without 404.html: status %d, body %q; want 404, %q", w.Code, w.Body, "404 page not found\n")
	}
	if got := w.Header().Get("Content-Type"); got != "text/plain; charset=utf-8" {
		t.Errorf("without 404.html: Content-Type %q", got)
	}

	gone := New(Options{Root: filepath.Join(t.TempDir(), "not-built-yet")}).Handler()
	if w := get(t, gone, "GET", "/"); w.Code != http.StatusNotFound || w.Body.String() != "404 page not found\n" {
		t.Errorf("missing output folder: status %d, body %q; want 404", w.Code, w.Body)
	}
}

func TestBasePath(t *testing.T) {
	root := writeSite(t, map[string]string{
		"index.html":                     page,
		"roles/product-owner/index.html": "<body>po</body>",
		"404.html":                       "<body>missing</body>",
	})
	const hbTag = `<script src="/handbook/__playbook/livereload.js" defer></script>`
	for _, base := range []string{"/handbook/", "/handbook", "handbook"} {
		h := New(Options{Root: root, BasePath: base}).Handler()
		tests := []struct {
			target   string
			code     int
			location string
			body     string
		}{
			{"/handbook/", 200, "", strings.Replace(page, "</body>", hbTag+"</body>", 1)},
			{"/handbook/roles/product-owner/", 200, "", "<body>po" + hbTag + "</body>"},
			{"/handbook/roles/product-owner?a=1", 301, "/handbook/roles/product-owner/?a=1", ""},
			{"/", 302, "/handbook/", ""},
			{"/?x=1", 302, "/handbook/?x=1", ""},
			{"/handbook", 301, "/handbook/", ""},
			{"/other/", 404, "", "<body>missing" + hbTag + "</body>"},
			{"/roles/product-owner/", 404, "", "<body>missing" + hbTag + "</body>"},
			{"/handbookx/", 404, "", "<body>missing" + hbTag + "</body>"},
			{"/__playbook/livereload.js", 404, "", "<body>missing" + hbTag + "</body>"},
		}
		for _, tt := range tests {
			w := get(t, h, "GET", tt.target)
			if w.Code != tt.code || w.Header().Get("Location") != tt.location {
				t.Errorf("base %q, GET %s: status %d, Location %q; want %d, %q", base, tt.target, w.Code, w.Header().Get("Location"), tt.code, tt.location)
			}
			if tt.body != "" && w.Body.String() != tt.body {
				t.Errorf("base %q, GET %s: body %q, want %q", base, tt.target, w.Body, tt.body)
			}
		}
		if w := get(t, h, "GET", "/handbook/__playbook/livereload.js"); w.Code != 200 {
			t.Errorf("base %q: the script: status %d", base, w.Code)
		}
	}
}

func TestPermissionDenied(t *testing.T) {
	root := writeSite(t, map[string]string{"secret.txt": "TOPSECRET"})
	if err := os.Chmod(filepath.Join(root, "secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(filepath.Join(root, "secret.txt")); err == nil {
		f.Close()
		t.Skip("the file system lets this user read a mode-0 file")
	}
	var logged []string
	h := New(Options{Root: root, Logf: func(f string, a ...any) { logged = append(logged, f) }}).Handler()
	w := get(t, h, "GET", "/secret.txt")
	if w.Code != http.StatusForbidden || w.Body.String() != "403 forbidden\n" {
		t.Errorf("status %d, body %q; want 403, %q", w.Code, w.Body, "403 forbidden\n")
	}
	if len(logged) != 1 {
		t.Errorf("logged %d lines, want 1 naming the error", len(logged))
	}
}
