package playbook

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/slug"
)

// Scaffolder is a kind that `playbook new <name>` writes a documented
// skeleton of: a page that follows the kind's conventions, builds without
// an error or a warning as written, and says in its placeholder prose what
// belongs where.
type Scaffolder interface {
	// Usage says how `playbook new` is called for the kind.
	Usage() Usage
	// Skeleton makes a new page from the command's arguments.
	Skeleton(req *SkeletonRequest) (Skeleton, error)
}

// Usage describes `playbook new <kind>`.
type Usage struct {
	// Args are the positional arguments by name ("NAME"; "FROM", "OF").
	Args []string
	// Summary is one line for the list of kinds; "{folder}" stands for
	// the kind's folder as configured.
	Summary string
	Example string
	// Note says how the arguments are read.
	Note string
}

// SkeletonRequest is what a skeleton is made from.
type SkeletonRequest struct {
	Args   []string
	Config config.Config
	// Today is the date of the command's clock, as front matter writes it.
	Today string
	// Pages returns the site's pages of a kind, drafts included, for a
	// skeleton that refers to other pages (the roles of a table).
	Pages func(kind string) ([]*content.Page, error)
	// Prefill holds values a starter site gives instead of placeholders,
	// by the front matter key they fill ("summary", "works_with"); a kind
	// documents the keys it reads.
	Prefill map[string]any
}

// Skeleton is a new page of a kind.
type Skeleton struct {
	// ID is its file name in the kind's folder, without ".md".
	ID   string
	Data []byte
}

// StringPrefill returns a prefilled string, or def.
func (r *SkeletonRequest) StringPrefill(key, def string) string {
	if v, ok := r.Prefill[key].(string); ok {
		return v
	}
	return def
}

// ListPrefill returns a prefilled list of strings, or nil.
func (r *SkeletonRequest) ListPrefill(key string) []string {
	v, _ := r.Prefill[key].([]string)
	return v
}

// ParseSkeletons parses the skeleton templates of fsys matched by pattern,
// with the functions skeletons write values with: yaml (a YAML scalar),
// yamlList (a YAML flow list) and md (text escaped for Markdown prose).
func ParseSkeletons(fsys fs.FS, pattern string) *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"yaml":     yamlScalar,
		"yamlList": yamlList,
		"md":       MarkdownText,
	}).ParseFS(fsys, pattern))
}

// FillSkeleton executes the skeleton template name with data.
func FillSkeleton(t *template.Template, name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("filling in the %s skeleton: %w", strings.TrimSuffix(name, ".tmpl"), err)
	}
	return b.Bytes(), nil
}

// SkeletonID returns the file name a title gives a page, or an error
// saying why it gives none.
func SkeletonID(title string) (string, error) {
	if id := slug.Make(title); id != "" {
		return id, nil
	}
	return "", fmt.Errorf("%q has no letters or digits to make a file name from", title)
}

// yamlScalar writes s as a YAML value: plain when that reads back as the
// same string, quoted otherwise ("yes", "a: b", "123").
func yamlScalar(s string) (string, error) {
	b, err := yaml.Marshal(s)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(b), "\n"), nil
}

// yamlList writes items as a YAML flow list: [a, b] or []. Items other than
// ids are double-quoted, because commas and brackets end a plain item in a
// flow list; Go's escapes are also YAML's.
func yamlList(items []string) string {
	quoted := make([]string, len(items))
	for i, it := range items {
		if slug.IsID(it) {
			quoted[i] = it
		} else {
			quoted[i] = strconv.Quote(it)
		}
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// MarkdownText escapes the characters that would turn a title into
// Markdown formatting, a link or raw HTML when it is written into prose.
func MarkdownText(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
)

// FolderOf is the top-level folder of a kind's pages: the config's, else
// the kind's own default.
func FolderOf(cfg config.Config, k Kind) string {
	if f := cfg.Kinds[k.Name()]; f != "" {
		return f
	}
	return k.Folder()
}
