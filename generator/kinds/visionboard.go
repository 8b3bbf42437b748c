package kinds

import (
	"html/template"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
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
func (*visionBoards) Title() string  { return "Vision boards" }
func (*visionBoards) Description() string {
	return "Where each product is going, on one page."
}
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

// boardSkeleton fills in the vision board skeleton.
type boardSkeleton struct {
	Title, Product string
	// Top is the first section, written as prose across the top of the
	// board; Columns are the others, written as lists.
	Top     boardSection
	Columns []boardSection
}

// boardSection is one section of a board with its placeholder text.
type boardSection struct {
	Name, Text string
}

// Usage is `playbook new vision-board NAME`.
func (*visionBoards) Usage() playbook.Usage {
	return playbook.Usage{Args: []string{"NAME"}, Summary: "a Product Vision Board: {folder}/<slug>.md", Note: slugNote,
		Example: `playbook new vision-board "Route Planner"`}
}

// Skeleton writes a Product Vision Board for the product named. Its
// sections are the site's visionBoardSections, each with a sentence that
// says what belongs in it.
func (*visionBoards) Skeleton(req *playbook.SkeletonRequest) (playbook.Skeleton, error) {
	title, _ := slug.Name(req.Args[0])
	id, err := playbook.SkeletonID(title)
	if err != nil {
		return playbook.Skeleton{}, err
	}
	product := title
	if strings.Contains(strings.ToLower(title), "vision board") {
		product = "the product"
	} else {
		title += " Product Vision Board"
	}
	data := boardSkeleton{Title: title, Product: product}
	sections := req.Config.VisionBoardSections
	if len(sections) == 0 {
		sections = config.DefaultVisionBoardSections
	}
	for i, section := range sections {
		bs := boardSection{Name: section, Text: sectionText(section, playbook.MarkdownText(product), i == 0)}
		if i == 0 {
			data.Top = bs
		} else {
			data.Columns = append(data.Columns, bs)
		}
	}
	out, err := playbook.FillSkeleton(skeletons, "vision-board.md.tmpl", data)
	return playbook.Skeleton{ID: id, Data: out}, err
}

// sectionGuides is the placeholder text of the sections of a Product Vision
// Board; a site's own section names get a general one.
var sectionGuides = map[string]string{
	"vision":         "Say in one or two sentences what change %s should bring about for the people who use it. Write a purpose, not a list of features.",
	"target group":   "Name the users and customers %s serves, one group per item.",
	"needs":          "Name the problem %s solves or the benefit it gives, ideally one item per target group.",
	"product":        "Name what makes %s stand out and makes people want it, one feature or quality per item.",
	"business goals": "Name what the business wants %s to achieve, with a number and a date where possible.",
}

// sectionText is the placeholder of a board's section; top tells the
// section across the top, written as prose, from the columns, written as
// lists.
func sectionText(section, product string, top bool) string {
	if guide, ok := sectionGuides[strings.ToLower(strings.TrimSpace(section))]; ok {
		return strings.ReplaceAll(guide, "%s", product)
	}
	if top {
		return "Write the " + section + " of " + product + " here, in one or two sentences of prose."
	}
	return "Write the " + section + " of " + product + " here, one point per item."
}
