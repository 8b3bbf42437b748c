package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// failingSink fails after a number of files, as a full disk would. Pages
// are written from several goroutines at once.
type failingSink struct {
	dirSink
	left atomic.Int64
}

var errDiskFull = errors.New("no space left on device")

func (f *failingSink) WriteFile(rel string, data []byte) error {
	if f.left.Add(-1) < 0 {
		return errDiskFull
	}
	return f.dirSink.WriteFile(rel, data)
}

// TestFailingWriterKeepsPreviousOutput fails the writes of a build at
// several points, as a full disk does, and checks that the published site
// is the previous one each time.
func TestFailingWriterKeepsPreviousOutput(t *testing.T) {
	src := t.TempDir()
	for name, data := range map[string]string{
		"content/_index.md": "# Home\n", "content/a.md": "# A\n", "content/b/c.md": "# C\n",
	} {
		p := filepath.Join(src, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	dest := filepath.Join(src, "public")
	if _, err := Build(Options{Source: src, Destination: dest}); err != nil {
		t.Fatal(err)
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	os.WriteFile(filepath.Join(src, "content/_index.md"), []byte("# New home\n"), 0o644)
	for left := 0; left < 8; left++ {
		s, err := Prepare(Options{Source: src})
		if err != nil {
			t.Fatal(err)
		}
		tmp, err := newStaging(dest)
		if err != nil {
			t.Fatal(err)
		}
		sink := &failingSink{dirSink: dirSink{root: tmp}}
		sink.left.Store(int64(left))
		_, _, err = s.produce(sink, nil, false)
		if err == nil {
			os.RemoveAll(tmp)
			continue // fewer files than the limit would never fail at this point
		}
		if !errors.Is(err, errDiskFull) {
			t.Errorf("write %d: error %v, want the disk-full error", left, err)
		}
		os.RemoveAll(tmp) // what Write does on any error
		now, _ := os.ReadFile(filepath.Join(dest, "index.html"))
		if string(now) != string(home) {
			t.Fatalf("after a failed write %d the published home page changed", left)
		}
	}
}

// TestDirSinkMakesFolders writes files at several depths, some under
// folders made before, and checks that each lands where os.MkdirAll and
// os.WriteFile would put it.
func TestDirSinkMakesFolders(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "old", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	d := &dirSink{root: root}
	files := []string{"index.html", "a/b/c/index.html", "a/b/d.json", "a/e.json", "old/deep/x/y.html", "old/z.html", "a/b/c/again.html"}
	for _, f := range files {
		if err := d.WriteFile(f, []byte(f)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil || string(got) != f {
			t.Errorf("%s: read %q, %v", f, got, err)
		}
	}
	// A file where a folder should be is an error, not a silent success.
	if err := d.WriteFile("index.html/x.html", nil); err == nil {
		t.Error("writing under a file succeeded")
	}
}
