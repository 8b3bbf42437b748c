package build

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// aliases renders a redirect page at every old URL a page lists, and
// reports the aliases that are not a usable path.
func (s *Site) aliases() ([]outputAsset, diag.List) {
	var out []outputAsset
	var diags diag.List
	for _, p := range s.Content.Pages {
		for _, a := range p.Aliases {
			pos := p.FrontMatter.Pos["aliases"]
			file, err := aliasFile(a)
			if err != nil {
				diags = append(diags, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "alias %q %v", a, err))
				continue
			}
			// An alias onto another output is claimOutputs' to report.
			out = append(out, outputAsset{Path: file, Data: redirectPage(s.data.Language, s.url(p))})
		}
	}
	return out, diags
}

// aliasFile turns an alias URL path into an output file.
func aliasFile(alias string) (string, error) {
	if !strings.HasPrefix(alias, "/") {
		return "", fmt.Errorf("must be a site path starting with /, such as /roles/po/")
	}
	clean := path.Clean(alias)
	if strings.Contains(alias, "..") || strings.ContainsAny(alias, "\\\x00?#") || clean == "/" {
		return "", fmt.Errorf("is not a usable page path")
	}
	clean = strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(clean, ".html") {
		return clean, nil
	}
	return clean + "/index.html", nil
}

// redirectPage is a minimal page that sends the reader to target, without
// script, so that it works everywhere.
func redirectPage(lang, target string) []byte {
	t := html.EscapeString(target)
	return []byte(`<!DOCTYPE html>
<html lang="` + html.EscapeString(lang) + `">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>Moved to ` + t + `</title>
<link rel="canonical" href="` + t + `">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=` + t + `">
</head>
<body>
<p>This page has moved to <a href="` + t + `">` + t + `</a>.</p>
</body>
</html>
`)
}

// sitemap lists every page for search engines, sorted by URL.
func (s *Site) sitemap() []byte {
	type entry struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod,omitempty"`
	}
	var entries []entry
	for _, p := range s.Content.Pages {
		e := entry{Loc: s.data.Permalink(p.URL)}
		if !p.Lastmod.IsZero() {
			e.Lastmod = p.Lastmod.Format("2006-01-02")
		} else if !p.Date.IsZero() {
			e.Lastmod = p.Date.Format("2006-01-02")
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Loc < entries[j].Loc })
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range entries {
		b.WriteString("<url>")
		enc, _ := xml.Marshal(e)
		b.Write(bytes.TrimSuffix(bytes.TrimPrefix(enc, []byte("<entry>")), []byte("</entry>")))
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func (s *Site) robots() []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.data.BaseURL != "" {
		b.WriteString("Sitemap: " + s.data.BaseURL + "sitemap.xml\n")
	}
	return []byte(b.String())
}
