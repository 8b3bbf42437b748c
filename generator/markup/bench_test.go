package markup

import (
	"fmt"
	"strings"
	"testing"
)

// benchPage returns a page body of about 10 KB in the shape of a playbook
// role guide: headings, prose with links, lists, a table, an alert and two
// code fences.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString("# Product Owner\n\nThe Product Owner maximises the value of the product. See [the team](../teams/delivery.md#members).\n\n")
	b.WriteString("> [!TIP]\n> Start with the [vision board](vision.md).\n\n")
	for i := 0; b.Len() < 8500; i++ {
		fmt.Fprintf(&b, "## Responsibility %d\n\n", i)
		b.WriteString("The Product Owner \"owns\" the backlog -- orders it, explains it and keeps it visible. ")
		b.WriteString("Stakeholders can expect *clear* priorities, **honest** forecasts and a `single` point of contact. ")
		fmt.Fprintf(&b, "Read more in [the guide](../guides/backlog-%d.md) or at https://example.com/po/%d.\n\n", i, i)
		b.WriteString("### What others can expect\n\n- a ordered backlog\n- [x] reviewed goals\n- answers within a day\n\n")
		b.WriteString("| From | Expectation |\n|------|-------------|\n| Team | clarity on the why |\n| Sponsor | a forecast[^f] |\n\n")
	}
	b.WriteString("```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(\"sprint\", i)\n\t}\n}\n```\n\n")
	b.WriteString("```yaml\ntitle: Product Owner\nworks_with:\n  - scrum-master\n  - stakeholders # everyone else\n```\n\n")
	b.WriteString("[^f]: Forecasts are not promises.\n")
	return []byte(b.String())
}

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	doc := Document{Source: benchPage(), Path: "roles/product-owner.md", LineOffset: 4, Resolver: fakeResolver{}}
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchPageRenders(t *testing.T) {
	src := benchPage()
	if len(src) < 9000 || len(src) > 11000 {
		t.Errorf("bench page is %d bytes, want about 10 KB", len(src))
	}
	res, err := New(Options{}).Render(Document{Source: src, Path: "p.md", Resolver: fakeResolver{}})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(res.HTML), `<pre class="chroma" tabindex="0">`); n != 2 {
		t.Errorf("%d highlighted fences, want 2", n)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics: %v", res.Diagnostics)
	}
}
