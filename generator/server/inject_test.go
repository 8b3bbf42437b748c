package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestInjectScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<body><p>a</p></body></html>", "<body><p>a</p>T</body></html>"},
		{"<BODY>a</BODY>", "<BODY>a" + "T</BODY>"},
		{"<body>a</body >\n", "<body>aT</body >\n"},
		{"<p>no body element</p>\n", "<p>no body element</p>\nT"},
		{"", "T"},
		{"<body><pre>&lt;/body&gt;</pre></body>", "<body><pre>&lt;/body&gt;</pre>T</body>"},
		{"<body><p>a</p></body>\n<!-- </body> -->", "<body><p>a</p></body>\n<!-- T</body> -->"},
		{"<body>a</bodyx>", "<body>a</bodyx>T"},
		{"</body", "</body" + "T"},
	}
	for _, tt := range tests {
		if got := string(injectScript([]byte(tt.in), []byte("T"))); got != tt.want {
			t.Errorf("injectScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInjectionOnlyIntoHTML(t *testing.T) {
	files := map[string]string{
		"index.html":       page,
		"roles/index.htm":  "<p>no body</p>",
		"css/site.css":     "body{}</body>",
		"feed.xml":         "<feed></body></feed>",
		"js/app.js":        "let s = '</body>';",
		"roles/po.md":      "# PO </body>",
		"logo.svg":         "<svg></svg>",
		"site.webmanifest": "{}",
	}
	h := New(Options{Root: writeSite(t, files)}).Handler()
	for name, data := range files {
		w := get(t, h, "GET", "/"+name)
		want := data
		switch name {
		case "index.html":
			want = strings.Replace(data, "</body>", tag+"</body>", 1)
		case "roles/index.htm":
			want = data + tag
		}
		if w.Body.String() != want {
			t.Errorf("GET /%s: body %q, want %q", name, w.Body, want)
		}
		if got := w.Header().Get("ETag"); got != etagOf([]byte(want)) {
			t.Errorf("GET /%s: ETag %q is not the hash of the bytes served", name, got)
		}
	}
}

func TestLiveReloadAssets(t *testing.T) {
	h := New(Options{Root: writeSite(t, map[string]string{"index.html": page})}).Handler()
	tests := []struct{ target, ctype, contains string }{
		{"/__playbook/livereload.js", "text/javascript; charset=utf-8", "new EventSource("},
		{"/__playbook/livereload.css", "text/css; charset=utf-8", ".playbook-lr-overlay"},
	}
	for _, tt := range tests {
		w := get(t, h, "GET", tt.target)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", tt.target, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Type"); got != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, got, tt.ctype)
		}
		if !strings.Contains(w.Body.String(), tt.contains) {
			t.Errorf("GET %s: body lacks %q", tt.target, tt.contains)
		}
		etag := w.Header().Get("ETag")
		if w := get(t, h, "GET", tt.target, "If-None-Match", etag); w.Code != http.StatusNotModified {
			t.Errorf("GET %s with its ETag: status %d, want 304", tt.target, w.Code)
		}
	}
	if w := get(t, h, "GET", "/__playbook/other.js"); w.Code != http.StatusNotFound {
		t.Errorf("GET an unknown reserved file: status %d, want 404", w.Code)
	}
}

func TestScriptTagEscapesBasePath(t *testing.T) {
	s := New(Options{BasePath: `/my "hand"book/`})
	want := `<script src="/my%20%22hand%22book/__playbook/livereload.js" defer></script>`
	if string(s.scriptTag) != want {
		t.Errorf("script tag %s, want %s", s.scriptTag, want)
	}
}
