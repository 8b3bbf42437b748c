package build

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/internal/jsmin"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/theme"
)

// Chroma styles for the generated code-highlighting rules.
const (
	lightCodeStyle = "github"
	darkCodeStyle  = "github-dark"
)

// outputAsset is a file the build writes besides the pages.
type outputAsset struct {
	Path string
	Data []byte
}

// basePath returns the path of a base URL with a trailing slash, "/" when
// there is none.
func basePath(baseURL string) (string, string) {
	if baseURL == "" {
		return "", "/"
	}
	u, err := config.ParseBaseURL(baseURL)
	if err != nil {
		return "", "/"
	}
	if u.Scheme == "" {
		return "", u.Path
	}
	return u.String(), u.Path
}

// newSiteData builds the site-wide template data.
func newSiteData(cfg config.Config) *SiteData {
	abs, bp := basePath(cfg.BaseURL)
	d := &SiteData{
		Title:    cfg.Title,
		Language: cfg.Language,
		BaseURL:  abs,
		BasePath: bp,
		Params:   cfg.Params,
		editURL:  cfg.EditURL,
	}
	return d
}

// themeAssets returns the theme's static files as written to the output.
// The theme's stylesheets under css/ and the code-highlighting rules are
// joined into one fingerprinted file, so that a page needs one cached
// request for all its styles; the scripts under js/ are minified, and
// js/playbook.js is fingerprinted too.
func themeAssets(th *theme.Theme, d *SiteData, hashNames bool) ([]outputAsset, error) {
	name := func(n string, data []byte) string {
		if hashNames {
			return fingerprint(n, data)
		}
		return n
	}
	var out []outputAsset
	var css strings.Builder
	for _, a := range th.Assets() {
		switch {
		case strings.HasPrefix(a.Path, "css/") && strings.HasSuffix(a.Path, ".css") && !strings.Contains(a.Path[4:], "/"):
			css.Write(a.Data)
			css.WriteByte('\n')
		case a.Path == "js/playbook.js":
			min := jsmin.Minify(a.Data)
			js := name(a.Path, min)
			d.Scripts = append(d.Scripts, js)
			out = append(out, outputAsset{Path: js, Data: min})
		case strings.HasPrefix(a.Path, "js/") && strings.HasSuffix(a.Path, ".js"):
			out = append(out, outputAsset{Path: a.Path, Data: jsmin.Minify(a.Data)})
		default:
			out = append(out, outputAsset{Path: a.Path, Data: a.Data})
		}
	}
	hl, err := markup.HighlightCSS(lightCodeStyle, darkCodeStyle)
	if err != nil {
		return nil, err
	}
	css.Write(hl)
	min := []byte(minifyCSS(css.String()))
	cssName := name("css/playbook.css", min)
	d.Stylesheets = append(d.Stylesheets, cssName)
	out = append(out, outputAsset{Path: cssName, Data: min})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// fingerprint inserts a short content hash before the extension, so that
// browsers may cache the file for ever.
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// templateFuncs are the functions every layout may call.
func templateFuncs(basePath string) template.FuncMap {
	return template.FuncMap{
		// relURL makes an output-relative path into a site path under the
		// base path: relURL "css/a.css" → "/handbook/css/a.css".
		"relURL": func(p string) string {
			if basePath != "/" && strings.HasPrefix(p, basePath) {
				return p
			}
			return basePath + strings.TrimPrefix(p, "/")
		},
		"isoDate": func(t time.Time) string {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				return t.Format("2006-01-02")
			}
			return t.Format(time.RFC3339)
		},
		"longDate": func(t time.Time) string { return t.Format("2 January 2006") },
	}
}
