package kinds

import (
	"fmt"
	"strings"
	"testing"
)

// TestLayoutNeverOverlaps places 1 to 16 partners with labels of one to
// three lines, under a role whose own label takes one to three: no two
// boxes share any area, and every box lies inside the picture.
func TestLayoutNeverOverlaps(t *testing.T) {
	for n := 1; n <= 16; n++ {
		for lines := 1; lines <= maxLines; lines++ {
			for centre := 1; centre <= maxLines; centre++ {
				l := Layout(n, lines, centre)
				name := fmt.Sprintf("%d partners, %d-line labels, %d-line centre", n, lines, centre)
				if len(l.Partners) != n {
					t.Fatalf("%s: %d boxes placed", name, len(l.Partners))
				}
				boxes := append([]Box{l.Centre}, l.Partners...)
				for i, a := range boxes {
					if a.X-a.W/2 < 0 || a.X+a.W/2 > diagramWidth || a.Y-a.H/2 < 0 || a.Y+a.H/2 > l.Height {
						t.Errorf("%s: box %d %+v leaves the picture of %g × %g", name, i, a, diagramWidth, l.Height)
					}
					for j := i + 1; j < len(boxes); j++ {
						if a.Overlaps(boxes[j]) {
							t.Errorf("%s: box %d %+v overlaps box %d %+v", name, i, a, j, boxes[j])
						}
					}
				}
			}
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"Scrum Master", "Scrum Master"},
		{"Users and customers", "Users and|customers"},
		{"Head of Customer Success and Onboarding", "Head of Customer|Success and|Onboarding"},
		{"The very long name of a group of people nobody can remember at all", "The very long name|of a group of|people nobody can…"},
		{"Kundenzufriedenheitsmanagement", "Kundenzufriedenhe-|itsmanagement"},
	} {
		if got := strings.Join(wrap(c.in, labelChars), "|"); got != c.want {
			t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, line := range wrap(c.in, labelChars) {
			if n := len([]rune(line)); n > labelChars {
				t.Errorf("wrap(%q) has a line of %d characters, more than %d: %q", c.in, n, labelChars, line)
			}
		}
	}
}
