package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/playbookhq/playbook/generator/internal/diag"
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
}

// StaticFile is a non-Markdown file in the content folder (an image, a PDF),
// copied to the same relative path in the output.
type StaticFile struct {
	File        string // slash-separated path relative to the content folder
	DisplayPath string
}

// indexNames are a folder's own page, in order of precedence: `_index.md` is
// the generator's convention, `index.md` and `README.md` are what git hosts
// show for a folder.
var indexNames = []string{"_index.md", "index.md", "README.md"}

// Load reads every page and file of the content folder. Problems with single
// files are returned as diagnostics; the returned site holds every page that
// could be read. The error is for a content folder that cannot be walked.
func Load(opts Options) (*Site, diag.List, error) {
	var mdFiles []string
	var static []StaticFile
	display := func(rel string) string {
		if opts.DisplayDir == "" {
			return rel
		}
		return path.Join(filepath.ToSlash(opts.DisplayDir), rel)
	}
	err := filepath.WalkDir(opts.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(opts.Dir, p)
		rel = filepath.ToSlash(rel)
		if rel != "." && isIgnored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || rel == "." {
			return nil
		}
		if strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
			mdFiles = append(mdFiles, rel)
		} else if d.Type().IsRegular() {
			static = append(static, StaticFile{File: rel, DisplayPath: display(rel)})
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading content folder %q: %w", opts.Dir, err)
	}
	sort.Strings(mdFiles)

	pages := make([]*Page, len(mdFiles))
	problems := make([]diag.List, len(mdFiles))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i], problems[i] = readPage(opts.Dir, mdFiles[i], display(mdFiles[i]))
			}
		}()
	}
	for i := range mdFiles {
		next <- i
	}
	close(next)
	wg.Wait()

	var diags diag.List
	var kept []*Page
	drafts := map[string]bool{}
	for i, p := range pages {
		diags = append(diags, problems[i]...)
		if p == nil {
			continue
		}
		if p.Draft && !opts.Drafts {
			drafts[p.File] = true
			continue
		}
		p.setKind(opts.KindFolders)
		kept = append(kept, p)
	}
	site, more := newSite(kept, static, drafts, opts.KindFolders)
	diags = append(diags, more...)
	return site, diags, nil
}

// isIgnored reports whether a file or folder is left out of the site: hidden
// files and editors' temporaries.
func isIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp")
}

// readPage reads and parses one Markdown file. It returns a nil page when the
// file cannot be used at all.
func readPage(dir, rel, displayPath string) (*Page, diag.List) {
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		var pathErr *fs.PathError
		msg := err.Error()
		if errors.As(err, &pathErr) {
			msg = pathErr.Err.Error()
		}
		return nil, diag.List{diag.Errorf(displayPath, 0, 0, "cannot read file: %s", msg)}
	}
	return parsePage(rel, displayPath, src)
}

// parsePage builds a page from a file's bytes.
func parsePage(rel, displayPath string, src []byte) (*Page, diag.List) {
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
	fm, diags := parseFrontMatter(displayPath, block, format)
	diags = append(diags, p.applyFrontMatter(fm)...)
	p.Body, p.BodyLine = body, bodyLine
	if p.Title == "" {
		if t, ok := leadingHeading(body); ok {
			p.Title = t
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
	return humanize(name)
}

func humanize(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
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
			text = strings.TrimSpace(strings.TrimRight(text, "#"))
			return plainInline(text), text != ""
		}
		next := strings.TrimSpace(strings.TrimRight(string(rest[:firstLineLen(rest)]), "\r\n"))
		if next != "" && strings.Trim(next, "=") == "" {
			return plainInline(strings.TrimSpace(line)), true
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
