package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"
)

// The skeletons are text templates so that each reads as the page it
// writes; they are parsed once and only executed afterwards.
//
//go:embed skeletons/*.tmpl
var skeletonFiles embed.FS

var skeletons = template.Must(template.New("").Funcs(template.FuncMap{
	"yaml":     yamlScalar,
	"yamlList": yamlList,
	"md":       markdownText,
}).ParseFS(skeletonFiles, "skeletons/*.tmpl"))

// render executes the skeleton named name (a file in skeletons/ without
// .tmpl) with data.
func render(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := skeletons.ExecuteTemplate(&b, name+".tmpl", data); err != nil {
		return nil, fmt.Errorf("filling in the %s skeleton: %w", name, err)
	}
	return b.Bytes(), nil
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
		if idPattern.MatchString(it) {
			quoted[i] = it
		} else {
			quoted[i] = strconv.Quote(it)
		}
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// markdownText escapes the characters that would turn a title into
// Markdown formatting, a link or raw HTML when it is written into prose.
func markdownText(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
)
