package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

// wantErr fails unless err's text is exactly want.
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
}

func TestNewSiteRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewSite(dir)
	wantErr(t, err, `"`+dir+`" is not empty: new site writes only into a new or empty folder`)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after the refusal, want 1", len(entries))
	}

	file := filepath.Join(dir, "notes.txt")
	_, err = NewSite(file)
	wantErr(t, err, `"`+file+`" is a file: new site writes only into a new or empty folder`)
}

func TestNewSiteIntoEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := NewSite(dir, WithClock(fixedClock)); err != nil {
		t.Fatal(err)
	}
	assertBuilds(t, dir)
}

func TestNeverOverwrites(t *testing.T) {
	dir := newTestSite(t)
	s := openTestSite(t, dir)
	po := filepath.Join(dir, "content", "roles", "product-owner.md")
	before := readFile(t, po)
	_, err := s.Page("role", "Product Owner")
	wantErr(t, err, `"`+po+`" already exists: choose another name, or edit that file`)
	if readFile(t, po) != before {
		t.Error("the refusal changed the file")
	}

	_, err = s.Page("expectations", "product-owner", "scrum-master")
	wantErr(t, err, `"`+filepath.Join(dir, "content", "expectations", "product-owner-from-scrum-master.md")+`" already exists: choose another name, or edit that file`)
	_, err = s.Page("article", "Why we keep a playbook")
	wantErr(t, err, `"`+filepath.Join(dir, "content", "articles", "why-we-keep-a-playbook.md")+`" already exists: choose another name, or edit that file`)
}

func TestExpectationsRoleErrors(t *testing.T) {
	dir := newTestSite(t)
	s := openTestSite(t, dir)
	tests := []struct{ from, of, want string }{
		{"product-owner", "scrum-mastr", `unknown role "scrum-mastr" (did you mean scrum-master?)`},
		{"prodct-owner", "scrum-master", `unknown role "prodct-owner" (did you mean product-owner?)`},
		{"cfo", "scrum-master", `unknown role "cfo" (known roles: product-owner, scrum-master)`},
		{"cfo", "scrum-mastr", "unknown role \"cfo\" (known roles: product-owner, scrum-master)\n" +
			`unknown role "scrum-mastr" (did you mean scrum-master?)`},
		{"product-owner", "Product Owner", `an expectation table connects two different roles, not "product-owner" with itself`},
	}
	for _, tt := range tests {
		_, err := s.Page("expectations", tt.from, tt.of)
		wantErr(t, err, tt.want)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "expectations")); len(entries) != 1 {
		t.Errorf("the expectations folder holds %d files after the refusals, want 1", len(entries))
	}
}

func TestExpectationsWithoutRoles(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := openTestSite(t, dir).Page("expectations", "a", "b")
	wantErr(t, err, "unknown role \"a\" (the site has no role guides yet: add one with playbook new role NAME)\n"+
		`unknown role "b" (the site has no role guides yet: add one with playbook new role NAME)`)
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	wantErr(t, err, `no content folder at "`+filepath.Join(dir, "content")+`": run the command in a site folder, or pass the site with --source`)

	if err := os.WriteFile(filepath.Join(dir, "playbook.toml"), []byte("baseUrl = \"/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir)
	wantErr(t, err, dir+`/playbook.toml:1:1: unknown config key "baseUrl" (did you mean "baseURL"?)`)
}

func TestNameWithoutLetters(t *testing.T) {
	s := openTestSite(t, newTestSite(t))
	for _, write := range []func() (string, error){
		func() (string, error) { return s.Page("role", "!!!") },
		func() (string, error) { return s.Page("vision-board", "!!!") },
		func() (string, error) { return s.Page("qa", "!!!") },
		func() (string, error) { return s.Page("article", "!!!") },
	} {
		_, err := write()
		wantErr(t, err, `"!!!" has no letters or digits to make a file name from`)
	}
}
