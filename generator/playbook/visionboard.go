package playbook

import (
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
)

// readBoard reads a Product Vision Board: one `##` section for each of the
// configured names, in any order; the board shows them in the configured one.
func (r *reader) readBoard(p *content.Page, parsed *markup.Parsed) (*Board, diag.List) {
	want := r.opts.VisionBoardSections
	expected := "expected sections: " + strings.Join(want, ", ")
	var diags diag.List
	intro, sections := splitSections(parsed)
	b := &Board{Page: p, Intro: renderHTML(r.md, parsed, intro...)}
	found := map[string]BoardSection{}
	for _, s := range sections {
		line := parsed.Line(s.Heading)
		name, ok := matchName(s.Name, want)
		if !ok {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, 1, "unknown vision board section %q (%s)", s.Name, expected))
			continue
		}
		if _, dup := found[name]; dup {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, 1, "vision board section %q appears twice: merge them", s.Name))
			continue
		}
		found[name] = BoardSection{Name: s.Name, ID: s.ID, HTML: renderHTML(r.md, parsed, s.Blocks...)}
	}
	var missing []string
	for _, name := range want {
		s, ok := found[name]
		if !ok {
			missing = append(missing, name)
			continue
		}
		b.Sections = append(b.Sections, s)
	}
	if len(missing) > 0 {
		diags = append(diags, diag.Errorf(p.DisplayPath, p.BodyLine+1, 1,
			"vision board lacks the section%s %s: add a `## %s` heading (%s)", plural(len(missing)), strings.Join(missing, ", "), missing[0], expected))
	}
	return b, diags
}

// matchName finds name among want, ignoring case and surrounding space.
func matchName(name string, want []string) (string, bool) {
	for _, w := range want {
		if strings.EqualFold(strings.TrimSpace(name), w) {
			return w, true
		}
	}
	return "", false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
