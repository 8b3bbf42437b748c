package preview_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
	"github.com/playbookhq/playbook/generator/preview"
)

// syncBuffer is a log that the preview's goroutines may write while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSummaryCountsAsBuild checks that serve's first line counts the site
// exactly as playbook build does, and that a rebuild's line says what it
// did without another total.
func TestSummaryCountsAsBuild(t *testing.T) {
	s := testsite.New(t, site+"-- content/guides/pic.svg --\n<svg/>\n-- content/notes/a.md --\n---\ntags: [x]\naliases: [/old/]\n---\n# A\n")
	res, err := build.Build(build.Options{Source: s.Dir, Destination: filepath.Join(t.TempDir(), "out")})
	if err != nil {
		t.Fatal(err)
	}
	// Home, two guides and a note from Markdown; generated: guides/ and
	// notes/ (no index page), the tag, the tag list, the alias, 404, print.
	if res.Count.Pages != 4 || res.Count.Generated != 7 {
		t.Fatalf("build counts %+v, want 4 pages and 7 generated pages", res.Count)
	}

	var log syncBuffer
	first := make(chan struct{})
	rebuilt := make(chan struct{}, 10)
	p, err := preview.Start(preview.Options{
		Build: build.Options{Source: s.Dir}, Port: 0, Log: &log,
		OnFirstBuild: func(build.Rebuild, error) { close(first) },
		OnRebuild:    func(build.Rebuild, error) { rebuilt <- struct{}{} },
	})
	if err != nil {
		t.Fatal(err)
	}
	serveUntilCleanup(t, p, 10*time.Second, nil)
	awaitSignal(t, first)
	line := strings.TrimSpace(log.String())
	if want := "Built " + res.Count.String() + " in "; !strings.HasPrefix(line, want) {
		t.Errorf("serve's first line %q, want it to start %q, as build counts", line, want)
	}

	s.WriteFile("content/guides/one.md", "---\ntitle: One\n---\nSecond version.\n")
	awaitSignal(t, rebuilt)
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^content/guides/one\.md: re-rendered 1 page, \d+ files? changed, in \S+$`).MatchString(last) {
		t.Errorf("rebuild line %q", last)
	}
}

// awaitSignal waits for ch, failing only if nothing comes for a long time: a
// guard against a hang, not a measure of speed.
func awaitSignal(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatal("nothing after 30s")
	}
}

// TestNetworkURLs serves on every interface and expects the addresses a
// teammate can type: this machine's name, then each LAN address.
func TestNetworkURLs(t *testing.T) {
	s := testsite.New(t, site)
	p, err := preview.Start(preview.Options{Build: build.Options{Source: s.Dir}, Bind: "0.0.0.0", Port: 0})
	if err != nil {
		t.Fatal(err)
	}
	serveUntilCleanup(t, p, 10*time.Second, nil)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(p.URL(), "/"), "http://"))
	var want []string
	if name, err := os.Hostname(); err == nil && name != "" {
		want = append(want, "http://"+strings.ToLower(name)+":"+port+"/")
	}
	var v6 []string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ip := a.(*net.IPNet).IP
		switch {
		case ip.IsLoopback(), ip.IsLinkLocalUnicast():
		case ip.To4() != nil:
			want = append(want, "http://"+ip.String()+":"+port+"/")
		default:
			v6 = append(v6, "http://["+ip.String()+"]:"+port+"/")
		}
	}
	want = append(want, v6...)
	if got := p.NetworkURLs(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("NetworkURLs() = %q, want %q", got, want)
	}
	if p.URL() != "http://127.0.0.1:"+port+"/" {
		t.Errorf("URL() = %q", p.URL())
	}

	local, err := preview.Start(preview.Options{Build: build.Options{Source: s.Dir}, Port: 0})
	if err != nil {
		t.Fatal(err)
	}
	serveUntilCleanup(t, local, 10*time.Second, nil)
	if got := local.NetworkURLs(); len(got) != 0 {
		t.Errorf("a preview on 127.0.0.1 lists network addresses %q", got)
	}
}

// TestThemeFolderRemovedAndRecreated deletes the site's theme folder while
// serving and makes it again: edits in the new folder are served, as they
// were in the old one, and the log has no doubled "watch: watch:".
func TestThemeFolderRemovedAndRecreated(t *testing.T) {
	s := testsite.New(t, site)
	log, served := serveCSS(t, s)
	theme := filepath.Join(s.Dir, "themes", "default")
	if err := os.RemoveAll(theme); err != nil {
		t.Fatal(err)
	}
	s.WriteFile("themes/default/static/css/site.css", ".recreated-one{margin:0}")
	served(".recreated-one")
	s.WriteFile("themes/default/static/css/site.css", ".recreated-two{margin:0}")
	served(".recreated-two")
	if strings.Contains(log.String(), "watch: watch:") {
		t.Errorf("the log doubles its prefix:\n%s", log.String())
	}
}

// TestThemeFolderCreatedWhileServing starts without a theme folder and
// makes one.
func TestThemeFolderCreatedWhileServing(t *testing.T) {
	s := testsite.New(t, "-- content/_index.md --\n# Home\n")
	_, served := serveCSS(t, s)
	s.WriteFile("themes/default/static/css/site.css", ".created-later{margin:0}")
	served(".created-later")
}

// serveCSS serves s and returns its log and a function that waits until
// the stylesheet holds a text.
func serveCSS(t *testing.T, s *testsite.Site) (*syncBuffer, func(string)) {
	log := &syncBuffer{}
	first := make(chan struct{})
	p, err := preview.Start(preview.Options{
		Build: build.Options{Source: s.Dir}, Port: 0, Log: log, Debounce: 50 * time.Millisecond,
		OnFirstBuild: func(build.Rebuild, error) { close(first) },
	})
	if err != nil {
		t.Fatal(err)
	}
	serveUntilCleanup(t, p, 10*time.Second, nil)
	awaitSignal(t, first)
	url := strings.TrimSuffix(p.URL(), "/")
	served := func(want string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second) // a guard against a hang only
		for {
			resp, err := http.Get(url + "/css/playbook.css")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the stylesheet never got %q; log:\n%s", want, log.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	return log, served
}
