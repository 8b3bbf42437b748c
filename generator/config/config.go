// Package config reads a site's optional playbook.toml or playbook.yaml.
// Unknown keys are errors that name the closest known key, because a
// misspelt setting that is silently ignored costs authors an afternoon.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	yamlast "github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"
	"golang.org/x/text/language"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// FileNames are the config files looked for at the site root, in order.
var FileNames = []string{"playbook.toml", "playbook.yaml", "playbook.yml"}

// Config is a site's configuration.
type Config struct {
	Title    string `toml:"title" yaml:"title"`
	BaseURL  string `toml:"baseURL" yaml:"baseURL"`
	Language string `toml:"language" yaml:"language"`
	// Theme names a folder under ThemesDir whose files override the built-in
	// theme's files of the same name. Empty means "default".
	Theme     string `toml:"theme" yaml:"theme"`
	ThemesDir string `toml:"themesDir" yaml:"themesDir"`
	// ContentDir is the content folder, relative to the site root.
	ContentDir string `toml:"contentDir" yaml:"contentDir"`
	// Unsafe lets raw HTML in Markdown through instead of escaping it.
	Unsafe bool           `toml:"unsafe" yaml:"unsafe"`
	Params map[string]any `toml:"params" yaml:"params"`
	// Kinds maps each content kind to the top-level folder whose pages are
	// of that kind; a site overrides only the folders it names differently.
	Kinds map[string]string `toml:"kinds" yaml:"kinds"`
	// VisionBoardSections are the `##` sections a vision board must have, in
	// the order the board shows them; the first goes across the top.
	VisionBoardSections []string `toml:"visionBoardSections" yaml:"visionBoardSections"`
	// IgnoreExternalLinks lists URL prefixes (or host/path globs) that
	// `check --external` does not fetch.
	IgnoreExternalLinks []string `toml:"ignoreExternalLinks" yaml:"ignoreExternalLinks"`
	// Repository is the web address of the git repository holding the site
	// (https://github.com/org/handbook); with it every page gets an "Edit
	// this page" link, made from EditURL.
	Repository string `toml:"repository" yaml:"repository"`
	// EditURL is the pattern of a page's edit address: {repository},
	// {branch} and {path} (the file's path in the repository) are filled
	// in. Empty means GitHub's, DefaultEditURL.
	EditURL string `toml:"editURL" yaml:"editURL"`
	// Branch is the branch edits are made on; default "main".
	Branch string `toml:"branch" yaml:"branch"`
	// RepositoryPath is the site's folder inside the repository, "" when the
	// site is at its root.
	RepositoryPath string `toml:"repositoryPath" yaml:"repositoryPath"`
	// Redirects names the static host whose redirect file the build also
	// writes: "netlify" or "cloudflare" (a _redirects file), "" for none.
	Redirects string `toml:"redirects" yaml:"redirects"`
	// FrontMatterKeys are front matter keys the site's own templates read
	// (as .Page.Params): pages may hold them without a warning.
	FrontMatterKeys []string `toml:"frontMatterKeys" yaml:"frontMatterKeys"`

	// Logo and AccentColor brand the default theme; see brand.go.
	Logo            string `toml:"logo" yaml:"logo"`
	AccentColor     string `toml:"accentColor" yaml:"accentColor"`
	AccentColorDark string `toml:"accentColorDark" yaml:"accentColorDark"`

	// File is the config file read, "" when the site has none.
	File string `toml:"-" yaml:"-"`
	// display is File as messages name it, relative to where the command
	// runs ("playbook.toml", "site/playbook.toml").
	display string
	// keyPos is where each top-level key of the file is, for messages.
	keyPos map[string][2]int
}

// knownKeys are the top-level keys a config file may hold: the names of
// Config's fields as a file writes them (their toml tags).
var knownKeys = func() []string {
	var keys []string
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}()

// DefaultVisionBoardSections are the sections of a Product Vision Board.
var DefaultVisionBoardSections = []string{"Vision", "Target Group", "Needs", "Product", "Business Goals"}

// Default returns the configuration of a site without a config file.
func Default() Config {
	return Config{
		Title: "Playbook", Language: "en", Theme: "default", ThemesDir: "themes", ContentDir: "content",
		Branch:              "main",
		VisionBoardSections: append([]string(nil), DefaultVisionBoardSections...),
	}
}

// Load reads the config file at the site root dir, if there is one, over the
// defaults. Problems with the file's content are diagnostics with positions.
func Load(dir, displayDir string) (Config, diag.List, error) {
	cfg := Default()
	for _, name := range FileNames {
		p := filepath.Join(dir, name)
		src, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return cfg, nil, fmt.Errorf("reading config %q: %w", p, err)
		}
		display := filepath.ToSlash(filepath.Join(displayDir, name))
		cfg.File, cfg.display = p, display
		var diags diag.List
		if strings.HasSuffix(name, ".toml") {
			diags = decodeTOML(display, src, &cfg)
		} else {
			diags = decodeYAML(display, src, &cfg)
		}
		diags = append(diags, cfg.validate(display)...)
		diags = append(diags, cfg.validateLanguage(display)...)
		diags = append(diags, cfg.validateTheme(dir, display)...)
		return cfg, diags, nil
	}
	return cfg, nil, nil
}

func decodeTOML(file string, src []byte, cfg *Config) diag.List {
	md, err := toml.Decode(string(src), cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return diag.List{diag.Errorf(file, perr.Position.Line, perr.Position.Col, "invalid TOML: %s", perr.Message)}
		}
		return diag.List{diag.Errorf(file, 0, 0, "invalid config: %v", err)}
	}
	// The decoder matches keys to fields ignoring case; keys are checked
	// exactly here, so that TOML and YAML configs accept the same spelling.
	var diags diag.List
	lines := strings.Split(string(src), "\n")
	cfg.keyPos = map[string][2]int{}
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue
		}
		line, col := findTOMLKey(lines, key[0])
		cfg.keyPos[key[0]] = [2]int{line, col}
		if slices.Contains(knownKeys, key[0]) {
			continue
		}
		diags = append(diags, unknownKey(file, line, col, key.String()))
	}
	return diags
}

// findTOMLKey finds the line of `key = …`, or of the table `[key]`; the
// TOML decoder does not keep key positions.
func findTOMLKey(lines []string, key string) (int, int) {
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if name, ok := strings.CutPrefix(t, "["); ok {
			if name, ok = strings.CutSuffix(strings.TrimSpace(name), "]"); ok && strings.Trim(strings.TrimSpace(name), `"'`) == key {
				return i + 1, len(l) - len(t) + 1
			}
			continue
		}
		k, _, ok := strings.Cut(t, "=")
		if ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1, len(l) - len(t) + 1
		}
	}
	return 0, 0
}

// decodeYAML reads a YAML config with github.com/goccy/go-yaml, which gives
// the line and column of syntax errors and of every key.
func decodeYAML(file string, src []byte, cfg *Config) diag.List {
	f, err := yamlparser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			return diag.List{diag.Errorf(file, se.Token.Position.Line, se.Token.Position.Column, "invalid YAML: %s", se.Message)}
		}
		return diag.List{diag.Errorf(file, 0, 0, "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil
	}
	var values []*yamlast.MappingValueNode
	switch m := f.Docs[0].Body.(type) {
	case *yamlast.MappingNode:
		values = m.Values
	case *yamlast.MappingValueNode:
		values = []*yamlast.MappingValueNode{m}
	default:
		pos := m.GetToken().Position
		return diag.List{diag.Errorf(file, pos.Line, pos.Column, "config must be a mapping of `key: value` lines")}
	}
	var diags diag.List
	cfg.keyPos = map[string][2]int{}
	for _, kv := range values {
		k := kv.Key.String()
		pos := kv.Key.GetToken().Position
		cfg.keyPos[k] = [2]int{pos.Line, pos.Column}
		if !slices.Contains(knownKeys, k) {
			diags = append(diags, unknownKey(file, pos.Line, pos.Column, k))
		}
		if k == "visionBoardSections" {
			cfg.VisionBoardSections = nil // replaced, not added to the defaults
		}
	}
	if err := yaml.NodeToValue(f.Docs[0].Body, cfg); err != nil {
		diags = append(diags, diag.Errorf(file, 0, 0, "invalid config: %s", strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	return diags
}

func unknownKey(file string, line, col int, key string) diag.Diagnostic {
	msg := fmt.Sprintf("unknown config key %q", key)
	if best, ok := suggest.Closest(key, knownKeys); ok {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	} else {
		known := append([]string(nil), knownKeys...)
		sort.Strings(known)
		msg += " (known keys: " + strings.Join(known, ", ") + ")"
	}
	return diag.Errorf(file, line, col, "%s", msg)
}

func (c *Config) validate(file string) diag.List {
	var diags diag.List
	at := func(key string, format string, args ...any) {
		line, col := c.KeyPos(key)
		diags = append(diags, diag.Errorf(file, line, col, format, args...))
	}
	if c.BaseURL != "" {
		if _, err := ParseBaseURL(c.BaseURL); err != nil {
			at("baseURL", "%v", err)
		}
	}
	for _, kind := range sortedMapKeys(c.Kinds) {
		if folder := c.Kinds[kind]; folder == "" || strings.ContainsAny(folder, "/\\") {
			at("kinds", "kinds.%s must name one top-level folder of the content, not %q", kind, folder)
		}
	}
	if err := c.checkEditURL(); err != nil {
		at("editURL", "%v", err)
	}
	if err := CheckRedirects("redirects", c.Redirects); err != nil {
		at("redirects", "%v", err)
	}
	if len(c.VisionBoardSections) < 2 {
		at("visionBoardSections", "visionBoardSections must list at least two section names")
	}
	return append(diags, c.validateBrand(file)...)
}

// DisplayFile is the config file as messages name it, "" when the site has
// none.
func (c Config) DisplayFile() string { return c.display }

// KeyPos returns the line and column of a top-level key of the config
// file, 0, 0 when the file does not set it.
func (c Config) KeyPos(key string) (line, col int) {
	p := c.keyPos[key]
	return p[0], p[1]
}

func sortedMapKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// RedirectHosts are the hosts whose redirect files a build can write.
var RedirectHosts = []string{"netlify", "cloudflare"}

// CheckRedirects checks a redirects setting given under name.
func CheckRedirects(name, host string) error {
	if host == "" || slices.Contains(RedirectHosts, host) {
		return nil
	}
	return fmt.Errorf("%s must be %s, not %q", name, strings.Join(RedirectHosts, " or "), host)
}

// ParseBaseURL checks a base URL: absolute http(s) with a host, or a plain
// path such as "/handbook/". It returns it with a trailing slash.
func ParseBaseURL(raw string) (*url.URL, error) { return parseBaseURL("baseURL", raw) }

// CheckBaseURL checks a base URL given under another name, such as the
// flag --baseURL, which the error message names.
func CheckBaseURL(name, raw string) error {
	_, err := parseBaseURL(name, raw)
	return err
}

func parseBaseURL(name, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%s %q is not a URL: %v", name, raw, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || u.Scheme != "" && u.Host == "" {
		return nil, fmt.Errorf("%s %q must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/", name, raw)
	}
	if u.Scheme == "" && !strings.HasPrefix(u.Path, "/") {
		return nil, fmt.Errorf("%s %q must start with http://, https:// or /", name, raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// ContentRepositoryDir returns the content folder's path inside the git
// repository, slash-separated: repositoryPath joined with contentDir ("" when
// the content folder is the repository root).
func (c Config) ContentRepositoryDir() string {
	p := path.Join("/", filepath.ToSlash(c.RepositoryPath), filepath.ToSlash(c.ContentDir))
	return strings.Trim(p, "/")
}

// DefaultEditURL is GitHub's edit address, the pattern used when the
// config has none.
const DefaultEditURL = "{repository}/edit/{branch}/{path}"

// editPlaceholders are what an editURL pattern may contain.
var editPlaceholders = []string{"{repository}", "{branch}", "{path}"}

// PageEditURL returns the address at which the content file rel (relative
// to the content folder) can be edited, "" when the config names no
// repository and no editURL.
func (c Config) PageEditURL(rel string) string {
	pattern := c.EditURL
	if pattern == "" {
		if c.Repository == "" {
			return ""
		}
		pattern = DefaultEditURL
	}
	var parts []string
	for _, p := range []string{c.RepositoryPath, c.ContentDir} {
		if p = strings.Trim(filepath.ToSlash(p), "/"); p != "" && p != "." {
			parts = append(parts, p)
		}
	}
	file := (&url.URL{Path: strings.Join(append(parts, rel), "/")}).EscapedPath()
	return strings.NewReplacer(
		"{repository}", strings.TrimSuffix(c.Repository, "/"),
		"{branch}", (&url.URL{Path: c.Branch}).EscapedPath(), // feature/x stays a path
		"{path}", file,
	).Replace(pattern)
}

// checkEditURL reports placeholders of the editURL pattern that do not
// exist, and a {repository} with no repository to fill it.
func (c Config) checkEditURL() error {
	rest := c.EditURL
	for _, p := range editPlaceholders {
		rest = strings.ReplaceAll(rest, p, "")
	}
	if i := strings.Index(rest, "{"); i >= 0 {
		bad := rest[i:]
		if j := strings.Index(bad, "}"); j >= 0 {
			bad = bad[:j+1]
		}
		return fmt.Errorf("editURL has the unknown placeholder %s: use %s", bad, strings.Join(editPlaceholders, ", "))
	}
	if strings.Contains(c.EditURL, "{repository}") && c.Repository == "" {
		return fmt.Errorf("editURL uses {repository}, but the config sets no repository: add repository = \"https://…\"")
	}
	return nil
}

// validateLanguage checks that the language is a BCP 47 tag of a known
// language (golang.org/x/text/language), as <html lang> and the browser's
// Intl need: "en_US" is not one, though the library reads it as en-US.
func (c *Config) validateLanguage(file string) diag.List {
	line, col := c.KeyPos("language")
	const like = `write it like "en" or "en-US"`
	tag, err := language.Parse(c.Language)
	var msg string
	switch {
	case err != nil && strings.Contains(err.Error(), "well-formed but unknown"):
		msg = fmt.Sprintf("language %q is not a known language: %s", c.Language, like)
	case err != nil:
		msg = fmt.Sprintf("language %q is not a BCP 47 language tag: %s", c.Language, like)
	case strings.ContainsRune(c.Language, '_'):
		msg = fmt.Sprintf("language %q is not a BCP 47 language tag (did you mean %q?)", c.Language, tag.String())
	default:
		return nil
	}
	return diag.List{diag.Errorf(file, line, col, "%s", msg)}
}

// ThemesFolder returns the folder of the site's themes, relative to the
// site root site unless absolute.
func (c Config) ThemesFolder(site string) string {
	if filepath.IsAbs(c.ThemesDir) {
		return filepath.Clean(c.ThemesDir)
	}
	return filepath.Join(site, c.ThemesDir)
}

// ThemeDir returns the site's theme folder: theme under themesDir, both
// relative to the site root site unless given as absolute paths.
func (c Config) ThemeDir(site string) string {
	name := c.Theme
	if name == "" {
		name = "default"
	}
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(c.ThemesFolder(site), name)
}

// validateTheme refuses a theme folder outside the site unless it is given
// as an absolute path to a folder with a theme's shape: a relative path
// that climbs out, or a folder such as / or /etc, would have the build read
// (and serve watch) any folder of the machine as a theme.
func (c *Config) validateTheme(site, file string) diag.List {
	dir := c.ThemeDir(site)
	absSite, err1 := filepath.Abs(site)
	absDir, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return nil
	}
	rel, err := filepath.Rel(absSite, absDir)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil // inside the site: a missing theme is loadTheme's to report
	}
	line, col := c.KeyPos("themesDir")
	if line == 0 {
		line, col = c.KeyPos("theme")
	}
	shown := dir
	if !filepath.IsAbs(c.Theme) && !filepath.IsAbs(c.ThemesDir) {
		name := c.Theme
		if name == "" {
			name = "default"
		}
		shown = strings.TrimSuffix(filepath.ToSlash(c.ThemesDir), "/") + "/" + name
		return diag.List{diag.Errorf(file, line, col, "the theme folder %q is outside the site: a theme from elsewhere needs its absolute path, in themesDir or theme", shown)}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return diag.List{diag.Errorf(file, line, col, "%q is not a theme folder: it does not exist", shown)}
	}
	for _, part := range []string{"templates", "static"} {
		if st, err := os.Stat(filepath.Join(dir, part)); err == nil && st.IsDir() {
			return nil
		}
	}
	return diag.List{diag.Errorf(file, line, col, "%q is not a theme: a theme folder holds templates/ or static/", shown)}
}
