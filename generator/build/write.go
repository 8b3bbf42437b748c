package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
)

// Write renders the site into a fresh folder beside dest and, when no error
// was found, swaps it in for dest. On any error dest is left untouched.
func (s *Site) Write(dest string) (Result, error) {
	res := Result{Destination: dest}
	tmp, err := newStaging(dest)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp) // a no-op once the folder has been swapped in

	out := &dirSink{root: tmp}
	counts, diags, err := s.produce(out, nil, false)
	if err != nil {
		return res, err
	}
	res.Warnings = diags.Warnings()
	if diags.HasErrors() {
		return res, diags.Err()
	}
	// The marker tells the next build that this folder is its own to replace.
	if err := os.WriteFile(filepath.Join(tmp, markerName), marker(out.files()), 0o644); err != nil {
		return res, fmt.Errorf("writing %q: %w", markerName, err)
	}
	if err := swap(tmp, dest); err != nil {
		return res, err
	}
	res.Count = s.count(counts.pages, counts.files)
	res.Inputs = s.Inputs()
	return res, nil
}

// sink receives the files a build produces, by output-relative path.
type sink interface {
	WriteFile(rel string, data []byte) error
	CopyFile(rel, from string) error
}

// dirSink writes every file into a folder. It remembers the folders it has
// made, so that a file costs no system call for its folder but the first.
type dirSink struct {
	root string
	made sync.Map // folder path → struct{}
	// replace writes each file beside its path and renames it over, for a
	// folder that is read while it is written.
	replace bool

	mu      sync.Mutex
	written []string // output paths, in the order written
}

func (d *dirSink) WriteFile(rel string, data []byte) error {
	d.wrote(rel)
	name := filepath.Join(d.root, filepath.FromSlash(rel))
	if err := d.mkdirs(filepath.Dir(name)); err != nil {
		return err
	}
	if d.replace {
		return replaceFile(name, data)
	}
	return os.WriteFile(name, data, 0o644)
}

// replaceFile writes data beside name and renames it over name. The file
// is readable by its owner only, which for serve's private folder is all
// that reads it.
func replaceFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name) // 0600: serve's folder is its own
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func (d *dirSink) CopyFile(rel, from string) error {
	d.wrote(rel)
	name := filepath.Join(d.root, filepath.FromSlash(rel))
	if err := d.mkdirs(filepath.Dir(name)); err != nil {
		return err
	}
	return copyFile(from, name)
}

func (d *dirSink) wrote(rel string) {
	d.mu.Lock()
	d.written = append(d.written, rel)
	d.mu.Unlock()
}

// files returns the output paths written, sorted, each once.
func (d *dirSink) files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	slices.Sort(d.written)
	return slices.Compact(d.written)
}

// mkdirs makes dir and the folders above it up to the root, as
// os.MkdirAll does, trying the folder itself first.
func (d *dirSink) mkdirs(dir string) error {
	if dir == d.root || len(dir) < len(d.root) {
		return nil
	}
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = d.mkdirs(filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.made.Store(dir, struct{}{})
	return nil
}

// discard is a sink that writes nothing, for a build that has already failed.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }

type counts struct{ pages, files int }

// produce renders every output file of the site into out. Pages for which
// keep returns true are not rendered: their previous output stands (keep
// may be nil). With sameSignature, the files that depend only on the site
// signature (theme assets, 404, tags, aliases, sitemap) are not produced
// either. It returns the problems found, sorted; err is for a failing sink.
func (s *Site) produce(out sink, keep func(*content.Page) bool, sameSignature bool) (counts, diag.List, error) {
	var pages, files atomic.Int64
	diags := append(diag.List(nil), s.diags...)
	diags = append(diags, s.checkActiveContent()...)
	if claims := s.claimOutputs(); len(claims) > 0 {
		// Two owners of one path: write nothing, but find every other
		// problem of the site too.
		diags = append(diags, claims...)
		out = discard{}
	}
	assets := s.assets
	if sameSignature {
		assets = nil
	}
	for _, a := range assets {
		if err := out.WriteFile(a.Path, a.Data); err != nil {
			return counts{}, nil, err
		}
		files.Add(1)
	}
	for _, f := range s.Content.Files {
		if err := out.CopyFile(f.File, filepath.Join(s.contentDir(), filepath.FromSlash(f.File))); err != nil {
			diags = append(diags, diag.Errorf(f.DisplayPath, 0, 0, "copying file: %v", err))
			continue
		}
		files.Add(1)
	}
	emit := func(rel string, data []byte) error {
		pages.Add(1)
		return out.WriteFile(rel, data)
	}
	diags = append(diags, s.renderPages(keep, emit)...)
	if diags.HasErrors() {
		s.index = nil // missing pages: the build fails, and its index is not needed
	}
	diags = append(diags, s.checkLinks()...)
	if err := s.emitHeld(emit); err != nil {
		return counts{}, nil, err
	}
	diags = append(diags, s.contentWarnings()...)
	n, more, err := s.copyLinkedHidden(out)
	if err != nil {
		return counts{}, nil, err
	}
	files.Add(int64(n))
	diags = append(diags, more...)

	extra, more := s.produceOutputs(sameSignature)
	diags = append(diags, more...)
	// The search index alone is thousands of small files: write them on
	// every core, as the pages are.
	if err := parallel.Try(len(extra), func(i int) error {
		f := extra[i]
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return err
		}
		if path.Ext(f.Path) == ".html" {
			pages.Add(1)
		} else {
			files.Add(1)
		}
		return nil
	}); err != nil {
		return counts{}, nil, err
	}
	diags.Sort()
	return counts{int(pages.Load()), int(files.Load())}, diags, nil
}

func (s *Site) contentDir() string {
	return filepath.Join(s.source, s.Config.ContentDir)
}

// newStaging creates the folder a build writes into: a hidden sibling of
// dest, on the same file system so that the final rename is atomic.
func newStaging(dest string) (string, error) {
	parent := filepath.Dir(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("creating %q: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("creating staging folder beside %q: %w", dest, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	return tmp, nil
}

// errNoExchange says that two folders cannot be exchanged in one step here.
var errNoExchange = errors.New("atomic exchange not supported")

// swap replaces dest by the finished folder tmp, so that at every instant
// dest holds the old site or the new one, whole. A missing dest is one
// rename. On Linux the two folders are exchanged in one system call, and
// the old site, now at tmp, is removed after. Elsewhere the old site is
// moved aside into .DEST.old-*/site and the new one renamed in; a build
// killed between the two renames leaves dest missing for an instant, and
// the next build puts the old site back first (restoreInterrupted).
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dest); err != nil {
			return fmt.Errorf("publishing %q: %w", dest, err)
		}
		return nil
	}
	switch err := exchange(tmp, dest); {
	case err == nil:
		os.RemoveAll(tmp) // the old site
		return nil
	case !errors.Is(err, errNoExchange):
		return fmt.Errorf("publishing %q: %w", dest, err)
	}
	o, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".old-")
	if err != nil {
		return fmt.Errorf("preparing to replace %q: %w", dest, err)
	}
	old := filepath.Join(o, "site")
	if err := os.Rename(dest, old); err != nil {
		os.Remove(o)
		return fmt.Errorf("moving old output %q aside: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		if back := os.Rename(old, dest); back != nil {
			return fmt.Errorf("publishing %q: %w; the previous output is in %q (the next build puts it back)", dest, err, old)
		}
		os.Remove(o)
		return fmt.Errorf("publishing %q: %w", dest, err)
	}
	os.RemoveAll(o)
	return nil
}

// restoreInterrupted undoes what a build killed while publishing into dest
// left beside it, before anything else is done: when dest is missing and an
// old site was moved aside, it goes back; staging folders and old sites
// that are no longer needed are removed. It reports whether a site is at
// dest afterwards, and whether it was put back.
func restoreInterrupted(dest string) (hasOutput, restored bool) {
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if parent == dest {
		return true, false
	}
	_, err := os.Lstat(dest)
	missing := errors.Is(err, fs.ErrNotExist)
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+".old-*"))
	for _, o := range olds {
		if missing {
			if err := os.Rename(filepath.Join(o, "site"), dest); err == nil {
				missing, restored = false, true
			}
		}
		os.RemoveAll(o)
	}
	stale, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, dir := range stale {
		os.RemoveAll(dir)
	}
	return !missing, restored
}

// copyFile copies the file from to the path to, whose folder exists.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// produceOnly renders the given pages and the files derived from page bodies
// (the feed) into out; everything else is left to stand.
func (s *Site) produceOnly(out sink, pages map[*content.Page]bool) (counts, diag.List, error) {
	diags := append(diag.List(nil), s.diags...)
	edited := make([]*content.Page, 0, len(pages))
	for _, p := range s.Content.Pages {
		if pages[p] {
			edited = append(edited, p)
		}
	}
	before := s.idsOf(edited)
	n := 0
	emit := func(rel string, data []byte) error {
		n++
		return out.WriteFile(rel, data)
	}
	diags = append(diags, s.renderPages(func(p *content.Page) bool { return !pages[p] }, emit)...)
	// Other pages' links can only break if an edited page lost an id.
	after := s.idsOf(edited)
	check, warn := s.Content.Pages, s.Content.Pages
	same := true
	for _, p := range edited {
		same = same && sameIDs(before[p.File], after[p.File])
	}
	if same {
		check = edited
	}
	if !s.hasHidden() {
		warn = edited
	}
	diags = append(diags, s.checkLinksOf(check)...)
	if err := s.emitHeld(emit); err != nil {
		return counts{}, nil, err
	}
	diags = append(diags, s.contentWarningsOf(warn)...)
	if _, more, err := s.copyLinkedHidden(out); err != nil {
		return counts{}, nil, err
	} else {
		diags = append(diags, more...)
	}
	extra, more := s.produceOutputs(true)
	diags = append(diags, more...)
	for _, f := range extra {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return counts{}, nil, err
		}
	}
	diags.Sort()
	return counts{pages: n}, diags, nil
}

// hasHidden reports whether any page is hidden from the navigation.
func (s *Site) hasHidden() bool {
	for _, p := range s.Content.Pages {
		if p.Hidden {
			return true
		}
	}
	return false
}

// linkedHidden returns the files in dot folders that some page links to or
// embeds, sorted: they are published, the others are not.
func (s *Site) linkedHidden() []content.StaticFile {
	s.links.mu.Lock()
	defer s.links.mu.Unlock()
	seen := map[string]bool{}
	var out []content.StaticFile
	for _, pl := range s.links.pages {
		for _, l := range pl.links {
			target, _, _ := strings.Cut(l.URL, "#")
			target, _, _ = strings.Cut(target, "?")
			rel := strings.TrimPrefix(target, s.data.BasePath)
			if seen[rel] {
				continue
			}
			if f, ok := s.Content.HiddenFile(rel); ok {
				seen[rel] = true
				out = append(out, f)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// copyLinkedHidden publishes the files in dot folders that pages link to,
// and returns how many it copied.
func (s *Site) copyLinkedHidden(out sink) (int, diag.List, error) {
	var diags diag.List
	n := 0
	for _, f := range s.linkedHidden() {
		if err := out.CopyFile(f.File, filepath.Join(s.contentDir(), filepath.FromSlash(f.File))); err != nil {
			diags = append(diags, diag.Errorf(f.DisplayPath, 0, 0, "copying file: %v", err))
			continue
		}
		n++
	}
	return n, diags, nil
}
