package search

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/minify"
)

// gzipSize returns the size of data gzipped at the default level, as web
// servers send it.
func gzipSize(tb testing.TB, data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Len()
}

// fetchBytes returns the gzipped size of search.js, minified as the build
// serves it, and of the named index files.
func fetchBytes(tb testing.TB, files map[string][]byte, names []string) int {
	total := gzipSize(tb, minify.JS(readFile(tb, theme+"js/search.js")))
	for _, n := range names {
		total += gzipSize(tb, files[n])
	}
	return total
}
