package watch

import (
	"path/filepath"
	"testing"
)

func TestIsEditorTemp(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"index.md":                  false,
		"4913.md":                   false,
		"notes~draft.md":            false,
		"#tag.md":                   true,
		"index.md~":                 true,
		".index.md.swp":             true,
		".index.md.swx":             true,
		".index.md.swo":             true,
		"index.md.swp":              true,
		"index.md.tmp":              true,
		"index.md___jb_tmp___":      true,
		"index.md___jb_old___":      true,
		".#index.md":                true,
		"#index.md#":                true,
		"4913":                      true,
		".DS_Store":                 true,
		".hidden":                   true,
		"playbook.toml":             false,
		"product-owner.md":          false,
		"what-pos-expect-of-pms.md": false,
	} {
		if got := isEditorTemp(name); got != want {
			t.Errorf("isEditorTemp(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRootsFilter(t *testing.T) {
	t.Parallel()
	site := filepath.FromSlash("/site")
	r := &roots{
		dirs:   []string{filepath.Join(site, "content"), filepath.Join(site, ".config", "theme")},
		files:  []string{filepath.Join(site, "playbook.toml")},
		ignore: func(p string) bool { return filepath.Base(p) == "public" },
	}
	for path, want := range map[string]bool{
		"/site/playbook.toml":                 true,
		"/site/other.toml":                    false,
		"/site/content":                       true,
		"/site/content/a.md":                  true,
		"/site/content/roles/po.md":           true,
		"/site/content/roles/po.md~":          false,
		"/site/content/.git/HEAD":             false,
		"/site/content/.git":                  false,
		"/site/content/.gitbook/assets/a.png": true,
		"/site/content/node_modules/x.js":     false,
		"/site/content/public":                false,
		"/site/contentious/a.md":              false,
		"/site/.config/theme/page.html":       true, // a hidden root is still a root
		"/elsewhere/a.md":                     false,
	} {
		if got := r.wanted(filepath.FromSlash(path)); got != want {
			t.Errorf("wanted(%q) = %v, want %v", path, got, want)
		}
	}
	for dir, want := range map[string]bool{
		"/site":                      true, // holds playbook.toml
		"/site/content":              true,
		"/site/content/roles":        true,
		"/site/content/.git":         false,
		"/site/content/a/.hidden/b":  true, // pages may link to files in dot folders
		"/site/content/node_modules": false,
		"/site/content/public":       false,
		"/site/themes":               false,
	} {
		if got := r.needsWatch(filepath.FromSlash(dir)); got != want {
			t.Errorf("needsWatch(%q) = %v, want %v", dir, got, want)
		}
	}
}
