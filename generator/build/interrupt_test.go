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

// TestInterruptedSwapIsRestored puts the output in the state a build killed
// between the two renames of a swap leaves it in (the previous site moved
// aside, nothing at the destination) and checks that the next build puts
// the previous site back before anything else: a failing build then keeps
// it, as it says, and a good one replaces it and leaves nothing behind.
func TestInterruptedSwapIsRestored(t *testing.T) {
	s := testsite.New(t, smallSite).MustBuild(build.Options{})
	before := s.Tree()
	aside := filepath.Join(s.Dir, ".public.old-123456")
	if err := os.Mkdir(aside, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(s.Out, filepath.Join(aside, "site")); err != nil {
		t.Fatal(err)
	}
	s.WriteFile("content/broken.md", "---\ntitle: [\n---\n")
	s.Build(build.Options{})
	if s.Err == nil {
		t.Fatal("the broken site built")
	}
	if !s.Result.HadOutput {
		t.Error("the failed build says there was no output to keep")
	}
	if diff := diffMaps(before, s.Tree()); diff != "" {
		t.Fatalf("the previous site is not back at the destination:\n%s", diff)
	}
	if err := os.Remove(filepath.Join(s.Dir, "content", "broken.md")); err != nil {
		t.Fatal(err)
	}
	s.WriteFile("content/new.md", "# New\n")
	s.MustBuild(build.Options{})
	s.AssertContains("new/index.html", "New")
	assertNoStaging(t, s.Dir)
}

// TestFailedFirstBuildSaysNothingWasWritten checks the other half of what a
// failed build reports: with no earlier output there is nothing to keep.
func TestFailedFirstBuildSaysNothingWasWritten(t *testing.T) {
	s := testsite.New(t, smallSite)
	s.WriteFile("content/broken.md", "---\ntitle: [\n---\n")
	s.Build(build.Options{})
	if s.Err == nil || s.Result.HadOutput {
		t.Fatalf("error %v, HadOutput %v: want an error and no output", s.Err, s.Result.HadOutput)
	}
	if s.Exists("") {
		t.Error("a failed first build left an output folder")
	}
}

// TestKillDuringSwap kills `playbook build` at each rename system call of
// its publishing step (strace injects the signal), the reproduction of a
// kill between the two renames of a swap: after each kill the destination
// holds the whole previous site or the whole new one, and the next build
// leaves the new one and nothing else.
func TestKillDuringSwap(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("builds the command")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("strace is missing: apt-get install strace")
		}
		t.Skip("strace is missing: apt-get install strace")
	}
	bin := filepath.Join(t.TempDir(), "playbook")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/playbook").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// The second set forces the two-rename fallback of systems without an
	// atomic exchange: renameat2 fails with EINVAL, as on such a file system.
	for _, fallback := range []bool{false, true} {
		for _, call := range []string{"renameat", "renameat2", "rename"} {
			if fallback && call == "renameat2" {
				continue
			}
			for when := 1; when <= 2; when++ {
				name := fmt.Sprintf("%s#%d", call, when)
				inject := []string{"-e", fmt.Sprintf("inject=%s:error=EIO:signal=SIGKILL:when=%d", call, when)}
				if fallback {
					name = "fallback/" + name
					inject = append(inject, "-e", "inject=renameat2:error=EINVAL")
				}
				killDuringSwap(t, name, strace, bin, inject, fallback)
			}
		}
	}
}

// killDuringSwap is one case of TestKillDuringSwap: strace runs the build
// with the given injections.
func killDuringSwap(t *testing.T, name, strace, bin string, inject []string, fallback bool) {
	t.Run(name, func(t *testing.T) {
		s := testsite.New(t, smallSite).MustBuild(build.Options{})
		old := s.Tree()
		s.WriteFile("content/killed.md", "# Killed\n")
		want := testsite.New(t, smallSite)
		want.WriteFile("content/killed.md", "# Killed\n")
		updated := want.MustBuild(build.Options{}).Tree()

		args := append([]string{"-f", "-qq", "-o", "/dev/null"}, inject...)
		cmd := exec.Command(strace, append(args, bin, "build", "-s", s.Dir)...)
		out, _ := cmd.CombinedOutput()
		if _, err := os.Stat(s.Out); os.IsNotExist(err) {
			// Only two renames leave an instant without a site, and then
			// the old one is whole beside it, for the next build to put back
			// (TestInterruptedSwapIsRestored).
			aside, _ := filepath.Glob(filepath.Join(s.Dir, ".public.old-*", "site"))
			if !fallback || len(aside) != 1 {
				t.Fatalf("after the kill there is no site at the destination, and %d beside it (%s)", len(aside), strings.TrimSpace(string(out)))
			}
			if diff := diffMaps(old, (&testsite.Site{T: t, Out: aside[0]}).Tree()); diff != "" {
				t.Fatalf("the site moved aside is not the old one:\n%s", diff)
			}
		} else if now := s.Tree(); diffMaps(old, now) != "" && diffMaps(updated, now) != "" {
			t.Fatalf("after the kill the destination holds neither site (%s):\nagainst the old one:\n%s\nagainst the new one:\n%s",
				strings.TrimSpace(string(out)), diffMaps(old, now), diffMaps(updated, now))
		}
		s.MustBuild(build.Options{})
		if diff := diffMaps(updated, s.Tree()); diff != "" {
			t.Fatalf("the build after the kill:\n%s", diff)
		}
		assertNoStaging(t, s.Dir)
	})
}
