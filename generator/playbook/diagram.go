package playbook

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/slug"
)

// The SVG is a labelled group, not an image, because it holds links.
//
// Diagram draws a role's collaboration diagram as inline SVG: the role in the
// centre, the roles and groups it works with on a circle around it, each
// known role a link. It needs no script; colours come from CSS classes so
// that the theme can adapt them to dark mode and print.
//
// url maps a role to its page URL.
func Diagram(r *Role, url func(*Role) string) template.HTML {
	const (
		width, height = 560.0, 360.0
		cx, cy        = width / 2, height / 2
		rx, ry        = 200.0, 130.0 // the ellipse the partners sit on
		boxW, boxH    = 150.0, 46.0
	)
	var b strings.Builder
	// The SVG is written by hand, not by html/template: every value in it
	// goes through esc (text and attributes) or diagramID (ids), never in
	// raw, since role ids are file names and labels are titles.
	titleID := diagramID(r.ID)
	names := make([]string, len(r.WorksWith))
	for i, w := range r.WorksWith {
		names[i] = w.Name
	}
	summary := fmt.Sprintf("%s works with %s.", r.Page.Title, joinNames(names))
	fmt.Fprintf(&b, `<svg class="collab-diagram" viewBox="0 0 %g %g" role="group" aria-labelledby="%s">`, width, height, titleID)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, titleID, esc(summary))

	n := len(r.WorksWith)
	type point struct{ x, y float64 }
	pos := make([]point, n)
	for i := range r.WorksWith {
		// Start at the top and go clockwise, so that the layout is stable.
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(max(n, 1))
		pos[i] = point{cx + rx*math.Cos(angle), cy + ry*math.Sin(angle)}
	}
	for _, p := range pos {
		fmt.Fprintf(&b, `<line class="collab-edge" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, cx, cy, p.x, p.y)
	}
	for i, w := range r.WorksWith {
		p := pos[i]
		box := node(p.x, p.y, boxW, boxH, w.Name, "collab-node")
		if w.Role != nil {
			fmt.Fprintf(&b, `<a href="%s" class="collab-link">%s</a>`, esc(url(w.Role)), box)
		} else {
			b.WriteString(node(p.x, p.y, boxW, boxH, w.Name, "collab-node collab-group"))
		}
	}
	b.WriteString(node(cx, cy, boxW+20, boxH+8, r.Page.Title, "collab-node collab-centre"))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// diagramID is the id of a role's diagram title: a slug of the role id, so
// that it holds only letters, digits and hyphens.
func diagramID(roleID string) string {
	if s := slug.Make(roleID); s != "" {
		return "diagram-" + s
	}
	return "diagram"
}

// esc escapes text and attribute values of the SVG.
func esc(s string) string { return html.EscapeString(s) }

// node draws a rounded box centred on x, y with a label of up to two lines.
func node(x, y, w, h float64, label, class string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<g class="%s"><rect x="%.1f" y="%.1f" width="%g" height="%g" rx="8"/>`, class, x-w/2, y-h/2, w, h)
	lines := wrap(label, 20)
	start := y - float64(len(lines)-1)*8 + 5
	for i, l := range lines {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x, start+float64(i)*16, esc(l))
	}
	b.WriteString(`</g>`)
	return b.String()
}

// wrap splits a label into at most two lines of about width characters;
// a longer label is shortened with an ellipsis.
func wrap(label string, width int) []string {
	words := strings.Fields(label)
	var lines []string
	cur := ""
	for _, w := range words {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > 2 {
		lines = append(lines[:1], strings.Join(lines[1:], " "))
		if r := []rune(lines[1]); len(r) > width {
			lines[1] = string(r[:width-1]) + "…"
		}
	}
	return lines
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return "nobody yet"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
