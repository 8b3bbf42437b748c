package content

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkSiteFiles is the small site the link tests resolve against.
var linkSiteFiles = map[string]string{
	"_index.md":               "# Home\n",
	"roles/_index.md":         "# Roles\n",
	"roles/product-owner.md":  "# Product Owner\n",
	"roles/scrum-master.md":   "---\nslug: sm\n---\n# Scrum Master\n",
	"a/b/c.md":                "# Deep\n",
	"with space/p q.md":       "# Spaced\n",
	"drafts/d.md":             "---\ndraft: true\n---\n",
	"img/x.png":               "png",
	"javascript:alert(1).png": "a file whose name looks like a scheme",
}

// linkBases are the base paths a site can have.
var linkBases = []string{"/", "/handbook/", "", "/a/b/"}

// loadLinkSite writes linkSiteFiles into dir and loads them.
func loadLinkSite(tb testing.TB, dir string) *Site {
	tb.Helper()
	for name, data := range linkSiteFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	site, diags, err := Load(Options{Dir: dir})
	if err != nil || len(diags) > 0 {
		tb.Fatalf("loading the link site: %v %v", err, diags)
	}
	return site
}

// linkEscape says how out, the URL ResolveLink returned for dest on a site
// under base, escapes what dest allowed, or returns "". It reads out the way
// a browser does: tabs and newlines removed, leading spaces and control
// characters trimmed, "\" taken for "/", and "%2e" for "." in dot segments.
func linkEscape(dest, out, base string) string {
	if out == "" {
		return "" // the link was dropped: it goes nowhere
	}
	// A destination's entity references are decoded before a browser sees
	// it (CommonMark): "&#106;avascript:" is "javascript:".
	nOut, nDest := browserNormal(out), browserNormal(html.UnescapeString(dest))
	if so, sd := urlScheme(nOut), urlScheme(nDest); so != sd {
		return "scheme " + quoteOr(so) + " where the link had " + quoteOr(sd)
	}
	if urlScheme(nOut) != "" {
		return ""
	}
	slashed := strings.ReplaceAll(nOut, `\`, "/")
	if strings.HasPrefix(slashed, "//") {
		if !strings.HasPrefix(strings.ReplaceAll(nDest, `\`, "/"), "//") {
			return "protocol-relative URL (another host) from a link that was not"
		}
		return ""
	}
	if !strings.HasPrefix(slashed, "/") {
		return "" // a fragment or query within the page
	}
	if b := cleanBasePath(base); !strings.HasPrefix(browserPath(slashed), b) {
		return "path resolves to " + browserPath(slashed) + ", outside the base path " + b
	}
	return ""
}

func quoteOr(s string) string {
	if s == "" {
		return "none"
	}
	return `"` + s + `"`
}

func cleanBasePath(base string) string {
	if base == "" {
		return "/"
	}
	return base
}

// browserNormal removes what a browser's URL parser removes before parsing.
func browserNormal(u string) string {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
}

// urlScheme returns the lower-cased scheme of u, or "".
func urlScheme(u string) string {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return strings.ToLower(u[:i])
		default:
			return ""
		}
	}
	return ""
}

// browserPath resolves the dot segments of the path part of a
// slash-separated URL as a browser does, the percent-encoded ones included.
func browserPath(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	var out []string
	segs := strings.Split(u, "/")[1:]
	for i, s := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(s) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case ".", "%2e":
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// FuzzResolveLink checks that no link destination makes the resolver panic
// or write a URL that leaves the site: to another host, to a scheme the
// author did not write, or above the base path.
func FuzzResolveLink(f *testing.F) {
	site := loadLinkSite(f, f.TempDir())
	for _, seed := range []string{
		"", "#x", "?q", "../roles/product-owner.md#duties", "roles/scrum-master.md?x#y",
		"roles/", "img/x.png", "/roles/", "/handbook/roles/", "https://example.com/",
		"mailto:a@example.com", "//example.com/x", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
		"&#106;avascript:alert(1)", "java\tscript:alert(1)", "./javascript:alert(1).png",
		"../../../etc/passwd", "/../../etc/passwd", "/%2e%2e/x", `/\example.com`, "drafts/d.md",
		"with space/p q.md", "with%20space/p%20q.md", "a/b/../../roles/", "\x00", "C:/x", ":x",
	} {
		f.Add(seed, 0, 0)
		f.Add(seed, 4, 1) // another page, under /handbook/
	}
	f.Fuzz(func(t *testing.T, dest string, page, base int) {
		p := site.Pages[uint(page)%uint(len(site.Pages))]
		b := linkBases[uint(base)%uint(len(linkBases))]
		out, err := site.LinkResolver(p, b).ResolveLink(dest)
		if err != nil {
			if out != "" {
				t.Errorf("ResolveLink(%q) on %s returned %q with the error %v", dest, p.File, out, err)
			}
			if err.Error() == "" {
				t.Errorf("ResolveLink(%q): empty error", dest)
			}
			return
		}
		if why := linkEscape(dest, out, b); why != "" {
			t.Errorf("ResolveLink(%q) on %s, base %q = %q: %s", dest, p.File, b, out, why)
		}
	})
}

// TestResolveLinkEscapes lists the destinations that could take a reader
// off the site or above its base path; each must be refused or kept inside.
func TestResolveLinkEscapes(t *testing.T) {
	site := loadLinkSite(t, t.TempDir())
	tests := []struct{ base, dest string }{
		{"/handbook/", "/../etc/passwd"},
		{"/handbook/", "/handbook/../x/"},
		{"/handbook/", "/%2e%2e/x/"},
		{"/handbook/", "/.%2E/x/"},
		{"/handbook/", `/..\x/`},
		{"/", `/\example.com/`},
		{"/", "/\t/example.com/"},
		{"/", "../../../etc/passwd"},
		{"/", "%2e%2e/%2e%2e/etc/passwd"},
		{"/", "./javascript:alert(1).png"},
		{"/", "roles/../../x.md"},
	}
	for _, tt := range tests {
		for _, p := range []*Page{site.PageByFile("_index.md"), site.PageByFile("a/b/c.md")} {
			out, err := site.LinkResolver(p, tt.base).ResolveLink(tt.dest)
			if err != nil {
				continue // refused: safe
			}
			if why := linkEscape(tt.dest, out, tt.base); why != "" {
				t.Errorf("base %q, link %q in %s: got %q: %s", tt.base, tt.dest, p.File, out, why)
			}
		}
	}
}

// TestLinkEscapeCheck keeps the checker honest: it must flag what a
// browser would follow off the site and pass ordinary site URLs.
func TestLinkEscapeCheck(t *testing.T) {
	tests := []struct {
		dest, out, base string
		escapes         bool
	}{
		{"a.md", "/a/", "/", false},
		{"/x", "/handbook/x", "/handbook/", false},
		{"#top", "#top", "/handbook/", false},
		{"https://e.example/", "https://e.example/", "/", false},
		{"//e.example/", "//e.example/", "/", false},
		{"a.md", "//e.example/", "/", true},
		{"a.md", `/\e.example/`, "/", true},
		{"a.md", "javascript:x", "/", true},
		{"a.md", " java\tscript:x", "/", true},
		{"a.md", "/handbook/../x", "/handbook/", true},
		{"a.md", "/handbook/%2E%2e/x", "/handbook/", true},
		{"a.md", "/handbook/x/..", "/handbook/", false},
		{"a.md", "/../x", "/", false},
	}
	for _, tt := range tests {
		if got := linkEscape(tt.dest, tt.out, tt.base) != ""; got != tt.escapes {
			t.Errorf("linkEscape(%q, %q, %q) = %v, want %v", tt.dest, tt.out, tt.base, got, tt.escapes)
		}
	}
}
