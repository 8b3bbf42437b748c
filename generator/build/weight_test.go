package build_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pageBudget is the most that one page of each kind may weigh, gzipped:
// its HTML and every stylesheet and script it links. The search index, which
// search.js fetches when the reader searches, is not counted.
const pageBudget = 15 << 10

// TestPageWeight builds the example playbook and weighs one page of each
// kind as a reader's first visit loads it, every file gzipped at the level
// static hosts use by default.
func TestPageWeight(t *testing.T) {
	out := buildExample(t)
	for _, path := range []string{
		"/",                                     // home
		"/roles/product-owner/",                 // role guide, with its diagram and tables
		"/articles/our-team-working-agreement/", // article with highlighted code
		"/qa/working-with-the-product-owner/",   // Q&A thread
		"/vision-boards/dispatchly/",            // vision board
	} {
		html := readBuilt(t, out, path+"index.html")
		total := gzipSize(t, html)
		parts := []string{"html " + kib(total)}
		for _, asset := range linkedAssets(html) {
			if !strings.HasPrefix(asset, "/") || strings.HasPrefix(asset, "//") {
				t.Errorf("%s links %q, want a file of the site itself", path, asset)
				continue
			}
			n := gzipSize(t, readBuilt(t, out, asset))
			total += n
			parts = append(parts, asset+" "+kib(n))
		}
		t.Logf("%-40s %s gzipped (%s)", path, kib(total), strings.Join(parts, ", "))
		if len(parts) < 3 {
			t.Errorf("%s links %d stylesheets and scripts, want at least the theme's stylesheet and script", path, len(parts)-1)
		}
		if total >= pageBudget {
			t.Errorf("%s weighs %s gzipped with its stylesheets and scripts (%s), want less than %s", path, kib(total), strings.Join(parts, ", "), kib(pageBudget))
		}
	}
}

// assetRef matches a stylesheet link or a script element of the HTML that
// the theme writes: <link rel="stylesheet" href="…"> and <script src="…">.
var assetRef = regexp.MustCompile(`<link\s+rel="stylesheet"\s+href="([^"]+)"|<script\s+src="([^"]+)"`)

// linkedAssets lists the URLs of the stylesheets and scripts that html
// links, in document order.
func linkedAssets(html []byte) []string {
	var urls []string
	for _, m := range assetRef.FindAllSubmatch(html, -1) {
		urls = append(urls, string(m[1])+string(m[2]))
	}
	return urls
}

// readBuilt reads the file of the built site out at the URL path.
func readBuilt(t *testing.T, out, urlPath string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(urlPath, "/"))))
	if err != nil {
		t.Fatalf("reading %s of the built site: %v", urlPath, err)
	}
	return data
}

// gzipSize is the size of data gzipped at the default level, 6.
func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(data); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return buf.Len()
}

// kib formats a size in bytes as kibibytes with one decimal.
func kib(n int) string {
	return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KB"
}
