package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestCIFilesAreWhatTheHostsRead parses each CI file as its host does and
// checks the keys without which the host would not publish the site.
func TestCIFilesAreWhatTheHostsRead(t *testing.T) {
	module := modulePath(t)
	install := "go install " + module + "/cmd/playbook@"

	_, data, err := CIFile("github")
	if err != nil {
		t.Fatal(err)
	}
	var gh struct {
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Needs       string `yaml:"needs"`
			Environment struct {
				Name string `yaml:"name"`
			} `yaml:"environment"`
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &gh); err != nil {
		t.Fatalf("the GitHub workflow is not valid YAML: %v", err)
	}
	if _, ok := gh.On["push"]; !ok {
		t.Error("the GitHub workflow does not run on push")
	}
	if gh.Permissions["pages"] != "write" || gh.Permissions["id-token"] != "write" {
		t.Errorf("the GitHub workflow's permissions %v lack pages: write and id-token: write", gh.Permissions)
	}
	var uses, runs []string
	for _, job := range gh.Jobs {
		for _, st := range job.Steps {
			uses = append(uses, strings.Split(st.Uses, "@")[0])
			runs = append(runs, st.Run)
			if strings.HasPrefix(st.Uses, "actions/upload-pages-artifact@") && st.With["path"] != "public" {
				t.Errorf("upload-pages-artifact uploads %q, not public", st.With["path"])
			}
		}
	}
	for _, want := range []string{"actions/checkout", "actions/setup-go", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} {
		if !contains(uses, want) {
			t.Errorf("the GitHub workflow does not use %s (it uses %v)", want, uses)
		}
	}
	if d := gh.Jobs["deploy"]; d.Needs != "build" || d.Environment.Name != "github-pages" {
		t.Errorf("the deploy job needs %q in environment %q, want build and github-pages", d.Needs, d.Environment.Name)
	}
	assertRuns(t, "GitHub", runs, install, `playbook build --baseURL "${{ steps.pages.outputs.base_url }}/"`)

	_, data, err = CIFile("gitlab")
	if err != nil {
		t.Fatal(err)
	}
	var gl map[string]struct {
		Image        string   `yaml:"image"`
		BeforeScript []string `yaml:"before_script"`
		Script       []string `yaml:"script"`
		Artifacts    struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	if err := yaml.Unmarshal(data, &gl); err != nil {
		t.Fatalf(".gitlab-ci.yml is not valid YAML: %v", err)
	}
	pages, ok := gl["pages"]
	if !ok {
		t.Fatal(".gitlab-ci.yml has no pages job, which is what GitLab Pages publishes")
	}
	if strings.Join(pages.Artifacts.Paths, ",") != "public" {
		t.Errorf("the pages job keeps %v, want [public]: GitLab Pages serves public/", pages.Artifacts.Paths)
	}
	if !strings.HasPrefix(gl["default"].Image, "golang:") {
		t.Errorf("the jobs run in %q, not a Go image", gl["default"].Image)
	}
	assertRuns(t, "GitLab", append(gl["default"].BeforeScript, pages.Script...), install, `playbook build --baseURL "$CI_PAGES_URL/"`)

	if _, _, err := CIFile("bitbucket"); err == nil || err.Error() != `unknown CI host "bitbucket": use github or gitlab` {
		t.Errorf("unknown host: %v", err)
	}
}

// TestNewSiteWritesCI checks where each host's file goes.
func TestNewSiteWritesCI(t *testing.T) {
	for host, file := range map[string]string{"github": ".github/workflows/pages.yml", "gitlab": ".gitlab-ci.yml"} {
		dir := filepath.Join(t.TempDir(), "site")
		written, err := NewSite(dir, WithClock(fixedClock), WithCI(host))
		if err != nil {
			t.Fatal(err)
		}
		if last := written[len(written)-1]; last != filepath.Join(dir, file) {
			t.Errorf("--ci %s: last file written %q, want %q", host, last, filepath.Join(dir, file))
		}
		_, want, _ := CIFile(host)
		if got := readFile(t, filepath.Join(dir, file)); got != string(want) {
			t.Errorf("--ci %s wrote another text than the embedded file", host)
		}
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := NewSite(dir, WithCI("bitbucket")); err == nil {
		t.Error("an unknown CI host is accepted")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("an unknown CI host left files behind: %v", err)
	}
}

func assertRuns(t *testing.T, host string, runs []string, want ...string) {
	t.Helper()
	all := strings.Join(runs, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("the %s file does not run %q; it runs:\n%s", host, w, all)
		}
	}
}

// modulePath reads the module path from go.mod, so that the install line
// names the module that is really published.
func modulePath(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	return strings.TrimPrefix(first, "module ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
