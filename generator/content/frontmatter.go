package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func parseYAML(file string, block []byte, fm *FrontMatter) diag.List {
	var doc yaml.Node
	if err := yaml.Unmarshal(block, &doc); err != nil {
		line, msg := 0, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			line++ // the opening fence
			msg = m[2]
			// For an unclosed flow collection the YAML library reports the
			// 0-based line where the collection opened: point at it.
			if strings.HasPrefix(msg, "did not find expected ',' or") {
				line++
			}
		}
		return diag.List{diag.Errorf(file, line, 0, "invalid YAML front matter: %s", msg)}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return diag.List{diag.Errorf(file, root.Line+1, root.Column, "front matter must be a mapping of `key: value` lines")}
	}
	var errs diag.List
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var val any
		if err := v.Decode(&val); err != nil {
			errs = append(errs, diag.Errorf(file, v.Line+1, v.Column, "invalid value for %q: %v", k.Value, err))
			continue
		}
		// A YAML timestamp decodes to time.Time; keep dates written as plain
		// strings as strings so that both forms go through one date parser.
		if v.Tag == "!!timestamp" {
			val = v.Value
		}
		fm.Values[k.Value] = val
		fm.Pos[k.Value] = Pos{Line: k.Line + 1, Col: k.Column}
	}
	return errs
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
