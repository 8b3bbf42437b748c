package kinds_test

import (
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/kinds"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
)

// fuzzFiles are the files FuzzRead writes its four inputs to, in order.
var fuzzFiles = []string{
	"roles/product-owner.md",
	"expectations/po-from-sm.md",
	"qa/questions.md",
	"vision-boards/board.md",
}

// fixedFiles complete the site: a second role to refer to.
var fixedFiles = map[string]string{
	"roles/scrum-master.md": "---\ntitle: Scrum Master\nworks_with: [product-owner]\n---\n",
}

// readExample returns a file of the example playbook, the seed corpus.
func readExample(f *testing.F, rel string) string {
	f.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "content", filepath.FromSlash(rel)))
	if err != nil {
		f.Fatal(err)
	}
	return string(data)
}

// unsafeHTML finds what must never come out of safe rendering: a script
// element, or a link or image to a script or HTML document URL. Text is
// escaped, so these can only match real markup.
var unsafeHTML = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|\s(href|src|action|formaction)="\s*(javascript|vbscript|data:text/html)`)

// FuzzRead checks that any role guide, expectation table, Q&A thread and
// vision board is read without panicking, quickly, the same way twice, with
// problems that name a file of the site, HTML that carries no script, and
// JSON-LD that cannot close its script element.
func FuzzRead(f *testing.F) {
	f.Add(
		readExample(f, "roles/product-owner.md"),
		readExample(f, "expectations/product-owner-from-scrum-master.md"),
		readExample(f, "qa/scrum-master-questions.md"),
		readExample(f, "vision-boards/dispatchly.md"),
	)
	f.Add(
		readExample(f, "roles/scrum-master.md"),
		readExample(f, "expectations/scrum-master-from-product-owner.md"),
		readExample(f, "qa/working-with-the-product-owner.md"),
		"",
	)
	f.Add(
		"---\nsummary: [1]\nworks_with: [product-owner, scrum-mastr, \"\", 3, \"<script>alert(1)</script>\"]\n---\n",
		"---\nfrom: scrum-master\nof: scrum-master\n---\n## A\n## a\n- x\n## B\ntext\n",
		"## </script><script>alert(1)</script>\n\nAsked by **<b>x</b>** on 2026-13-45 · Roles: nobody, , product-owner\n\n- **A**:\n  - **B**:\n    - **C** on 2026-01-01:\n      [x](javascript:alert(1))\n",
		"## Vision\n## vision\n## Unknown\n<script>alert(1)</script>\n![x](data:text/html,<script>alert(1)</script>)\n",
	)
	f.Add(
		"---\ntype: qa\n---\n## Q\n\n"+strings.Repeat("- **A**:\n", 1)+strings.Repeat("  ", 50)+"- deep\n",
		"---\nfrom: product-owner\nof: scrum-master\n---\n"+strings.Repeat("> ", 200)+"- x\n",
		"## Q\n\n"+strings.Repeat("- **A**:\n  ", 30)+"end\n",
		"---\ntype: vision-board\n---\n"+strings.Repeat("## Vision\n", 20),
	)
	folders := playbook.Folders(config.Default(), kinds.New())
	md := markup.New(markup.Options{})

	// One folder for all inputs, each file rewritten only when it changes:
	// creating and removing a folder per input costs more than reading it.
	// Inputs run one after another within a fuzzing process.
	dir := f.TempDir()
	written := map[string]string{}

	f.Fuzz(func(t *testing.T, role, table, qa, board string) {
		write := func(rel, data string) {
			if old, ok := written[rel]; ok && old == data {
				return
			}
			written[rel] = data
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		lines := map[string]int{}
		for i, data := range []string{role, table, qa, board} {
			write(fuzzFiles[i], data)
			lines["content/"+fuzzFiles[i]] = strings.Count(data, "\n") + strings.Count(data, "\r") + 1
		}
		for rel, data := range fixedFiles {
			write(rel, data)
			lines["content/"+rel] = strings.Count(data, "\n") + 1
		}

		site, _, err := content.Load(content.Options{Dir: dir, DisplayDir: "content", KindFolders: folders})
		if err != nil {
			t.Fatal(err)
		}
		book, diags := playbook.Read(site, md, kinds.New(), playbook.Options{BasePath: "/"})
		_, again := playbook.Read(site, md, kinds.New(), playbook.Options{BasePath: "/"})
		if !reflect.DeepEqual(diags, again) {
			t.Fatalf("problems differ between two reads:\n%v\n%v", diags, again)
		}

		for _, d := range diags {
			n, ok := lines[d.File]
			if !ok {
				t.Errorf("problem %q names a file the site does not have", d)
				continue
			}
			if d.Line < 0 || d.Line > n+1 || d.Col < 0 {
				t.Errorf("problem %q is outside its file of %d lines", d, n)
			}
		}

		check := func(what string, h template.HTML) {
			if m := unsafeHTML.FindString(string(h)); m != "" {
				t.Errorf("%s holds %q:\n%s", what, m, h)
			}
		}
		for _, p := range site.Pages {
			if r, ok := book.Rendered(p); ok {
				check(p.File, template.HTML(r.HTML))
			}
			if tb, ok := book.Model(p).(*kinds.Table); ok {
				check("table intro", tb.Intro)
				for _, c := range tb.Categories {
					check("category note", c.Note)
					for _, item := range c.Items {
						check("expectation", item)
					}
				}
			}
			if b, ok := book.Model(p).(*kinds.Board); ok {
				check("board intro", b.Intro)
				for _, s := range b.Sections {
					check("board section", s.HTML)
				}
			}
			th, ok := book.Model(p).(*kinds.Thread)
			if !ok {
				continue
			}
			check("thread intro", th.Intro)
			var answers func(list []*kinds.Answer)
			answers = func(list []*kinds.Answer) {
				for _, a := range list {
					check("answer", a.Body)
					answers(a.Replies)
				}
			}
			for _, q := range th.Questions {
				check("question", q.Body)
				answers(q.Answers)
			}
			ld := string(kinds.StructuredData(th, "https://example.com/qa/questions/"))
			if strings.ContainsAny(ld, "<>") {
				t.Errorf("JSON-LD holds < or >, which could end its script element:\n%s", ld)
			}
			if ld != "" && !json.Valid([]byte(ld)) {
				t.Errorf("JSON-LD is not valid JSON:\n%s", ld)
			}
		}
	})
}
