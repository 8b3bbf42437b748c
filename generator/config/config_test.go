package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// load writes a config file named name with src into a new folder and
// loads it.
func load(t testing.TB, name, src string) (Config, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, diags, err := Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	return cfg, lines
}

// TestKnownKeysAreTheFields checks that the keys a config file may hold
// are exactly the fields of Config, and that a field's YAML name is its
// TOML name: the two formats accept the same spelling.
func TestKnownKeysAreTheFields(t *testing.T) {
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		tomlTag, yamlTag := f.Tag.Get("toml"), f.Tag.Get("yaml")
		if tomlTag != yamlTag {
			t.Errorf("field %s: toml name %q, yaml name %q", f.Name, tomlTag, yamlTag)
		}
		if f.IsExported() && tomlTag == "" {
			t.Errorf("field %s has no toml tag: a config file could not set it", f.Name)
		}
		if tomlTag != "" && tomlTag != "-" && !slices.Contains(knownKeys, tomlTag) {
			t.Errorf("key %q of field %s is not a known key", tomlTag, f.Name)
		}
	}
	if len(knownKeys) < 15 {
		t.Errorf("only %d known keys: %q", len(knownKeys), knownKeys)
	}
}

// TestProblemsHavePositions checks every validation error of both formats
// for its exact text, at the key's line and column.
func TestProblemsHavePositions(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"baseURL toml", "playbook.toml", "title = \"T\"\n  baseURL = \"ftp://x/\"\n",
			`playbook.toml:2:3: baseURL "ftp://x/" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`},
		{"baseURL yaml", "playbook.yaml", "title: T\nbaseURL: ftp://x/\n",
			`playbook.yaml:2:1: baseURL "ftp://x/" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`},
		{"redirects", "playbook.yaml", "redirects: vercel\n",
			`playbook.yaml:1:1: redirects must be netlify or cloudflare, not "vercel"`},
		{"editURL", "playbook.toml", "repository = \"https://x.org/r\"\neditURL = \"{repository}/{file}\"\n",
			`playbook.toml:2:1: editURL has the unknown placeholder {file}: use {repository}, {branch}, {path}`},
		{"vision board sections", "playbook.toml", "visionBoardSections = [\"Vision\"]\n",
			`playbook.toml:1:1: visionBoardSections must list at least two section names`},
		{"kinds folder in a table", "playbook.toml", "title = \"T\"\n[kinds]\nrole = \"people/roles\"\n",
			`playbook.toml:2:1: kinds.role must name one top-level folder of the content, not "people/roles"`},
		{"kinds folder yaml", "playbook.yaml", "kinds:\n  role: \"\"\n",
			`playbook.yaml:1:1: kinds.role must name one top-level folder of the content, not ""`},
		{"language", "playbook.yaml", "title: T\nlanguage: en_US\n",
			`playbook.yaml:2:1: language "en_US" is not a BCP 47 language tag (did you mean "en-US"?)`},
		{"unknown key", "playbook.toml", "titel = \"T\"\n",
			`playbook.toml:1:1: unknown config key "titel" (did you mean "title"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.file, tt.src)
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestKindsAreOverrides checks that a config names only the kinds it
// moves: the others keep their default folders, which the kinds know.
func TestKindsAreOverrides(t *testing.T) {
	for _, tt := range []struct{ file, src string }{
		{"playbook.toml", "[kinds]\nrole = \"people\"\n"},
		{"playbook.yaml", "kinds:\n  role: people\n"},
	} {
		cfg, problems := load(t, tt.file, tt.src)
		if len(problems) > 0 {
			t.Fatalf("%s: %q", tt.file, problems)
		}
		if want := map[string]string{"role": "people"}; !reflect.DeepEqual(cfg.Kinds, want) {
			t.Errorf("%s: kinds %v, want %v", tt.file, cfg.Kinds, want)
		}
	}
	if cfg := Default(); len(cfg.Kinds) != 0 {
		t.Errorf("the default config names kinds: %v", cfg.Kinds)
	}
}

// FuzzLoad loads any config, in both formats: it must not panic, give the
// same outcome twice, and place every problem inside the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"title = \"T\"\nbaseURL = \"https://example.org/\"\n[kinds]\nrole = \"people\"\n[params]\nteam = \"x\"\n",
		"title: T\nlanguage: en-US\nkinds:\n  role: people\nvisionBoardSections: [A, B]\n",
		"baseUrl = 3\n", "language: en_US\n", "editURL: \"{x}\"\n", "[kinds\n", "a: [\n", "- 1\n- 2\n", "",
	} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, src string, toml bool) {
		name := "playbook.yaml"
		if toml {
			name = "playbook.toml"
		}
		_, first := load(t, name, src)
		_, second := load(t, name, src)
		if !slices.Equal(first, second) {
			t.Fatalf("two loads differ:\n%q\n%q", first, second)
		}
		lines := strings.Count(src, "\n") + 1
		for _, p := range first {
			rest, ok := strings.CutPrefix(p, name)
			if !ok {
				t.Fatalf("problem %q does not name the config file", p)
			}
			var line, col int
			if n, _ := fmt.Sscanf(rest, ":%d:%d:", &line, &col); n == 2 && (line < 0 || line > lines+1 || col < 0) {
				t.Errorf("problem %q is outside the file's %d lines", p, lines)
			}
		}
	})
}
