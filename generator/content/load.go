package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
)

// Options configure Load.
type Options struct {
	// Dir is the content folder on disk.
	Dir string
	// DisplayDir prefixes file paths in messages ("content" or
	// "site/content"), so that authors can open the file they name.
	DisplayDir string
	// Drafts includes pages marked `draft: true`.
	Drafts bool
	// KindFolders maps a top-level folder to the kind of the pages in it
	// ("roles" → "role").
	KindFolders map[string]string
	// SectionTitles are the titles of top-level folders that have no index
	// page, by folder name ("qa" → "Q&A"); other folders are titled after
	// their name.
	SectionTitles map[string]string
	// SectionDescriptions are the descriptions of the same folders.
	SectionDescriptions map[string]string
	// SectionOrder lists top-level folders in the order the home page lists
	// them among its entries of equal weight, before the other entries.
	SectionOrder []string
	// RepositoryDir is the content folder's path inside its git repository
	// ("content", "docs/content"; "" when it is the repository root): a
	// root-absolute link that starts with it is read from the repository
	// root, as the git host reads it.
	RepositoryDir string
	// Repository and Branch are the git host's address of the repository
	// ("https://github.com/org/handbook") and the branch links are read on:
	// a link that leaves the content folder for another file of the
	// repository links to that file on the git host.
	Repository, Branch string
	// Skip lists content-relative files left out of the site: the config
	// files, when the content folder is the site's folder.
	Skip []string
	// FrontMatterKeys are front matter keys read by others than the page
	// itself (the content kinds' keys, such as works_with, and those the
	// site's templates read): no warning names them.
	FrontMatterKeys []string
}

// StaticFile is a non-Markdown file in the content folder (an image, a PDF),
// copied to the same relative path in the output. A file inside a dot folder
// (".gitbook/assets/") is published only when a page links to it.
type StaticFile struct {
	File        string // slash-separated path relative to the content folder
	DisplayPath string
}

// indexNames are a folder's own page, in order of precedence: `_index.md` is
// the generator's convention, `index.md` and `README.md` are what git hosts
// show for a folder.
var indexNames = []string{"_index.md", "index.md", "index.markdown", "README.md", "README.markdown"}

// isMarkdown reports whether a file name is a page: ".md", or ".markdown"
// as Jekyll sites often name them (the git host renders both).
func isMarkdown(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown")
}

// Load reads every page and file of the content folder. Problems with single
// files are returned as diagnostics; the returned site holds every page that
// could be read. The error is for a content folder that cannot be walked.
func Load(opts Options) (*Site, diag.List, error) {
	return NewLoader(opts).Load(nil)
}

// Loader loads a content folder and remembers what it read, so that after a
// change only the changed files are read again. It is not safe for
// concurrent use.
type Loader struct {
	opts  Options
	known map[string]bool    // the front matter keys that draw no warning
	files map[string]*loaded // by content-relative path
}

// loaded is one file as last read.
type loaded struct {
	page   *Page // nil for a non-Markdown file or an unreadable page
	diags  diag.List
	static bool
	// hidden marks a file in a dot folder, or a dot file: published only
	// when a page links to it.
	hidden bool
	// Sum identifies the bytes read, to tell whether a page changed.
	sum Sum
}

// Sum is a checksum of a file's bytes, for telling within one process
// whether they changed: a 64-bit hash, on which two versions of a file
// agree by chance once in 2^64, at a fraction of SHA-256's cost (which
// was 1% of a build's time).
type Sum uint64

// sumSeed seeds every Sum of this process.
var sumSeed = maphash.MakeSeed()

// NewLoader returns a loader for the content folder described by opts.
func NewLoader(opts Options) *Loader {
	return &Loader{opts: opts, known: knownKeySet(opts.FrontMatterKeys)}
}

// Load returns the site. On the first call, and whenever changed is nil,
// the whole folder is read; otherwise only the given absolute paths (files or
// folders, created, written or removed) are read again.
func (l *Loader) Load(changed []string) (*Site, diag.List, error) {
	if l.files == nil || changed == nil {
		l.files = map[string]*loaded{}
		if err := l.scan("."); err != nil {
			return nil, nil, err
		}
	} else {
		dir, err := filepath.Abs(l.opts.Dir)
		if err != nil {
			return nil, nil, fmt.Errorf("content folder %q: %w", l.opts.Dir, err)
		}
		for _, abs := range changed {
			rel, err := filepath.Rel(dir, abs)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue // not in the content folder
			}
			if err := l.refresh(filepath.ToSlash(rel)); err != nil {
				return nil, nil, err
			}
		}
	}
	return l.site()
}

// Sum returns the checksum of a file's bytes as last read, and whether the
// loader has the file.
func (l *Loader) Sum(rel string) (Sum, bool) {
	f, ok := l.files[rel]
	if !ok {
		return 0, false
	}
	return f.sum, true
}

// Reread reads one page file again, updating the cache, and returns a copy
// of the new page for a build, its problems and its checksum. found is false
// when rel is not a page file the loader knows or it is no longer there.
func (l *Loader) Reread(rel string) (p *Page, diags diag.List, sum Sum, found bool) {
	f, ok := l.files[rel]
	if !ok || f.static || f.page == nil {
		return nil, nil, sum, false
	}
	info, err := os.Lstat(filepath.Join(l.opts.Dir, filepath.FromSlash(rel)))
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil, sum, false
	}
	fresh := l.readOne(rel)
	l.files[rel] = fresh
	if fresh.page == nil {
		return nil, fresh.diags, fresh.sum, true
	}
	p = fresh.page.clone()
	p.setKind(l.opts.KindFolders)
	return p, fresh.diags, fresh.sum, true
}

// refresh re-reads what is at rel now: a file, a whole folder, or nothing
// (then everything that was there is forgotten).
func (l *Loader) refresh(rel string) error {
	if rel == "." {
		l.files = map[string]*loaded{}
		return l.scan(".")
	}
	for _, part := range strings.Split(rel, "/") {
		if isIgnored(part) || part == ".git" {
			return nil
		}
	}
	for f := range l.files {
		if f == rel || strings.HasPrefix(f, rel+"/") {
			delete(l.files, f)
		}
	}
	info, err := os.Lstat(filepath.Join(l.opts.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil // removed
	}
	if info.IsDir() {
		return l.scan(rel)
	}
	if info.Mode().IsRegular() {
		l.read([]string{rel})
	}
	return nil
}

// scan reads every file under the content-relative folder dir.
func (l *Loader) scan(dir string) error {
	var files []string
	// The content folder itself may be a symbolic link (a site kept beside
	// its handbook): the walk starts from where it leads, since WalkDir
	// does not follow a link it starts at.
	contentRoot, err := filepath.EvalSymlinks(l.opts.Dir)
	if err != nil {
		contentRoot = l.opts.Dir
	}
	root := filepath.Join(contentRoot, filepath.FromSlash(dir))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root && errors.Is(err, fs.ErrNotExist) {
				return nil // removed while walking
			}
			return err
		}
		if p != root && (isIgnored(d.Name()) || d.IsDir() && d.Name() == ".git") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(contentRoot, p)
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			if ok, problem := symlinkInside(p, contentRoot); ok {
				files = append(files, rel)
			} else {
				l.files[rel] = &loaded{diags: diag.List{diag.Warnf(l.display(rel), 0, 0, "%s", problem)}}
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading content folder %q: %w", root, err)
	}
	l.read(files)
	return nil
}

// symlinkInside decides whether a symbolic link in the content folder is
// read: only a link to a regular file inside the content folder is. A link
// to a folder is never followed (it could loop), nor one that leads out of
// the content folder (it could publish any file of the machine).
func symlinkInside(link, contentRoot string) (bool, string) {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return false, "symbolic link skipped: it leads nowhere (" + strings.TrimPrefix(err.Error(), "lstat ") + ")"
	}
	if target != contentRoot && !strings.HasPrefix(target, contentRoot+string(filepath.Separator)) {
		return false, "symbolic link skipped: it points outside the content folder, and the build reads only files inside it"
	}
	info, err := os.Stat(target)
	if err != nil || !info.Mode().IsRegular() {
		return false, "symbolic link skipped: it points to a folder, which the build does not follow (copy or move the folder instead)"
	}
	return true, ""
}

// read reads the given files on all cores.
func (l *Loader) read(files []string) {
	results := make([]*loaded, len(files))
	parallel.For(len(files), func(i int) { results[i] = l.readOne(files[i]) })
	for i, f := range files {
		l.files[f] = results[i]
	}
}

func (l *Loader) display(rel string) string {
	if l.opts.DisplayDir == "" {
		return rel
	}
	return path.Join(filepath.ToSlash(l.opts.DisplayDir), rel)
}

func (l *Loader) readOne(rel string) *loaded {
	if isHidden(rel) {
		return &loaded{static: true, hidden: true}
	}
	if !isMarkdown(rel) {
		return &loaded{static: true}
	}
	src, err := readPage(filepath.Join(l.opts.Dir, filepath.FromSlash(rel)))
	var big *pageTooBig
	if errors.As(err, &big) {
		return &loaded{diags: diag.List{diag.Errorf(l.display(rel), 0, 0, "%s", tooBig(big.size))}}
	}
	if err != nil {
		var pathErr *fs.PathError
		msg := err.Error()
		if errors.As(err, &pathErr) {
			msg = pathErr.Err.Error()
		}
		return &loaded{diags: diag.List{diag.Errorf(l.display(rel), 0, 0, "cannot read file: %s", msg)}}
	}
	p, diags := parsePage(rel, l.display(rel), src, l.known)
	return &loaded{page: p, diags: diags, sum: Sum(maphash.Bytes(sumSeed, src))}
}

// pageTooBig is readPage's error for a file over MaxPageSize.
type pageTooBig struct{ size int64 }

func (e *pageTooBig) Error() string { return tooBig(e.size) }

// readPage reads a Markdown file of at most MaxPageSize bytes; a bigger one
// is not read at all.
func readPage(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxPageSize {
		return nil, &pageTooBig{info.Size()}
	}
	// The size read is what the file holds now, which may have grown.
	src, err := io.ReadAll(io.LimitReader(f, MaxPageSize+1))
	if err == nil && len(src) > MaxPageSize {
		return nil, &pageTooBig{int64(len(src))}
	}
	return src, err
}

// site assembles the site from the files as last read.
func (l *Loader) site() (*Site, diag.List, error) {
	names := make([]string, 0, len(l.files))
	for f := range l.files {
		names = append(names, f)
	}
	sort.Strings(names)
	var diags diag.List
	var kept []*Page
	var summary *Page
	var static []StaticFile
	hidden := map[string]StaticFile{}
	drafts := map[string]bool{}
	for _, name := range names {
		f := l.files[name]
		if slices.Contains(l.opts.Skip, name) {
			continue
		}
		diags = append(diags, f.diags...)
		switch {
		case f.hidden:
			hidden[name] = StaticFile{File: name, DisplayPath: l.display(name)}
		case f.static:
			static = append(static, StaticFile{File: name, DisplayPath: l.display(name)})
		case f.page == nil:
		case f.page.Draft && !l.opts.Drafts:
			drafts[name] = true
		case isSummary(name):
			summary = f.page // the navigation, not a page
		default:
			p := f.page.clone()
			p.setKind(l.opts.KindFolders)
			kept = append(kept, p)
		}
	}
	switch {
	case len(kept) > 0:
	case len(drafts) > 0:
		diags = append(diags, diag.Errorf(l.opts.DisplayDir, 0, 0, "every page is a draft: build with --drafts, or set draft: false on the pages to publish"))
	case !diags.HasErrors():
		// A build of no page would replace the output with an empty site.
		diags = append(diags, diag.Errorf(l.opts.DisplayDir, 0, 0, "the content folder holds no page: write the pages there as Markdown files (.md), or pass the site folder with --source"))
	}
	site, more := newSite(kept, static, drafts, l.opts, l.display, summary)
	site.hiddenFiles = hidden
	site.repositoryDir = strings.Trim(path.Clean("/"+filepath.ToSlash(l.opts.RepositoryDir)), "/")
	site.contentDir = l.opts.Dir
	site.repository, site.branch = strings.TrimSuffix(l.opts.Repository, "/"), l.opts.Branch

	diags = append(diags, more...)
	return site, diags, nil
}

// isIgnored reports whether a file or folder is left out of the site:
// editors' temporaries and lock files (the .git folder is left out too).
// Dot files and dot folders are read, but are published only when linked
// (see isHidden).
func isIgnored(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") || strings.HasPrefix(name, ".#") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// isHidden reports whether a content-relative path is a dot file or lies in
// a dot folder (".gitbook/assets/a.png", ".github/template.md"). Such files
// are not pages and are published only when a page links to them: GitBook
// keeps every image in .gitbook/assets, and the git host shows them.
func isHidden(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// parsePage builds a page from a file's bytes.
// known are the front matter keys that draw no warning (nil: no warnings).
func parsePage(rel, displayPath string, src []byte, known map[string]bool) (*Page, diag.List) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	if !utf8.Valid(src) {
		line, col := diag.Position(src, firstInvalidUTF8(src))
		return nil, diag.List{diag.Errorf(displayPath, line, col, "file is not valid UTF-8: save it with UTF-8 encoding")}
	}
	p := &Page{File: rel, DisplayPath: displayPath}
	dir, name := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	p.Section = dir
	for _, idx := range indexNames {
		if strings.EqualFold(name, idx) {
			p.IsSection = true
		}
	}

	block, body, bodyLine, format, err := splitFrontMatter(src)
	if err != nil {
		return nil, diag.List{diag.Errorf(displayPath, 1, 1, "%s", err)}
	}
	if msg, line, col, deep := checkLimits(body, bodyLine); deep {
		return nil, diag.List{diag.Errorf(displayPath, line, col, "%s", msg)}
	}
	fm, diags := parseFrontMatter(displayPath, block, format)
	diags = append(diags, p.applyFrontMatter(fm)...)
	if known != nil {
		diags = append(diags, p.unknownKeys(fm, known)...)
	}
	p.Body, p.BodyLine = body, bodyLine
	if p.Title == "" {
		if t, ok := leadingHeading(body); ok {
			p.Title, p.titleFromBody = t, true
		} else {
			p.Title = titleFromName(p)
		}
	}
	return p, diags
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// titleFromName makes a title from a file or folder name:
// "product-owner.md" → "Product Owner".
func titleFromName(p *Page) string {
	name := strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
	if p.IsSection {
		name = path.Base(p.Section)
		if p.Section == "" {
			name = "Home"
		}
	}
	if t := humanize(name); t != "" {
		return t
	}
	return "Untitled"
}

func humanize(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) || unicode.IsControl(r) })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// leadingHeading returns the text of a level-1 heading that opens the body,
// written either as `# Title` or as a Setext `Title` over `===`.
func leadingHeading(body []byte) (string, bool) {
	rest := body
	for len(rest) > 0 {
		n := firstLineLen(rest)
		line := strings.TrimRight(string(rest[:n]), "\r\n")
		rest = rest[n:]
		if strings.TrimSpace(line) == "" {
			continue
		}
		trimmed := strings.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 {
			return "", false
		}
		if text, ok := strings.CutPrefix(trimmed, "#"); ok && (text == "" || text[0] == ' ' || text[0] == '\t') {
			text = strings.TrimSpace(text)
			text = plainInline(strings.TrimSpace(strings.TrimRight(text, "#")))
			return text, text != ""
		}
		next := strings.TrimSpace(strings.TrimRight(string(rest[:firstLineLen(rest)]), "\r\n"))
		if next != "" && strings.Trim(next, "=") == "" {
			text := plainInline(strings.TrimSpace(line))
			return text, text != ""
		}
		return "", false
	}
	return "", false
}

// plainInline strips the common inline Markdown marks from a heading's text:
// emphasis, code spans and link syntax.
func plainInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '*' || c == '_' || c == '`':
		case c == '[' || c == ']':
		case c == '(' && i > 0 && s[i-1] == ']':
			if end := strings.IndexByte(s[i:], ')'); end >= 0 {
				i += end
			}
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}
