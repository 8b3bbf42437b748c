package scaffold

import (
	"strings"

	"github.com/playbookhq/playbook/generator/config"
)

// boardData fills in the vision board skeleton.
type boardData struct {
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

// sectionGuides is the placeholder text of the sections of a Product Vision
// Board; a site's own section names get a general one.
var sectionGuides = map[string]string{
	"vision":         "Say in one or two sentences what change %s should bring about for the people who use it. Write a purpose, not a list of features.",
	"target group":   "Name the users and customers %s serves, one group per item.",
	"needs":          "Name the problem %s solves or the benefit it gives, ideally one item per target group.",
	"product":        "Name what makes %s stand out and makes people want it, one feature or quality per item.",
	"business goals": "Name what the business wants %s to achieve, with a number and a date where possible.",
}

// VisionBoard writes a Product Vision Board for the product name and returns
// its path. Its sections are the site's visionBoardSections, each with a
// sentence that says what belongs in it.
func (s *Site) VisionBoard(name string) (string, error) {
	title, _ := parseName(name)
	id, err := slugOf(title)
	if err != nil {
		return "", err
	}
	product := title
	if strings.Contains(strings.ToLower(title), "vision board") {
		product = "the product"
	} else {
		title += " Product Vision Board"
	}
	data := boardData{Title: title, Product: product}
	for i, section := range s.cfg.VisionBoardSections {
		bs := boardSection{Name: section, Text: sectionText(section, markdownText(product), i == 0)}
		if i == 0 {
			data.Top = bs
		} else {
			data.Columns = append(data.Columns, bs)
		}
	}
	out, err := render("vision-board.md", data)
	if err != nil {
		return "", err
	}
	return s.create(config.KindVisionBoard, id, out)
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
