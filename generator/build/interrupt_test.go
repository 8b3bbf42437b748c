package build_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/corpus"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestKilledBuildKeepsPreviousOutput kills a real `playbook build` process
// with SIGKILL at several moments of a build and checks each time that the
// previous output is intact, and that the next build cleans up.
func TestKilledBuildKeepsPreviousOutput(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("builds the command and a 600-page corpus")
	}
	bin := filepath.Join(t.TempDir(), "playbook")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/playbook").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: 600, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	s := &testsite.Site{T: t, Dir: dir, Out: filepath.Join(dir, "public")}
	s.MustBuild(build.Options{})
	before := s.Tree()
	interrupted := 0
	for _, after := range []time.Duration{20 * time.Millisecond, 80 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond} {
		// Change the content so that a finished build would differ.
		s.WriteFile("content/killed.md", fmt.Sprintf("# Killed after %v\n", after))
		cmd := exec.Command(bin, "build", "-s", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		now := s.Tree()
		if _, done := now["killed/index.html"]; done {
			continue // the build finished before the kill: nothing to check
		}
		interrupted++
		if diff := diffMaps(before, now); diff != "" {
			t.Fatalf("killed after %v, the previous output changed:\n%s", after, diff)
		}
	}
	if interrupted == 0 {
		t.Fatal("every build finished before it was killed: nothing was tested")
	}
	s.MustBuild(build.Options{})
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("a staging folder of a killed build is left after the next build: %s", e.Name())
		}
	}
}

func diffMaps(a, b map[string]string) string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, "missing: "+k)
		} else if w != v {
			out = append(out, "changed: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "added: "+k)
		}
	}
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("… and %d more", len(out)-10))
	}
	return strings.Join(out, "\n")
}
