package kinds

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
)

// A role's collaboration diagram is inline SVG: no script, colours from CSS
// classes (so that the theme adapts them to dark mode and print), a labelled
// group rather than an image because it holds links. The layout is computed
// so that no two boxes can overlap, whatever the number of partners and the
// length of their names:
//
//   - up to six partners sit on an ellipse around the role, far enough from
//     it that a box never reaches the centre box;
//   - more sit in two columns, left and right of the role, each joined to it
//     by a bracket of lines, one row per partner: the diagram grows taller,
//     never denser.
//
// Labels wrap onto up to three lines of about labelChars characters, and
// every box of a diagram is as tall as its longest label needs. The
// viewBox is cut to the boxes, so a diagram of two partners is not a tall
// frame of white space. On a narrow screen the theme shows the partners as
// a list instead (see role.html), where the SVG's text would be too small.

// Diagram geometry, in SVG user units. The theme draws text at 13 units.
const (
	diagramWidth = 560.0
	boxWidth     = 150.0
	centreWidth  = 170.0
	lineHeight   = 16.0
	boxPadding   = 18.0 // a box's height beyond its lines
	labelChars   = 18   // characters per line, about 130 units at 13 units
	maxLines     = 3
	ringLimit    = 6    // partners drawn on a ring; more go in columns
	margin       = 4.0  // around the boxes, for the focus ring
	rowGap       = 12.0 // between rows of a column
)

// Box is one box of a diagram: its centre and size.
type Box struct {
	X, Y, W, H float64
}

// Overlaps reports whether two boxes share any area.
func (b Box) Overlaps(o Box) bool {
	return b.X-b.W/2 < o.X+o.W/2 && o.X-o.W/2 < b.X+b.W/2 &&
		b.Y-b.H/2 < o.Y+o.H/2 && o.Y-o.H/2 < b.Y+b.H/2
}

// DiagramLayout is where a diagram's boxes go: the role's box, one box per
// partner in order, the edges joining them and the height of the picture.
type DiagramLayout struct {
	Centre   Box
	Partners []Box
	Edges    [][4]float64 // x1, y1, x2, y2
	Height   float64
}

// Layout places a role with n partners whose labels need lines lines each
// (the longest label's count, 1 to 3), and the role's own label centreLines.
func Layout(n, lines, centreLines int) DiagramLayout {
	h := boxPadding + lineHeight*float64(lines)
	ch := boxPadding + lineHeight*float64(centreLines) + 4
	l := DiagramLayout{Centre: Box{X: diagramWidth / 2, W: centreWidth, H: ch}}
	if n <= ringLimit {
		l.ring(n, h)
	} else {
		l.columns(n, h)
	}
	// Cut the picture to its boxes, keeping a margin for the focus ring.
	top, bottom := l.Centre.Y-l.Centre.H/2, l.Centre.Y+l.Centre.H/2
	for _, b := range l.Partners {
		top, bottom = math.Min(top, b.Y-b.H/2), math.Max(bottom, b.Y+b.H/2)
	}
	shift := margin - top
	l.Centre.Y += shift
	for i := range l.Partners {
		l.Partners[i].Y += shift
	}
	for i := range l.Edges {
		l.Edges[i][1] += shift
		l.Edges[i][3] += shift
	}
	l.Height = bottom - top + 2*margin
	return l
}

// ring puts up to ringLimit partners on an ellipse around the centre: one
// or two beside it, more from the top clockwise. The vertical radius keeps
// a box on a slanted spoke clear of the centre box; the horizontal one
// keeps every box inside the picture.
func (l *DiagramLayout) ring(n int, h float64) {
	rx := diagramWidth/2 - boxWidth/2 - margin
	ry := math.Max(h+l.Centre.H+2*rowGap, 110)
	start := -math.Pi / 2
	if n <= 2 {
		start = 0
	}
	for i := 0; i < n; i++ {
		a := start + 2*math.Pi*float64(i)/float64(n)
		b := Box{X: l.Centre.X + rx*math.Cos(a), Y: ry * math.Sin(a), W: boxWidth, H: h}
		if math.Abs(b.Y) < 1e-9 {
			b.Y = 0 // -0 would print as "-0.0"
		}
		l.Partners = append(l.Partners, b)
		l.Edges = append(l.Edges, [4]float64{l.Centre.X, 0, b.X, b.Y})
	}
}

// columns puts the first half of the partners in a column left of the
// centre and the rest right of it, each row joined to a vertical line
// beside the centre, which a short line joins to it.
func (l *DiagramLayout) columns(n int, h float64) {
	left := (n + 1) / 2
	leftX := margin + boxWidth/2
	rightX := diagramWidth - margin - boxWidth/2
	spines := [2]float64{
		(leftX + boxWidth/2 + l.Centre.X - centreWidth/2) / 2,
		(rightX - boxWidth/2 + l.Centre.X + centreWidth/2) / 2,
	}
	for side, count := range [2]int{left, n - left} {
		x, edgeX, centreEdge := leftX, leftX+boxWidth/2, l.Centre.X-centreWidth/2
		if side == 1 {
			x, edgeX, centreEdge = rightX, rightX-boxWidth/2, l.Centre.X+centreWidth/2
		}
		top := -(float64(count)*(h+rowGap)-rowGap)/2 + h/2 // the column's middle at the centre's
		spine := spines[side]
		for i := 0; i < count; i++ {
			y := top + float64(i)*(h+rowGap)
			l.Partners = append(l.Partners, Box{X: x, Y: y, W: boxWidth, H: h})
			l.Edges = append(l.Edges, [4]float64{spine, y, edgeX, y})
		}
		if count > 0 {
			first, last := top, top+float64(count-1)*(h+rowGap)
			l.Edges = append(l.Edges,
				[4]float64{spine, math.Min(first, 0), spine, math.Max(last, 0)},
				[4]float64{centreEdge, 0, spine, 0})
		}
	}
}

// Diagram draws a role's collaboration diagram, "" when it works with
// nobody: a lone box says nothing. url maps a role to its page URL.
func Diagram(r *Role, url func(*Role) string) template.HTML {
	if len(r.WorksWith) == 0 {
		return ""
	}
	labels := make([][]string, len(r.WorksWith))
	lines := 1
	names := make([]string, len(r.WorksWith))
	for i, w := range r.WorksWith {
		labels[i] = wrap(w.Name, labelChars)
		lines = max(lines, len(labels[i]))
		names[i] = w.Name
	}
	centre := wrap(r.Page.Title, labelChars)
	l := Layout(len(r.WorksWith), lines, len(centre))

	var b strings.Builder
	titleID := diagramID(r)
	works := "works"
	if r.Plural {
		works = "work"
	}
	summary := fmt.Sprintf("%s %s with %s.", r.Page.Title, works, joinNames(names))
	fmt.Fprintf(&b, `<svg class="collab-diagram" viewBox="0 0 %g %s" role="group" aria-labelledby="%s">`, diagramWidth, num(l.Height), html.EscapeString(titleID))
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, html.EscapeString(titleID), html.EscapeString(summary))
	for _, e := range l.Edges {
		fmt.Fprintf(&b, `<line class="collab-edge" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(e[0]), num(e[1]), num(e[2]), num(e[3]))
	}
	for i, w := range r.WorksWith {
		if w.Role != nil {
			fmt.Fprintf(&b, `<a href="%s" class="collab-link">%s</a>`, html.EscapeString(url(w.Role)), node(l.Partners[i], labels[i], "collab-node"))
		} else {
			b.WriteString(node(l.Partners[i], labels[i], "collab-node collab-group"))
		}
	}
	b.WriteString(node(l.Centre, centre, "collab-node collab-centre"))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// diagramID is the id of a role's diagram title: the one place the
// diagram's ids are made. The page has one diagram, so idSafe's hyphens
// cannot make two ids collide.
func diagramID(r *Role) string { return "diagram-" + idSafe(r.ID) }

// node draws a rounded box with its label's lines centred in it.
func node(box Box, lines []string, class string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<g class="%s"><rect x="%s" y="%s" width="%g" height="%g" rx="8"/>`, class, num(box.X-box.W/2), num(box.Y-box.H/2), box.W, box.H)
	// The first baseline sits so that the block of lines is centred; 4.5
	// is about half the height of a capital at 13 units.
	first := box.Y - float64(len(lines)-1)*lineHeight/2 + 4.5
	for i, line := range lines {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, num(box.X), num(first+float64(i)*lineHeight), html.EscapeString(line))
	}
	b.WriteString(`</g>`)
	return b.String()
}

// num writes a coordinate with one decimal at most.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// wrap splits a label into at most maxLines lines of about width
// characters, breaking between words (a word longer than a line is cut); a
// label longer than that is shortened with an ellipsis.
func wrap(label string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(label) {
		for len([]rune(w)) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(w)
			lines = append(lines, string(r[:width-1])+"-")
			w = string(r[width-1:])
		}
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) > width:
			lines = append(lines, cur)
			cur = w
		default:
			cur += " " + w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		last := []rune(strings.Join(lines[maxLines-1:], " "))
		if len(last) > width-1 {
			last = append(last[:width-1], '…')
		} else {
			last = append(last, '…')
		}
		lines = append(lines[:maxLines-1], string(last))
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}
