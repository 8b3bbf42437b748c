package kinds

import (
	"html/template"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
)

// Product Vision Boards: one `##` section for each of the configured names
// (Vision, Target Group, Needs, Product, Business Goals by default), in any
// order; the board shows them in the configured one, the first across the
// top and the others in columns below.

const kindVisionBoard = "vision-board"

type visionBoards struct{}

// Board is a Product Vision Board.
type Board struct {
	Page     *content.Page
	Intro    template.HTML
	Sections []BoardSection // in the configured order
}

// BoardSection is one section of a vision board.
type BoardSection struct {
	Name string
	ID   string
	HTML template.HTML
}

// BoardView is a vision board's layout data: the first section goes across
// the top, the others in columns below.
type BoardView struct {
	Intro   template.HTML
	Top     BoardSection
	Columns []BoardSection
}

func (*visionBoards) Name() string   { return kindVisionBoard }
func (*visionBoards) Folder() string { return "vision-boards" }
func (*visionBoards) Title() string  { return "Vision Boards" }
func (*visionBoards) Keys() []string { return nil }

// Read reads a board's sections and names the missing and unknown ones.
func (*visionBoards) Read(r *playbook.Reader, p *content.Page, parsed *markup.Parsed) (playbook.Model, diag.List) {
	want := r.Config.VisionBoardSections
	if len(want) == 0 {
		want = config.DefaultVisionBoardSections
	}
	expected := "expected sections: " + strings.Join(want, ", ")
	var diags diag.List
	intro, sections := playbook.SplitSections(parsed)
	b := &Board{Page: p, Intro: r.RenderHTML(parsed, intro...)}
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
		found[name] = BoardSection{Name: s.Name, ID: s.ID, HTML: r.RenderHTML(parsed, s.Blocks...)}
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

// View is the board: its first section on top, the others in columns.
func (b *Board) View(*playbook.Env) any {
	if len(b.Sections) == 0 {
		return nil
	}
	return &BoardView{Intro: b.Intro, Top: b.Sections[0], Columns: b.Sections[1:]}
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
