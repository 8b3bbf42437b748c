package markup

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	src := "# The Title\n\nSome \"quoted\" text -- and more... it's fine.\n\n## Q&amp;A -- `code` and [link](x.md) \\*star\\*\n\n> [!NOTE]\n> Be careful.\n\n> plain\n\n- [ ] todo\n- [x] done\n\n| a | b |\n|---|---|\n| [c](c.md) | ~~d~~ |\n\nwww.example.com\n\nTerm\n: Definition\n\nFoot[^1].\n\n[^1]: The note.\n\n<div>hi</div>\n\ninline <b>x</b> <!-- c -->\n\n<!-- block comment -->\n\n```go\npackage main\n```\n\n```nope\nx<y\n```\n"
	r := New(Options{})
	res, err := r.Render(Document{Source: []byte(src), Path: "p.md"})
	fmt.Println(string(res.HTML), err)
	fmt.Printf("%+v\n", res.Headings)
	root, rd := r.Parse(Document{Source: []byte(src)})
	root.Dump(rd.Source(), 0)
	css, err := HighlightCSS("github", "github-dark")
	fmt.Println(string(css), err)
}
