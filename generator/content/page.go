package content

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
)

// Page is one Markdown file of the site with its metadata. Its body is kept
// as Markdown: rendering is the build's job.
type Page struct {
	// File is the path relative to the content folder, slash-separated
	// ("roles/product-owner.md").
	File string
	// DisplayPath is the path shown to authors in messages.
	DisplayPath string
	// Section is the folder holding the page, "" for the content root. For a
	// section's own page it is that section's folder.
	Section string
	// IsSection is true for a folder's own page (_index.md, index.md, README.md).
	IsSection bool
	// Generated is true for the page made for a folder that has no index file.
	Generated bool

	Title       string
	Description string
	Weight      int
	Date        time.Time // zero when the page has no date
	Lastmod     time.Time // last edit, zero when unknown
	Draft       bool
	Slug        string
	Tags        []string
	Aliases     []string
	Type        string
	// Hidden leaves the page out of the navigation and section listings;
	// it is still built and can be linked to.
	Hidden bool
	// Params holds every front matter value, the known fields included, for
	// templates and the content model.
	Params      map[string]any
	FrontMatter *FrontMatter

	// Body is the Markdown after the front matter; BodyLine is the number of
	// file lines before it.
	Body     []byte
	BodyLine int

	kind        string
	sectionKind string
	// titleFromBody is true when the title is the body's leading h1.
	titleFromBody bool
	// duplicateOf is, for X.md beside a folder X/ that has an index page of
	// its own, that index page: X.md is left out of the site.
	duplicateOf *Page

	// URL is the page's path on the site without the base path, with a
	// trailing slash ("/roles/product-owner/").
	URL string
	// OutFile is the output file, relative to the output folder
	// ("roles/product-owner/index.html").
	OutFile string
}

// TitleFromBody reports whether the page's title is the level-1 heading that
// opens its body (the page has no title in its front matter). That heading
// is then rendered as the page's title, not as part of its body.
func (p *Page) TitleFromBody() bool { return p.titleFromBody }

// Kinds of pages that are not typed content.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Kind returns the page's content kind: its front matter type, else the kind
// its top-level folder stands for (see Options.KindFolders), else "page".
// A folder's own page is "home" for the root and "section" elsewhere, unless
// typed; SectionKind then tells the kind of the folder's pages.
func (p *Page) Kind() string { return p.kind }

// SectionKind returns, for a section page, the kind its folder stands for
// ("" when the folder holds ordinary pages).
func (p *Page) SectionKind() string { return p.sectionKind }

// setKind decides the page's kind from its type and folder.
func (p *Page) setKind(folderKinds map[string]string) {
	top, _, _ := strings.Cut(p.Section, "/")
	folderKind := folderKinds[top]
	switch {
	case p.IsSection:
		p.sectionKind = folderKind
		p.kind = KindSection
		if p.Section == "" {
			p.kind = KindHome
		}
		if p.Type != "" {
			p.kind = p.Type
		}
	case p.Type != "":
		p.kind = p.Type
	case folderKind != "":
		p.kind = folderKind
	default:
		p.kind = KindPage
	}
}

// applyFrontMatter fills the page's known fields from its front matter,
// reporting values of the wrong type at their position.
func (p *Page) applyFrontMatter(fm *FrontMatter) diag.List {
	p.FrontMatter = fm
	p.Params = fm.Values
	translateToolKeys(fm)
	var errs diag.List
	bad := func(key, want string) {
		pos := fm.Pos[key]
		errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "front matter %q must be %s, not %s", key, want, describe(fm.Values[key])))
	}
	keys := make([]string, 0, len(fm.Values))
	for k := range fm.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		v := fm.Values[key]
		var ok bool
		switch key {
		case "title":
			p.Title, ok = v.(string)
			p.Title = strings.TrimSpace(p.Title)
			if !ok {
				bad(key, "a string")
			}
		case "description":
			if p.Description, ok = v.(string); !ok {
				bad(key, "a string")
			}
		case "slug":
			if p.Slug, ok = v.(string); !ok {
				bad(key, "a string")
			} else if strings.HasPrefix(p.Slug, "/") {
				// A Docusaurus slug is a whole path.
				value := p.Slug
				p.Slug = ""
				errs = append(errs, p.applyPermalink(key, value, fm.Pos[key])...)
			} else if msg := badSegment(p.Slug); msg != "" {
				pos := fm.Pos[key]
				errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "slug %q %s: write it like \"product-owner\"", p.Slug, msg))
				p.Slug = ""
			}
		case "type":
			if p.Type, ok = v.(string); !ok {
				bad(key, "a string")
			}
		case "weight":
			if text, isText := v.(string); isText && wholeNumber.MatchString(text) {
				// A number too big for the YAML decoder reaches us as text.
				pos := fm.Pos[key]
				errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "front matter %q must be a whole number from %d to %d, not %s", key, -maxWeight, maxWeight, text))
			} else if p.Weight, ok = toInt(v); !ok {
				bad(key, "a whole number")
			} else if p.Weight < -maxWeight || p.Weight > maxWeight || !inWeightRange(v) {
				pos := fm.Pos[key]
				errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "front matter %q must be a whole number from %d to %d, not %v", key, -maxWeight, maxWeight, v))
				p.Weight = 0
			}
		case "draft":
			if p.Draft, ok = v.(bool); !ok {
				bad(key, "true or false")
			}
		case "hidden":
			if p.Hidden, ok = v.(bool); !ok {
				bad(key, "true or false")
			}
		case "tags":
			if p.Tags, ok = toStrings(v); !ok {
				bad(key, "a list of strings")
			}
			var bads diag.List
			p.Tags, bads = checkTags(p.Tags, p.DisplayPath, fm.Pos[key])
			errs = append(errs, bads...)
		case "aliases":
			var list []string
			if list, ok = toStrings(v); !ok {
				bad(key, "a list of URL paths")
			}
			p.Aliases = append(p.Aliases, list...)
		case "permalink", "url":
			s, isString := v.(string)
			if !isString {
				continue // an Eleventy permalink may be false or a template: nothing to read
			}
			errs = append(errs, p.applyPermalink(key, s, fm.Pos[key])...)
		case "date":
			d, err := toDate(v)
			if err != nil {
				pos := fm.Pos[key]
				errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "front matter \"date\" %s", err))
				continue
			}
			p.Date = d
		case "lastmod":
			d, err := toDate(v)
			if err != nil {
				pos := fm.Pos[key]
				errs = append(errs, diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "front matter \"lastmod\" %s", err))
				continue
			}
			p.Lastmod = d
		}
	}
	return errs
}

// maxWeight bounds a page's weight, so that any weight sorts as written:
// math.MaxInt is what an unweighted page sorts as, and a float such as 1e29
// or inf has no int to convert to.
const maxWeight = 1_000_000_000

// inWeightRange reports whether a decoded weight lies within ±maxWeight
// before any conversion to int, which wraps big values round.
func inWeightRange(v any) bool {
	switch n := v.(type) {
	case float64:
		return n >= -maxWeight && n <= maxWeight
	case uint64:
		return n <= maxWeight
	case int64:
		return n >= -maxWeight && n <= maxWeight
	}
	return true
}

// checkTags returns the tags that can name a tag page, each once by its
// slug (two spellings of one slug are one tag, as first written), and an
// error at pos for every other.
func checkTags(tags []string, file string, pos Pos) ([]string, diag.List) {
	var errs diag.List
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		msg := ""
		switch s := slug.Make(t); {
		case strings.IndexFunc(t, unicode.IsControl) >= 0:
			msg = "holds a control character (a tab or a line break): remove it"
		case s == "":
			msg = "has no letter or digit to make its address from: use a word"
		case !seen[s]:
			seen[s] = true
			out = append(out, strings.TrimSpace(t))
		}
		if msg != "" {
			errs = append(errs, diag.Errorf(file, pos.Line, pos.Col, "tag %q %s", t, msg))
		}
	}
	return out, errs
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	case nil:
		return "empty"
	default:
		return fmt.Sprintf("%v", v)
	}
}

// wholeNumber is a whole number written out, of any size.
var wholeNumber = regexp.MustCompile(`^[-+]?[0-9]+$`)

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint64:
		return int(n), n <= math.MaxInt
	case float64:
		return int(n), n == math.Trunc(n)
	}
	return 0, false
}

func toStrings(v any) ([]string, bool) {
	switch list := v.(type) {
	case []any:
		out := make([]string, 0, len(list))
		for _, item := range list {
			s, ok := item.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case []string:
		return list, true
	case string:
		return []string{list}, true
	}
	return nil, false
}

// dateLayouts are the date forms accepted in front matter.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 -0700", // Jekyll
	"2006-01-02 15:04",
	"2006-01-02 15:04 -0700",
	"2006-01-02",
}

func toDate(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		return d, nil
	case string:
		s := strings.TrimSpace(d)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14", d)
	case fmt.Stringer: // TOML local dates and times
		return toDate(d.String())
	}
	return time.Time{}, fmt.Errorf("must be a date written as YYYY-MM-DD, not %s", describe(v))
}

// clone returns a copy of the page for one build, so that what a build sets
// (URL, kind) never leaks into the loader's cache. Slices and maps are
// shared: builds only read them.
func (p *Page) clone() *Page {
	c := *p
	return &c
}

// badSegment says what keeps s from being one segment of a URL and of an
// output path, "" when nothing does.
func badSegment(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "is empty"
	case s == "." || s == "..":
		return "would name a folder above the page, not a page"
	case strings.ContainsAny(s, "/\\\x00"):
		return `must be one part of a URL: it cannot contain "/", "\\" or a NUL character`
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return "holds a control character (a tab or a line break)"
	case strings.ContainsAny(s, "?#"):
		return `cannot contain "?" or "#", which end the path of a URL`
	}
	return ""
}
