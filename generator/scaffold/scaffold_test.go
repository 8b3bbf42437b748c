package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
)

// fixedClock is the clock of every test: 1 July 2026, mid-morning.
func fixedClock() time.Time { return time.Date(2026, 7, 1, 9, 30, 0, 0, time.Local) }

// newTestSite writes a fresh site with NewSite and returns its folder.
func newTestSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := NewSite(dir, WithClock(fixedClock)); err != nil {
		t.Fatalf("NewSite: %v", err)
	}
	return dir
}

// openTestSite opens dir with the fixed clock.
func openTestSite(t *testing.T, dir string) *Site {
	t.Helper()
	s, err := Open(dir, WithClock(fixedClock))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// assertBuilds builds the site in dir and fails on any error or warning of
// the build, or any problem `playbook check` would report.
func assertBuilds(t *testing.T, dir string) {
	t.Helper()
	res, err := build.Build(build.Options{Source: dir, Destination: t.TempDir() + "/out"})
	if err != nil {
		t.Fatalf("the scaffolded site does not build:\n%v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %s", w)
	}
	problems, _, err := build.Check(build.Options{Source: dir})
	if err != nil {
		t.Fatalf("checking the scaffolded site: %v", err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

// readFile returns the content of the file at path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	written, err := NewSite(dir, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range written {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{
		"playbook.toml",
		".gitignore",
		"content/README.md",
		"content/roles/product-owner.md",
		"content/roles/scrum-master.md",
		"content/expectations/product-owner-from-scrum-master.md",
		"content/vision-boards/product-vision-board.md",
		"content/qa/questions-about-this-playbook.md",
		"content/articles/why-we-keep-a-playbook.md",
		"content/how-to-write/README.md",
	}
	if strings.Join(rel, "\n") != strings.Join(want, "\n") {
		t.Errorf("written:\n%s\nwant:\n%s", strings.Join(rel, "\n"), strings.Join(want, "\n"))
	}
	assertBuilds(t, dir)
	if got := readFile(t, filepath.Join(dir, "content/articles/why-we-keep-a-playbook.md")); !strings.Contains(got, "\ndate: 2026-07-01\n") {
		t.Errorf("the article is not dated by the clock:\n%s", got)
	}
	if got, want := readFile(t, filepath.Join(dir, ".gitignore")), "# What playbook build writes, and the cache of playbook check --external:\n# neither belongs in the repository.\n/public/\n/.playbook/\n"; got != want {
		t.Errorf(".gitignore = %q, want %q", got, want)
	}
}

// TestNewSiteShowsNoPlaceholder builds a new site with one more role, as
// `playbook new role` writes it, and looks for what a newcomer would take
// for a bug: a year-1 date for an undated reply, a diagram of one lone box
// for a role that works with nobody yet, folder names as section titles.
func TestNewSiteShowsNoPlaceholder(t *testing.T) {
	dir := newTestSite(t)
	if _, err := openTestSite(t, dir).Page("role", "Designer"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := build.Build(build.Options{Source: dir, Destination: out}); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if text := readFile(t, path); strings.Contains(text, "0001") {
			t.Errorf("%s shows the zero date: %s", path, text[max(0, strings.Index(text, "0001")-120):strings.Index(text, "0001")+4])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	thread := readFile(t, filepath.Join(out, "qa/questions-about-this-playbook/index.html"))
	if !strings.Contains(thread, `href="#how-do-i-add-a-question-to-this-thread-answer-1-1">Permalink</a>`) || strings.Contains(thread, "0001") {
		t.Errorf("the undated reply is not shown with a plain permalink:\n%s", thread)
	}
	designer := readFile(t, filepath.Join(out, "roles/designer/index.html"))
	if strings.Contains(designer, "collab") {
		t.Errorf("a role that works with nobody shows a collaboration diagram:\n%s", designer)
	}
	if owner := readFile(t, filepath.Join(out, "roles/product-owner/index.html")); !strings.Contains(owner, `<svg class="collab-diagram"`) {
		t.Errorf("the Product Owner, who works with the Scrum Master, has no diagram")
	}
	for page, title := range map[string]string{"roles": "Roles", "expectations": "Expectations", "vision-boards": "Vision boards", "qa": "Q&amp;A", "articles": "Articles"} {
		if text := readFile(t, filepath.Join(out, page, "index.html")); !strings.Contains(text, "<h1>"+title+"</h1>") {
			t.Errorf("/%s/ is not titled %q", page, title)
		}
	}
	home := readFile(t, filepath.Join(out, "index.html"))
	nav := home[strings.Index(home, `<nav id="pbSidebar"`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	var order []string
	for _, part := range strings.Split(nav, `<a href="`)[1:] {
		order = append(order, part[:strings.Index(part, `"`)])
	}
	if got, want := strings.Join(order, " "), "/roles/ /expectations/ /vision-boards/ /qa/ /articles/ /how-to-write/"; got != want {
		t.Errorf("the navigation lists %s, want %s", got, want)
	}
}

// TestKindsBuild writes each kind into a fresh site, checks the file and
// builds the site without an error or a warning.
func TestKindsBuild(t *testing.T) {
	tests := []struct {
		name  string
		write func(s *Site) (string, error)
		file  string
		has   []string // lines the file must hold
	}{
		{"role from a title", func(s *Site) (string, error) { return s.Page("role", "Product Manager") },
			"content/roles/product-manager.md", []string{"title: Product Manager", "works_with: []", "## Responsibilities", "## Working with others"}},
		{"role from an id", func(s *Site) (string, error) { return s.Page("role", "ux-designer") },
			"content/roles/ux-designer.md", []string{"title: Ux Designer"}},
		{"role with a quoted title", func(s *Site) (string, error) { return s.Page("role", "Head of: Product") },
			"content/roles/head-of-product.md", []string{`title: "Head of: Product"`}},
		{"expectations", func(s *Site) (string, error) { return s.Page("expectations", "scrum-master", "product-owner") },
			"content/expectations/scrum-master-from-product-owner.md",
			[]string{"title: What the Scrum Master can expect from the Product Owner", "from: scrum-master", "of: product-owner", "## Availability", "## Feedback"}},
		{"expectations by title", func(s *Site) (string, error) { return s.Page("expectations", "Scrum Master", "Product Owner") },
			"content/expectations/scrum-master-from-product-owner.md", nil},
		{"vision board", func(s *Site) (string, error) { return s.Page("vision-board", "Route Planner") },
			"content/vision-boards/route-planner.md",
			[]string{"title: Route Planner Product Vision Board", "## Vision", "## Target Group", "## Needs", "## Product", "## Business Goals"}},
		{"qa", func(s *Site) (string, error) { return s.Page("qa", "Working with stakeholders") },
			"content/qa/working-with-stakeholders.md",
			[]string{"title: Working with stakeholders", "Asked by **Your Name** on 2026-07-01", "- **Another Name** on 2026-07-01:"}},
		{"article", func(s *Site) (string, error) { return s.Page("article", "Café notes: what we learned") },
			"content/articles/cafe-notes-what-we-learned.md",
			[]string{`title: "Café notes: what we learned"`, "date: 2026-07-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newTestSite(t)
			got, err := tt.write(openTestSite(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, tt.file); got != want {
				t.Errorf("wrote %q, want %q", got, want)
			}
			text := readFile(t, got)
			lines := map[string]bool{}
			for _, l := range strings.Split(text, "\n") {
				lines[l] = true
			}
			for _, l := range tt.has {
				if !lines[l] {
					t.Errorf("%s lacks the line %q:\n%s", tt.file, l, text)
				}
			}
			assertBuilds(t, dir)
		})
	}
}

// TestKindFoldersFromConfig checks that pages go into the folders the
// site's config names, and that vision boards get its section names.
func TestKindFoldersFromConfig(t *testing.T) {
	dir := t.TempDir()
	config := "baseURL = \"https://example.org/\"\ncontentDir = \"pages\"\n" +
		"visionBoardSections = [\"Purpose\", \"Users\", \"Pains\"]\n[kinds]\nrole = \"people\"\n"
	if err := os.WriteFile(filepath.Join(dir, "playbook.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := openTestSite(t, dir)
	var got []string
	for _, write := range []func() (string, error){
		func() (string, error) { return s.Page("role", "Designer") },
		func() (string, error) { return s.Page("role", "Engineer") },
		func() (string, error) { return s.Page("expectations", "designer", "engineer") },
		func() (string, error) { return s.Page("vision-board", "Atlas") },
		func() (string, error) { return s.Page("qa", "Hiring") },
		func() (string, error) { return s.Page("article", "Kick-off") },
	} {
		p, err := write()
		if err != nil {
			t.Fatal(err)
		}
		r, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(r))
	}
	want := []string{"pages/people/designer.md", "pages/people/engineer.md", "pages/expectations/designer-from-engineer.md",
		"pages/vision-boards/atlas.md", "pages/qa/hiring.md", "pages/articles/kick-off.md"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("written:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	board := readFile(t, filepath.Join(dir, "pages/vision-boards/atlas.md"))
	for _, h := range []string{"\n## Purpose\n\nWrite the Purpose of Atlas here, in one or two sentences of prose.\n",
		"\n## Users\n\n- Write the Users of Atlas here, one point per item.\n", "\n## Pains\n\n- Write the Pains of Atlas here, one point per item.\n"} {
		if !strings.Contains(board, h) {
			t.Errorf("board lacks %q:\n%s", h, board)
		}
	}
	assertBuilds(t, dir)
}
