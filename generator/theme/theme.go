// Package theme loads a site's HTML templates and static assets: the built-in
// default theme, overlaid file by file by the site's own theme folder.
package theme

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Theme is a parsed set of layouts and the static files that go with them.
type Theme struct {
	layouts map[string]*template.Template
	assets  []Asset
	sum     [32]byte
}

// Asset is one static file of the theme, copied to the output at Path.
type Asset struct {
	Path string // slash-separated, relative to the output root ("css/playbook.css")
	Data []byte
	// Origin is the file it comes from, for messages: "(built-in
	// theme)/static/css/playbook.css" or the site's override.
	Origin string
}

// Layout names the theme provides; every kind without a layout of its own
// falls back to "page".
const (
	LayoutHome     = "home"
	LayoutSection  = "section"
	LayoutPage     = "page"
	LayoutNotFound = "404"
)

// Load reads the theme from base, with files in override (may be nil)
// replacing those of the same path. overrideName prefixes template paths in
// error messages. funcs are the template functions layouts may call.
func Load(base, override fs.FS, overrideName string, funcs template.FuncMap) (*Theme, error) {
	files, origin, err := overlay(base, override, overrideName)
	if err != nil {
		return nil, err
	}
	t := &Theme{layouts: map[string]*template.Template{}, sum: checksum(files)}
	root := template.New("").Funcs(funcs)
	var layoutNames []string
	for _, name := range sortedKeys(files) {
		switch {
		case strings.HasPrefix(name, "static/"):
			t.assets = append(t.assets, Asset{Path: strings.TrimPrefix(name, "static/"), Data: files[name], Origin: origin[name]})
		case name == "templates/base.html" || strings.HasPrefix(name, "templates/partials/"):
			if _, err := root.New(strings.TrimPrefix(name, "templates/")).Parse(string(files[name])); err != nil {
				return nil, templateError(err, origin)
			}
		case strings.HasPrefix(name, "templates/") && strings.HasSuffix(name, ".html"):
			layoutNames = append(layoutNames, name)
		}
	}
	if root.Lookup("base.html") == nil {
		return nil, errors.New("theme has no templates/base.html")
	}
	for _, name := range layoutNames {
		clone, err := root.Clone()
		if err != nil {
			return nil, fmt.Errorf("cloning base template: %w", err)
		}
		if _, err := clone.New(strings.TrimPrefix(name, "templates/")).Parse(string(files[name])); err != nil {
			return nil, templateError(err, origin)
		}
		t.layouts[strings.TrimSuffix(path.Base(name), ".html")] = clone
	}
	if _, ok := t.layouts[LayoutPage]; !ok {
		return nil, errors.New("theme has no templates/page.html")
	}
	return t, nil
}

// Sum identifies the theme's files: it changes when any template or asset does.
func (t *Theme) Sum() [32]byte { return t.sum }

func checksum(files map[string][]byte) [32]byte {
	h := sha256.New()
	for _, name := range sortedKeys(files) {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(files[name]))
		h.Write(files[name])
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// Has reports whether the theme has a layout of that name.
func (t *Theme) Has(layout string) bool { _, ok := t.layouts[layout]; return ok }

// Execute renders the layout (or "page" when the theme has no such layout)
// into w. Every layout is executed through base.html.
func (t *Theme) Execute(w io.Writer, layout string, data any) error {
	tmpl, ok := t.layouts[layout]
	if !ok {
		tmpl = t.layouts[LayoutPage]
	}
	return tmpl.ExecuteTemplate(w, "base.html", data)
}

// ExecuteMain renders only a layout's "main" block (or page's, when the
// theme has no such layout), with a page's own data: what the page shows
// of itself without the site around it, for a page that gathers others,
// such as the print page.
func (t *Theme) ExecuteMain(w io.Writer, layout string, data any) error {
	tmpl, ok := t.layouts[layout]
	if !ok {
		tmpl = t.layouts[LayoutPage]
	}
	return tmpl.ExecuteTemplate(w, "main", data)
}

// ExecutePartial renders one partial template, such as "partials/nav.html",
// into w.
func (t *Theme) ExecutePartial(w io.Writer, name string, data any) error {
	return t.layouts[LayoutPage].ExecuteTemplate(w, name, data)
}

// Assets returns the theme's static files sorted by path.
func (t *Theme) Assets() []Asset { return t.assets }

// overlay merges the files of base and override. origin maps a file to the
// path to show in errors.
func overlay(base, override fs.FS, overrideName string) (map[string][]byte, map[string]string, error) {
	files := map[string][]byte{}
	origin := map[string]string{}
	read := func(fsys fs.FS, prefix string) error {
		return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == "." {
					return nil
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if !strings.HasPrefix(p, "templates/") && !strings.HasPrefix(p, "static/") {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return fmt.Errorf("reading theme file %q: %w", path.Join(prefix, p), err)
			}
			files[p] = data
			origin[strings.TrimPrefix(p, "templates/")] = path.Join(prefix, p)
			return nil
		})
	}
	if err := read(base, "(built-in theme)"); err != nil {
		return nil, nil, err
	}
	if override != nil {
		if err := read(override, overrideName); err != nil {
			return nil, nil, err
		}
	}
	return files, origin, nil
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateError turns html/template's "template: page.html:12: …" into a
// diagnostic naming the theme file.
func templateError(err error, origin map[string]string) error {
	m := templateErrRE.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	file := m[1]
	if o, ok := origin[file]; ok {
		file = o
	}
	return diag.List{diag.Errorf(file, line, col, "%s", m[4])}.Err()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
