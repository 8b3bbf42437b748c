package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// plain answers with a short text body; the body is never an internal error
// text, only the status and, at most, advice for the reader.
func plain(w http.ResponseWriter, r *http.Request, code int, body string) {
	h := w.Header()
	h.Del("ETag")
	h.Del("Last-Modified")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write([]byte(body))
	}
}

// plainStatus answers with the status line as the body, "405 method not
// allowed"; a 404 says "404 page not found".
func plainStatus(w http.ResponseWriter, r *http.Request, code int) {
	text := strings.ToLower(http.StatusText(code))
	if code == http.StatusNotFound {
		text = "page not found"
	}
	plain(w, r, code, strconv.Itoa(code)+" "+text+"\n")
}

// redirect sends the client to the decoded path target, keeping the query.
// target always starts with a single slash, so the Location cannot name
// another host.
func redirect(w http.ResponseWriter, r *http.Request, target string, code int) {
	u := url.URL{Path: target, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), code)
}
