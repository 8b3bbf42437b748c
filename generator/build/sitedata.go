package build

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"html/template"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/minify"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/theme"
	"github.com/playbookhq/playbook/generator/view"
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
	// Origin is the theme file a theme asset comes from ("" for the joined
	// stylesheet), and otherName its name when fingerprinting is the other
	// way round (fixed for a build, fingerprinted for serve): both are
	// claimed, so that a site that previews also builds.
	Origin, otherName string
	// what names a kind's file in messages; feed marks a feed.
	what string
	feed bool
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
func newSiteData(cfg config.Config) *view.SiteData {
	abs, bp := basePath(cfg.BaseURL)
	d := &view.SiteData{
		Title:    cfg.Title,
		Language: cfg.Language,
		BaseURL:  abs,
		BasePath: bp,
		Params:   cfg.Params,
	}
	if cfg.Logo != "" {
		d.Logo = d.RelURL(strings.TrimPrefix(path.Clean("/"+cfg.Logo), "/"))
	}
	return d
}

// themeAssets returns the theme's static files as written to the output.
// The theme's stylesheets under css/ and the site's accent colours (brand)
// are joined into one fingerprinted file, and the code-highlighting rules
// written to another, so that a page needs one cached request for all its
// styles; the scripts under js/ are minified, and js/playbook.js is
// fingerprinted too.
func themeAssets(th *theme.Theme, d *view.SiteData, hashNames bool, brand string) ([]outputAsset, error) {
	d.Integrity = map[string]string{}
	// name returns the name an asset is written under and the name it has
	// under the other convention (fingerprinted or not), which the build
	// claims too, so that build and serve refuse the same collisions.
	name := func(n string, data []byte) (string, string) {
		if hashNames {
			f := fingerprint(n, data)
			sum := sha512.Sum384(data)
			d.Integrity[f] = "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
			return f, n
		}
		return n, fingerprint(n, data)
	}
	var out []outputAsset
	var css strings.Builder
	for _, a := range th.Assets() {
		switch {
		case strings.HasPrefix(a.Path, "css/") && strings.HasSuffix(a.Path, ".css") && !strings.Contains(a.Path[4:], "/"):
			css.Write(a.Data)
			css.WriteByte('\n')
		case a.Path == "js/playbook.js":
			min := minify.JS(a.Data)
			js, other := name(a.Path, min)
			d.Scripts = append(d.Scripts, js)
			out = append(out, outputAsset{Path: js, Data: min, Origin: a.Origin, otherName: other})
		case strings.HasPrefix(a.Path, "js/") && strings.HasSuffix(a.Path, ".js"):
			out = append(out, outputAsset{Path: a.Path, Data: minify.JS(a.Data), Origin: a.Origin})
		default:
			out = append(out, outputAsset{Path: a.Path, Data: a.Data, Origin: a.Origin})
		}
	}
	css.WriteString(brand) // last, so that the site's accent wins over the theme's default
	min := minify.CSS([]byte(css.String()))
	cssName, other := name("css/playbook.css", min)
	d.Stylesheets = append(d.Stylesheets, cssName)
	out = append(out, outputAsset{Path: cssName, Data: min, otherName: other})
	// The code colours, light and dark, are a fifth of the styles gzipped
	// (1.2 of 6.7 KB), and most pages have no highlighted code: only the
	// pages that do link them (PageView.HasCode).
	hl, err := markup.HighlightCSS(lightCodeStyle, darkCodeStyle)
	if err != nil {
		return nil, err
	}
	hl = minify.CSS(hl)
	code, otherCode := name("css/code.css", hl)
	d.CodeStylesheet = code
	out = append(out, outputAsset{Path: code, Data: hl, otherName: otherCode})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// checkLogo reports a configured logo that is not a file of the content
// folder, at the config's line.
func (s *Site) checkLogo() diag.List {
	logo := s.Config.Logo
	if logo == "" || strings.Contains(logo, "..") || strings.HasPrefix(logo, "/") || strings.Contains(logo, "://") {
		return nil // the config's own check says what is wrong with the path
	}
	want := path.Clean(logo)
	for _, f := range s.Content.Files {
		if f.File == want {
			return nil
		}
	}
	line, col := s.Config.KeyPos("logo")
	return diag.List{diag.Errorf(displayConfig(s), line, col,
		"logo %q is not a file of the content folder: put the image at %s, or correct the path",
		logo, path.Join(s.Config.ContentDir, want))}
}

// displayConfig is the config file as messages name it.
func displayConfig(s *Site) string {
	name := filepath.Base(s.Config.File)
	return filepath.ToSlash(filepath.Join(displayDir(s.source), name))
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
