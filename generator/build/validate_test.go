package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// The W3C Nu checker and html-validate read every page the build writes.
// They come from npm into the repository's git-ignored .tools/ folder (see
// .ci/run); the Nu checker runs on the machine's Java. Without them the test
// is skipped, except under CI=true, where it fails.

// toolsInstall says how to install the validators.
const toolsInstall = "npm install --prefix .tools --no-save vnu-jar@26.9.27 html-validate@10.9.0 (in the repository root), and a Java runtime (apt-get install default-jre-headless)"

// validators returns the path of vnu.jar and of the html-validate command,
// or skips the test.
func validators(t *testing.T) (vnuJar, htmlValidate string) {
	t.Helper()
	tools, err := filepath.Abs(filepath.Join("..", "..", ".tools", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	vnuJar = filepath.Join(tools, "vnu-jar", "build", "dist", "vnu.jar")
	htmlValidate = filepath.Join(tools, ".bin", "html-validate")
	_, errJar := os.Stat(vnuJar)
	_, errHV := os.Stat(htmlValidate)
	_, errJava := exec.LookPath("java")
	if errJar != nil || errHV != nil || errJava != nil {
		msg := "the HTML validators are not installed: " + toolsInstall
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return vnuJar, htmlValidate
}

// htmlFiles lists the HTML files under dir, sorted.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// validate runs both validators over every page under dir and fails the
// test on any error either reports.
func validate(t *testing.T, dir string) {
	t.Helper()
	vnuJar, htmlValidate := validators(t)
	files := htmlFiles(t, dir)
	if len(files) == 0 {
		t.Fatalf("no HTML files in %s", dir)
	}
	run := func(name string, cmd *exec.Cmd) {
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if report := strings.TrimSpace(strings.ReplaceAll(out.String(), dir+string(filepath.Separator), "")); err != nil || report != "" {
			t.Errorf("%s finds errors (%v):\n%s", name, err, report)
		}
	}
	run("the Nu checker", exec.Command("java", "-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "gnu", dir))
	config, err := filepath.Abs(filepath.Join("..", "..", ".htmlvalidate.json"))
	if err != nil {
		t.Fatal(err)
	}
	run("html-validate", exec.Command(htmlValidate, append([]string{"--config", config, "--formatter", "text"}, files...)...))
	t.Logf("%d pages validated", len(files))
}

// TestExamplePagesAreValidHTML validates every page of the example playbook.
func TestExamplePagesAreValidHTML(t *testing.T) {
	validators(t)
	validate(t, buildExample(t))
}

// TestGitHostPagesAreValidHTML validates what a git-host-shaped handbook
// makes: raw HTML through the sanitizer, task lists, footnotes, alerts,
// aligned tables, ids that start with a digit or are "-1".
func TestGitHostPagesAreValidHTML(t *testing.T) {
	validators(t)
	s := testsite.New(t, `
-- content/README.md --
# Handbook

<p align="center"><img src="logo.png" alt="Logo" width="120"></p>

## 2026 plans

## ???

## ???

- [x] done
- [ ] to do

| Left | Centre | Right |
|:-----|:------:|------:|
| a<br>b | <kbd>Ctrl</kbd> | x<sup>2</sup> |

> [!TIP]
> Pair on it[^1].

<details>
<summary>More</summary>

Hidden **text**. <a name="anchor"></a>

</details>

<div align="center">
<input type="checkbox" checked> <font color="red">old</font> <center>centred</center>
<table border="1"><tr><td valign="top" width="50%">cell</td></tr></table>

[^1]: A note.
-- content/logo.png --
PNG
`).MustBuild(build.Options{})
	validate(t, s.Out)
}
