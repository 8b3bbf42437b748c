package markup

import "testing"

func TestFigures(t *testing.T) {
	r := New(Options{})
	for _, c := range []struct {
		name, src     string
		want, notWant []string
	}{
		{"titled image alone", `![The board](board.png "The board after <planning>")`,
			[]string{`<figure><img src="board.png" alt="The board"><figcaption>The board after &lt;planning&gt;</figcaption></figure>`},
			[]string{"<p><img", `title=`}},
		{"image without a title", `![The board](board.png)`,
			[]string{`<p><img src="board.png" alt="The board"></p>`}, []string{"<figure>"}},
		{"titled image among text", `See ![the board](board.png "Caption") here.`,
			[]string{`title="Caption"`}, []string{"<figure>"}},
		{"in a list item", "- ![Board](b.png \"In a list\")\n\n  More.",
			[]string{"<li>\n<figure><img src=\"b.png\" alt=\"Board\"><figcaption>In a list</figcaption></figure>\n<p>More.</p>"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			assertHTML(t, renderString(t, r, c.src).HTML, c.want, c.notWant)
		})
	}
}
