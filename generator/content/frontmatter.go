package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	goyaml "github.com/goccy/go-yaml"
	yamlast "github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Pos is a 1-based line and column in a content file.
type Pos struct{ Line, Col int }

// FrontMatter is the metadata block at the top of a page, decoded into plain
// Go values (string, int, float64, bool, time.Time, []any, map[string]any),
// with the position of each top-level key so that errors about a value can
// point at it.
type FrontMatter struct {
	Format string // "yaml", "toml" or "" when the page has none
	Values map[string]any
	Pos    map[string]Pos
}

// splitFrontMatter separates the front matter block from the body. It returns
// the block's text (without fences), the body, the number of file lines before
// the body, and the format. A missing closing fence is an error at the
// opening fence.
func splitFrontMatter(src []byte) (block, body []byte, bodyLine int, format string, err error) {
	var fence string
	switch {
	case hasFenceLine(src, "---"):
		fence, format = "---", "yaml"
	case hasFenceLine(src, "+++"):
		fence, format = "+++", "toml"
	default:
		return nil, src, 0, "", nil
	}
	rest := src[firstLineLen(src):]
	lines := 1
	for off := 0; off < len(rest); {
		n := firstLineLen(rest[off:])
		line := bytes.TrimRight(rest[off:off+n], "\r\n")
		lines++
		if string(bytes.TrimRight(line, " \t")) == fence {
			return rest[:off], rest[off+n:], lines, format, nil
		}
		off += n
	}
	return nil, nil, 0, format, fmt.Errorf("front matter opened with %q is never closed: add a line %q after the last field", fence, fence)
}

// hasFenceLine reports whether src starts with the fence alone on its line.
func hasFenceLine(src []byte, fence string) bool {
	line := bytes.TrimRight(src[:firstLineLen(src)], "\r\n")
	return string(bytes.TrimRight(line, " \t")) == fence
}

// firstLineLen is the length of the first line of b including its newline.
func firstLineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}

// parseFrontMatter decodes a front matter block. Positions are file
// positions: the block starts on line 2, after the opening fence.
func parseFrontMatter(file string, block []byte, format string) (*FrontMatter, diag.List) {
	fm := &FrontMatter{Format: format, Values: map[string]any{}, Pos: map[string]Pos{}}
	if len(bytes.TrimSpace(block)) == 0 {
		return fm, nil
	}
	switch format {
	case "yaml":
		return fm, parseYAML(file, block, fm)
	case "toml":
		return fm, parseTOML(file, block, fm)
	}
	return fm, nil
}

// parseYAML decodes a YAML block with github.com/goccy/go-yaml, which, unlike
// go.yaml.in/yaml/v3, tells the line and column of a syntax error (an
// unclosed quote is reported where it opens, not lines later), and keeps
// the position of every key. A key whose value is null (`description:` or
// `description: null`) is absent, as the tools teams migrate from read it.
func parseYAML(file string, block []byte, fm *FrontMatter) diag.List {
	f, err := yamlparser.ParseBytes(block, 0)
	if err != nil {
		line, col, msg := yamlError(err)
		if line > 0 {
			line++ // the opening fence
		}
		return diag.List{diag.Errorf(file, line, col, "invalid YAML front matter: %s", msg)}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil
	}
	body := f.Docs[0].Body
	mapping, ok := yamlMapping(body)
	if !ok {
		pos := body.GetToken().Position
		return diag.List{diag.Errorf(file, pos.Line+1, pos.Column, "front matter must be a mapping of `key: value` lines")}
	}
	var errs diag.List
	for _, kv := range mapping {
		key := kv.Key.String()
		kpos := kv.Key.GetToken().Position
		if kv.Value == nil || kv.Value.Type() == yamlast.NullType {
			continue
		}
		// Each value is decoded on its own, so an alias (*name) cannot
		// reach another key's value: no alias bomb can expand.
		var val any
		if err := goyaml.NodeToValue(kv.Value, &val); err != nil {
			vpos := kv.Value.GetToken().Position
			msg, _, _ := strings.Cut(err.Error(), "\n")
			if strings.Contains(msg, "could not find alias") {
				msg = "a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out"
			}
			errs = append(errs, diag.Errorf(file, vpos.Line+1, vpos.Column, "invalid value for %q: %s", key, msg))
			continue
		}
		fm.Values[key] = val
		fm.Pos[key] = Pos{Line: kpos.Line + 1, Col: kpos.Column}
	}
	return errs
}

// yamlMapping returns the key-value pairs of a YAML mapping node.
func yamlMapping(n yamlast.Node) ([]*yamlast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *yamlast.MappingNode:
		return m.Values, true
	case *yamlast.MappingValueNode:
		return []*yamlast.MappingValueNode{m}, true
	}
	return nil, false
}

// yamlError returns the position of a YAML error and a message that says
// what to do about it.
func yamlError(err error) (line, col int, msg string) {
	var se *goyaml.SyntaxError
	if !errors.As(err, &se) || se.Token == nil {
		return 0, 0, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	line, col = se.Token.Position.Line, se.Token.Position.Column
	return line, col, yamlAdvice(se.Message)
}

// dupKeyRE reads the YAML library's message for a repeated key, whose
// position is within the block.
var dupKeyRE = regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):\d+\]`)

// yamlAdvice adds to the YAML library's message what the author can do.
func yamlAdvice(msg string) string {
	switch {
	case strings.Contains(msg, "end character of double-quoted text"):
		return `a "quoted" value is never closed: end it with " on the same line`
	case strings.Contains(msg, "end character of single-quoted text"):
		return `a 'quoted' value is never closed: end it with ' on the same line`
	case dupKeyRE.MatchString(msg):
		m := dupKeyRE.FindStringSubmatch(msg)
		first, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("key %q appears twice (first on line %d): keep one of the two", m[1], first+1)
	case strings.Contains(msg, "']' must be specified") || strings.Contains(msg, "']' not found"):
		return "a [list] is not closed: end it with ] (or write one `- item` per line)"
	case strings.Contains(msg, "'}' must be specified") || strings.Contains(msg, "'}' not found"):
		return "a {mapping} is not closed: end it with }"
	case strings.Contains(msg, "'\\t'") || strings.Contains(msg, "'\t'"):
		return "a tab indents this line: YAML is indented with spaces"
	case strings.Contains(msg, "mapping value is not allowed"):
		return `a value holds ": " or the line is indented too far: put the value in quotes, or indent it like the keys above`
	case strings.Contains(msg, "map key-value is pre-defined"):
		return `text follows a quoted value: put the whole value in quotes (inside '…', write '' for ')`
	case strings.Contains(msg, "reserved character"):
		return msg + ": put the value in quotes"
	}
	return msg + " (front matter is `key: value` lines)"
}

func parseTOML(file string, block []byte, fm *FrontMatter) diag.List {
	var values map[string]any
	if _, err := toml.Decode(string(block), &values); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return diag.List{diag.Errorf(file, perr.Position.Line+1, perr.Position.Col, "invalid TOML front matter: %s", perr.Message)}
		}
		return diag.List{diag.Errorf(file, 0, 0, "invalid TOML front matter: %v", err)}
	}
	fm.Values = values
	// The TOML decoder does not report key positions: find each top-level
	// key's line by scanning, which is exact for the `key = value` form.
	for i, line := range strings.Split(string(block), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trimmed, "[") {
			break // a table starts: later keys are not top-level
		}
		key, _, ok := strings.Cut(trimmed, "=")
		if !ok {
			continue
		}
		key = strings.Trim(strings.TrimSpace(key), `"'`)
		if _, known := values[key]; known {
			if _, seen := fm.Pos[key]; !seen {
				fm.Pos[key] = Pos{Line: i + 2, Col: len(line) - len(trimmed) + 1}
			}
		}
	}
	return nil
}
