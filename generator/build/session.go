package build

// A Session is how `serve` rebuilds: it keeps the content loader's cache and
// the checksum of every output file between builds. After a change it
// re-reads only the changed files and re-renders a page only when its inputs
// changed: its own file, or what every page shows of the others (titles,
// order, dates, the playbook's roles and tables, the theme, the config),
// summed up as the site's signature. When the signature changes, every page
// is rendered again; then only files whose bytes differ are written. The
// output is byte-identical to a full Build of the same content, which the
// tests check over random sequences of edits.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/playbook"
)

// Session builds a site again and again into one output folder, doing only
// the work a change needs. It is not safe for concurrent use.
type Session struct {
	opts      Options
	dest      string
	loader    *content.Loader
	loaderKey string // the content options the loader was made for
	good      *Site  // the last site built without error, nil after a failure

	last *Site // the last site prepared, good or not

	built   bool
	sig     [32]byte               // the site signature of the last good build
	sums    map[string]content.Sum // page file → checksum of its source, last good build
	outputs map[string][32]byte    // output path → checksum of the bytes on disk
	// sigOnly marks the outputs that depend only on the site signature:
	// theme assets, 404, tag pages, aliases, sitemap, robots.txt.
	sigOnly map[string]bool
	// markdown keeps rendered page bodies between builds.
	markdown *markdownCache
	// links keeps every page's ids and links for link checking.
	links *linkIndex
	// dates are the git dates of the content files, read once with the
	// rest of git's history of the content folder.
	dates map[string]time.Time
	git   gitinfo.Info

	// prepared is the site Prepare loaded for the first build; Pending
	// renders from it meanwhile.
	pendingMu  sync.Mutex
	prepared   *Site
	pendingOut map[string]*content.Page
}

// Rebuild reports what one Session build did.
type Rebuild struct {
	// Changed lists the output paths (slash-separated, relative to the
	// output folder) whose bytes changed or that were removed, sorted.
	Changed []string
	// Rendered is the number of pages rendered; Pages the number the site has.
	Rendered, Pages int
	// Count is what the output folder holds after the build, as every
	// command's summary counts it.
	Count Count
	// Full is true when the site's signature changed and every page was
	// rendered again.
	Full bool
	// SearchStale is true when the search index was left for RefreshSearch,
	// so that the page itself is served first.
	SearchStale bool
	Duration    time.Duration
	Warnings    diag.List
}

// NewSession returns a session that builds opts.Source into dest.
func NewSession(opts Options, dest string) *Session {
	return &Session{opts: opts, dest: dest, outputs: map[string][32]byte{}}
}

// Build brings the output folder up to date. changed lists the absolute
// paths of files or folders that changed since the last call; nil means
// "anything may have changed". On a content error the output folder is left
// as it was and the error lists every problem.
func (s *Session) Build(changed []string) (Rebuild, error) {
	start := time.Now()
	if rb, ok, err := s.bodyEdit(changed); ok {
		rb.Duration = time.Since(start)
		return rb, err
	}
	s.good = nil // a slow build moves the loader on: the fast path waits for its success
	defer s.donePending()
	var rb Rebuild
	site, err := s.takePrepared(changed)
	if err != nil {
		return rb, err
	}
	sums := map[string]content.Sum{}
	for _, p := range site.Content.Pages {
		if sum, ok := s.loader.Sum(p.File); ok {
			sums[p.File] = sum
		}
	}
	sig := site.signature()
	full := !s.built || sig != s.sig
	keep := func(p *content.Page) bool {
		if full {
			return false
		}
		old, had := s.sums[p.File]
		now, has := sums[p.File]
		return had == has && old == now && s.has(p.OutFile)
	}

	out := s.newSink()
	defer out.discard()
	// On a big site the search index waits: the pages are served first.
	site.deferSearch = s.built && len(site.Content.Pages) > maxSyncSearchPages
	rb.SearchStale = site.deferSearch
	_, diags, err := site.produce(out, keep, !full)
	if err != nil {
		return rb, err
	}
	rb.Warnings = diags.Warnings()
	if diags.HasErrors() {
		return rb, diags.Err()
	}
	// Pages that were kept produce what they produced before, and so do the
	// files that depend only on the signature.
	for rel, sum := range s.outputs {
		_, done := out.produced[rel]
		if !done && (!full && s.sigOnly[rel] || site.deferSearch && strings.HasPrefix(rel, searchDir)) {
			out.produced[rel] = sum
		}
	}
	for _, p := range site.Content.Pages {
		if keep(p) {
			out.produced[p.OutFile] = s.outputs[p.OutFile]
		} else {
			rb.Rendered++
		}
	}

	if full {
		s.sigOnly = site.signatureOutputs(out.produced)
	}
	if err := s.commit(out, &rb); err != nil {
		return rb, err
	}
	s.built, s.sig, s.sums = true, sig, sums
	s.good = site
	s.links = site.links
	site.markdown.prune(site.Content.Pages)
	s.markdown = site.markdown
	rb.Pages = len(site.Content.Pages)
	rb.Count = site.countOutputs(s.outputs)
	rb.Full = full
	rb.Duration = time.Since(start)
	return rb, nil
}

// takePrepared returns the site to build: the one Prepare made, on the first
// build, or a fresh one.
func (s *Session) takePrepared(changed []string) (*Site, error) {
	s.pendingMu.Lock()
	site := s.prepared
	s.pendingMu.Unlock()
	if site != nil && changed == nil {
		return site, nil
	}
	return s.prepare(changed)
}

// donePending ends rendering on demand: the first build has written the
// site (or failed, and the prepared site is no use any more).
func (s *Session) donePending() {
	s.pendingMu.Lock()
	s.prepared, s.pendingOut = nil, nil
	s.pendingMu.Unlock()
}

// prepare loads the site, re-reading only the changed paths, and hands it
// the caches kept between builds.
func (s *Session) prepare(changed []string) (*Site, error) {
	site, err := prepare(s.opts, func(o content.Options) (*content.Site, diag.List, error) {
		key := fmt.Sprintf("%q %q %v %v %q %q %q %q", o.Dir, o.DisplayDir, o.Drafts, sortedPairs(o.KindFolders), o.RepositoryDir, o.FrontMatterKeys, o.Repository+" "+o.Branch, o.Skip)
		if s.loader == nil || key != s.loaderKey {
			s.loader, s.loaderKey = content.NewLoader(o), key
			return s.loader.Load(nil)
		}
		return s.loader.Load(changed)
	}, func(contentDir string) gitinfo.Info {
		// Dates change with commits, not saves: read them once.
		if s.dates == nil {
			s.git = gitDates(contentDir)
			s.dates = s.git.Dates
			if s.dates == nil {
				s.dates = map[string]time.Time{}
			}
		}
		return s.git
	})
	if err != nil {
		return nil, err
	}
	if err := checkPreviewFolder(site, s.dest); err != nil {
		return nil, err
	}
	s.last = site
	site.markdown = newMarkdownCache(s.markdown, site.linkContext())
	if s.links != nil {
		site.links = newLinkIndex(s.links) // kept pages keep their ids and links
	}
	return site, nil
}

// checkPreviewFolder refuses a session's output folder inside the content or
// themes folder, where serve's temporary folder lands when TMPDIR points
// into the site: the site would then publish its own output.
func checkPreviewFolder(site *Site, dest string) error {
	real, err := realPath(dest)
	if err != nil {
		return err
	}
	for _, dir := range []string{site.contentDir(), site.Config.ThemesFolder(site.source), site.Config.ThemeDir(site.source)} {
		if r, err := realPath(dir); err == nil && within(real, r) {
			return fmt.Errorf("the preview folder %q is inside %q, which the site reads: set TMPDIR to a folder outside the site", dest, dir)
		}
	}
	return nil
}

// Prepare loads the site without rendering it, so that Pending can render
// pages on demand while the first Build, which reuses this site, runs.
func (s *Session) Prepare() error {
	site, err := s.prepare(nil)
	if err != nil {
		return err
	}
	out := map[string]*content.Page{}
	for _, p := range site.Content.Pages {
		out[p.OutFile] = p
	}
	s.pendingMu.Lock()
	s.prepared, s.pendingOut = site, out
	s.pendingMu.Unlock()
	return nil
}

// Pending renders the output file name (output-relative, such as
// "roles/po/index.html") from the prepared site, while the first build has
// not written it yet. It is safe to call concurrently with Build.
func (s *Session) Pending(name string) ([]byte, bool) {
	s.pendingMu.Lock()
	site, out := s.prepared, s.pendingOut
	s.pendingMu.Unlock()
	if site == nil {
		return nil, false
	}
	for _, a := range site.assets {
		if a.Path == name {
			return a.Data, true
		}
	}
	if name == "404.html" {
		data, err := site.renderNotFound()
		return data, err == nil
	}
	p := out[name]
	if p == nil {
		return nil, false
	}
	var buf bytes.Buffer
	pos := 0
	for i, q := range site.Content.Ordered {
		if q == p {
			pos = i
			break
		}
	}
	if d := site.renderPage(&buf, p, pos); d.HasErrors() {
		return nil, false
	}
	return buf.Bytes(), true
}

func (s *Session) has(out string) bool { _, ok := s.outputs[out]; return ok }

// commit writes the changed files, on every core, and removes those no
// longer produced.
func (s *Session) commit(out *memorySink, rb *Rebuild) error {
	rels := make([]string, 0, len(out.changed))
	for rel := range out.changed {
		rels = append(rels, rel)
	}
	if err := os.MkdirAll(s.dest, 0o755); err != nil {
		return err
	}
	// Replace each file by a rename, so that the server, which reads the
	// folder meanwhile, gets the old bytes or the new ones, never a file
	// cut short by its rewrite.
	target := &dirSink{root: s.dest, replace: true}
	err := parallel.Try(len(rels), func(i int) error {
		rel := rels[i]
		data := out.changed[rel]
		if _, ok := out.spilled[rel]; ok {
			buf := readBuffers.Get().(*[]byte)
			defer readBuffers.Put(buf)
			var err error
			if data, err = out.spilledData(rel, *buf); err != nil {
				return err
			}
			*buf = data
		}
		return target.WriteFile(rel, data)
	})
	if err != nil {
		return err
	}
	rb.Changed = append(rb.Changed, rels...)
	for rel := range s.outputs {
		if _, ok := out.produced[rel]; ok {
			continue
		}
		p := filepath.Join(s.dest, filepath.FromSlash(rel))
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("removing stale output %q: %w", p, err)
		}
		removeEmptyParents(s.dest, filepath.Dir(p))
		rb.Changed = append(rb.Changed, rel)
	}
	sort.Strings(rb.Changed)
	s.outputs = out.produced
	return nil
}

// removeEmptyParents removes dir and its parents up to root while empty.
func removeEmptyParents(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root) {
		if err := os.Remove(dir); err != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

// memorySink keeps the files whose bytes differ from the last build, to be
// written only when the build has no error. Up to memoryBudget bytes stay in
// memory; the rest are appended to one spill file beside the output (one
// file, as making thousands costs more than writing them) and copied out of
// it by commit, so that a full build of a big site does not hold every file.
type memorySink struct {
	mu        sync.Mutex
	old       map[string][32]byte
	produced  map[string][32]byte
	changed   map[string][]byte // the data, unless the file is in spilled
	held      int               // bytes of data in changed
	dest      string            // the output folder, beside which the spill file is made
	spill     *os.File          // nil until a file is spilled
	spillSize int64
	spilled   map[string]spillRange // where the spilled files are in the spill file
}

// spillRange is where one file's bytes are in the spill file.
type spillRange struct{ off, n int64 }

// memoryBudget is how many bytes of changed files a build keeps in memory:
// a one-page rebuild stays in memory, a full build of a big site does not.
var memoryBudget = 32 << 20

// newSink returns a sink for one build of the session.
func (s *Session) newSink() *memorySink {
	return &memorySink{old: s.outputs, produced: map[string][32]byte{}, changed: map[string][]byte{}, dest: s.dest}
}

func (m *memorySink) WriteFile(rel string, data []byte) error {
	sum := sha256.Sum256(data)
	m.mu.Lock()
	m.produced[rel] = sum
	if old, ok := m.old[rel]; ok && old == sum {
		m.mu.Unlock()
		return nil
	}
	if m.held+len(data) <= memoryBudget {
		m.changed[rel] = bytes.Clone(data)
		m.held += len(data)
		m.mu.Unlock()
		return nil
	}
	if m.spill == nil {
		parent := filepath.Dir(filepath.Clean(m.dest))
		if err := os.MkdirAll(parent, 0o755); err != nil {
			m.mu.Unlock()
			return err
		}
		f, err := os.CreateTemp(parent, "."+filepath.Base(m.dest)+".tmp-spill-")
		if err != nil {
			m.mu.Unlock()
			return fmt.Errorf("creating a spill file beside %q: %w", m.dest, err)
		}
		m.spill, m.spilled = f, map[string]spillRange{}
	}
	r := spillRange{m.spillSize, int64(len(data))}
	m.spillSize += r.n
	m.changed[rel] = nil
	m.spilled[rel] = r
	spill := m.spill
	m.mu.Unlock()
	_, err := spill.WriteAt(data, r.off)
	return err
}

// spilledData reads back the bytes of a spilled file into buf, grown as
// needed, and returns them.
func (m *memorySink) spilledData(rel string, buf []byte) ([]byte, error) {
	r := m.spilled[rel]
	data := slices.Grow(buf[:0], int(r.n))[:r.n]
	if _, err := m.spill.ReadAt(data, r.off); err != nil {
		return nil, fmt.Errorf("reading back %s: %w", rel, err)
	}
	return data, nil
}

// readBuffers are the buffers commit reads spilled files back into.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// discard removes the spill file.
func (m *memorySink) discard() {
	if m.spill != nil {
		m.spill.Close()
		os.Remove(m.spill.Name())
	}
}

func (m *memorySink) CopyFile(rel, from string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return m.WriteFile(rel, data)
}

// signature sums up everything about the site that one page can show of the
// others: if it is unchanged, a page whose own file did not change renders
// to the same bytes.
func (s *Site) signature() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "config %#v\n", s.Config)
	th := s.Theme.Sum()
	h.Write(th[:])
	// What pages show of the site besides its config: the asset names and
	// the derived addresses (the config above covers the rest).
	d := s.data
	fmt.Fprintf(h, "data %q %q %q %q %q %q %q %q\n", d.BaseURL, d.BasePath, d.Stylesheets, d.Scripts, d.FeedURL, d.PrintURL, d.CodeStylesheet, d.Logo)
	// Hand-written rather than fmt: this runs on every save, over every page.
	var b []byte
	str := func(v string) { b = append(b, v...); b = append(b, 0) }
	for _, p := range s.Content.Ordered {
		b = b[:0]
		str(p.File)
		str(p.URL)
		str(p.Kind())
		str(p.SectionKind())
		if p.Generated {
			b = append(b, 'g')
		}
		if p.IsSection {
			b = append(b, 's')
		}
		b = p.Outside().Append(b)
		b = append(b, '\n')
		h.Write(b)
	}
	for _, f := range s.Content.Files {
		fmt.Fprintf(h, "file %q\n", f.File)
	}
	for _, f := range s.Content.HiddenFiles() {
		fmt.Fprintf(h, "hidden %q\n", f)
	}
	// The navigation's nesting and titles (a SUMMARY.md gives its own).
	var nav func(n *content.NavNode, depth int)
	nav = func(n *content.NavNode, depth int) {
		fmt.Fprintf(h, "nav %d %q %q\n", depth, n.Page.File, n.Label())
		for _, c := range n.Children {
			nav(c, depth+1)
		}
	}
	nav(s.Content.Nav, 0)
	// What other pages show of the kinds' models: a table's expectations
	// on role pages and the matrix, a thread's questions on role pages.
	for _, p := range s.Content.Pages {
		if m, ok := s.Book.Model(p).(playbook.Outsider); ok {
			fmt.Fprintf(h, "model %q %s\n", p.File, m.Outside())
		}
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func sortedPairs(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// URLOf maps an output path to the URL path a browser asks for, under the
// base path: "roles/po/index.html" → "/roles/po/".
func URLOf(basePath, rel string) string {
	if path.Base(rel) == "index.html" {
		rel = strings.TrimSuffix(rel, "index.html")
	}
	return basePath + rel
}

// WatchPaths returns what a watcher should watch for this site: the content
// folder, the site's theme folder and every config file name. The theme
// folder and the config files need not exist yet; the theme folder ends in
// a separator, which tells the watcher it is a folder to come.
func (s *Session) WatchPaths() []string {
	src := s.opts.source()
	cfg := config.Default()
	if s.last != nil {
		cfg = s.last.Config
	}
	paths := []string{filepath.Join(src, cfg.ContentDir)}
	paths = append(paths, cfg.ThemeDir(src)+string(filepath.Separator))
	for _, name := range config.FileNames {
		paths = append(paths, filepath.Join(src, name))
	}
	return paths
}

// BasePath returns the path the site is served under ("/" or "/handbook/").
func (s *Session) BasePath() string {
	if s.last == nil {
		return "/"
	}
	return s.last.data.BasePath
}

// bodyEdit is the fast path of a save: when every changed path is an
// existing ordinary page whose re-read front matter shows nothing that other
// pages show (same title, order, date, description, tags…), the last good
// site is updated in place and only those pages are rendered again: no
// reload of the whole site, no signature to compute. ok is false when the
// change needs the full path.
func (s *Session) bodyEdit(changed []string) (rb Rebuild, ok bool, err error) {
	site := s.good
	if site == nil || len(changed) == 0 {
		return rb, false, nil
	}
	dir, err := filepath.Abs(site.contentDir())
	if err != nil {
		return rb, false, nil
	}
	type edit struct {
		old, new *content.Page
		sum      content.Sum
	}
	var edits []edit
	for _, abs := range changed {
		rel, err := filepath.Rel(dir, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return rb, false, nil
		}
		rel = filepath.ToSlash(rel)
		old := site.Content.PageByFile(rel)
		if old == nil || old.Generated {
			return rb, false, nil
		}
		if site.Book.Kind(old.Kind()) != nil {
			return rb, false, nil // a kind reads these pages into the book
		}
		p, diags, sum, found := s.loader.Reread(rel)
		if p != nil && p.Lastmod.IsZero() {
			p.Lastmod = s.dates[rel]
		}
		if !found || len(diags) > 0 || p == nil || old.Outside() != p.Outside() {
			return rb, false, nil
		}
		edits = append(edits, edit{old: old, new: p, sum: sum})
	}
	for _, e := range edits {
		e.old.Body, e.old.BodyLine = e.new.Body, e.new.BodyLine
		e.old.Params, e.old.FrontMatter = e.new.Params, e.new.FrontMatter
	}
	edited := map[*content.Page]bool{}
	for _, e := range edits {
		edited[e.old] = true
	}
	out := s.newSink()
	defer out.discard()
	site.deferSearch = len(site.Content.Pages) > maxSyncSearchPages
	_, diags, err := site.produceOnly(out, edited)
	rb.SearchStale = site.deferSearch
	if err != nil {
		return rb, true, err
	}
	if diags.HasErrors() {
		s.good = nil // the site now differs from what is on disk: take the full path next
		return rb, true, diags.Err()
	}
	for rel, sum := range s.outputs {
		if _, hidden := site.Content.HiddenFile(rel); hidden {
			continue // produced above when still linked
		}
		if _, done := out.produced[rel]; !done && (site.deferSearch || !strings.HasPrefix(rel, searchDir)) {
			out.produced[rel] = sum
		}
	}
	if err := s.commit(out, &rb); err != nil {
		return rb, true, err
	}
	for _, e := range edits {
		s.sums[e.old.File] = e.sum
	}
	rb.Warnings = diags.Warnings()
	rb.Rendered = len(edits)
	rb.Pages = len(site.Content.Pages)
	rb.Count = site.countOutputs(s.outputs)
	return rb, true, nil
}

// RefreshSearch writes the search index of the last good site, after a
// rebuild that left it out (Rebuild.SearchStale).
func (s *Session) RefreshSearch() (Rebuild, error) {
	start := time.Now()
	var rb Rebuild
	site := s.good
	if site == nil {
		return rb, nil
	}
	files, err := site.searchFiles()
	if err != nil {
		return rb, err
	}
	out := s.newSink()
	defer out.discard()
	for _, f := range files {
		out.WriteFile(f.Path, f.Data)
	}
	for rel, sum := range s.outputs {
		if _, done := out.produced[rel]; !done && !strings.HasPrefix(rel, searchDir) {
			out.produced[rel] = sum
		}
	}
	if err := s.commit(out, &rb); err != nil {
		return rb, err
	}
	rb.Pages = len(site.Content.Pages)
	rb.Count = site.countOutputs(s.outputs)
	rb.Duration = time.Since(start)
	return rb, nil
}
