package search

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/corpus"
	"github.com/playbookhq/playbook/generator/markup"
)

// htmlPage is a page to index from its markup.
type htmlPage struct {
	doc  Doc // URL, title, section and extra names; no sections
	body []byte
}

// edgePages are markups where reading terms while extracting the text
// could go wrong: words split by inline tags, entities, skipped elements and
// the h1, pages with and without text before the first heading, long
// sections cut to a snippet, capitals and accents to normalise.
var edgePages = []string{
	rolePage,
	``,
	`<h2 id="first">First heading</h2><p>Text beneath it.</p>`,
	`<h2 id="a">Alpha</h2><h3 id="b">Beta <b>gam</b>ma</h3><p>zeta <i>e</i>ta</p>`,
	`<p>re<b>ad</b>y st<script>x</script>eady go<h1>Title</h1>ne</p><p>Café ÉTÉ naïve Ωμέγα</p>`,
	`<p>R&amp;D &amp; Q&amp;A caf&eacute;s</p><p>one</p><p>two</p>`,
	`<p>` + strings.Repeat("Löng wörds repeat ", 40) + `</p><h2 id="x">X</h2><p>` + strings.Repeat("é", 200) + `</p>`,
	`<p>` + strings.Repeat("ab ", 150) + `</p>`,
	`<h2 id="u">Unclosed heading <b>b`,
	`<p>a</p><h2 id="x"`,
	"<p>tab\tnew\nline\u00a0nbsp\u2003em x</p>",
	`<div hidden>hidden <h2 id="h">Hidden</h2></div><p>shown</p>`,
}

// renderedCorpus renders n generated pages as the build renders them.
func renderedCorpus(tb testing.TB, n int) []htmlPage {
	dir := filepath.Join(tb.TempDir(), "corpus")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: n, Seed: 3}); err != nil {
		tb.Fatal(err)
	}
	r := markup.New(markup.Options{})
	var pages []htmlPage
	walkMarkdown(tb, dir, func(path, title string, body []byte) error {
		res, err := r.Render(markup.Document{Source: body, Path: path})
		if err != nil {
			return err
		}
		doc := Doc{URL: "/" + strconv.Itoa(len(pages)) + "/", Title: title, Section: "Section " + strconv.Itoa(len(pages)%3)}
		pages = append(pages, htmlPage{doc, []byte(res.HTML)})
		return nil
	})
	return pages
}

// indexBoth indexes pages with Add of DocFromHTML's documents and with
// AddHTML, and fails the test when the files differ.
func indexBoth(t *testing.T, pages []htmlPage) map[string][]byte {
	t.Helper()
	byDoc, byHTML := NewIndexer(len(pages)), NewIndexer(len(pages))
	for i, p := range pages {
		d := DocFromHTML(p.doc.URL, p.doc.Title, p.doc.Section, p.body)
		d.Extra = p.doc.Extra
		if err := byDoc.Add(i, d); err != nil {
			t.Fatal(err)
		}
		if err := byHTML.AddHTML(i, p.doc, p.body); err != nil {
			t.Fatal(err)
		}
	}
	want, err := byDoc.Files()
	if err != nil {
		t.Fatal(err)
	}
	got, err := byHTML.Files()
	if err != nil {
		t.Fatal(err)
	}
	for name := range want {
		if string(got[name]) != string(want[name]) {
			t.Fatalf("%s differs:\nAddHTML %.300s\n    Add %.300s", name, got[name], want[name])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("AddHTML made %d files, Add %d", len(got), len(want))
	}
	return want
}

// TestAddHTMLMatchesAdd checks that reading terms while extracting the
// text indexes what extracting the whole text first does.
func TestAddHTMLMatchesAdd(t *testing.T) {
	var pages []htmlPage
	for i, body := range edgePages {
		doc := Doc{URL: "/e" + strconv.Itoa(i) + "/", Title: "Edge Page " + strconv.Itoa(i), Section: "Édges", Extra: []string{"Scrum Master"}}
		pages = append(pages, htmlPage{doc, []byte(body)})
	}
	files := indexBoth(t, pages)
	// The page that starts with a heading has no top text: its heading's
	// section is still number 1, as the top of the page is 0.
	if got := lookup(t, files, "beneath"); !reflect.DeepEqual(got, []posting{{2, 1, weightBody}}) {
		t.Errorf("postings of \"beneath\": %v, want document 2, section 1", got)
	}
	// "<b>gam</b>ma" is one word, in a heading.
	if got := lookup(t, files, "gamma"); !reflect.DeepEqual(got, []posting{{3, 2, weightHeadShort}}) {
		t.Errorf("postings of \"gamma\": %v, want document 3, section 2, a short heading", got)
	}
	if got := lookup(t, files, "ready"); len(got) != 1 {
		t.Errorf("postings of \"ready\": %v, want the word joined across <b>", got)
	}
	if got := lookup(t, files, "steady"); len(got) != 1 {
		t.Errorf("postings of \"steady\": %v, want the word joined across a skipped script", got)
	}
	t.Run("corpus", func(t *testing.T) { indexBoth(t, renderedCorpus(t, 150)) })
	t.Run("example", func(t *testing.T) {
		pages := markdownHTML(t, "../../content")
		if len(pages) < 20 {
			t.Fatalf("only %d pages in the example playbook", len(pages))
		}
		indexBoth(t, pages)
	})
}

// FuzzAddHTML checks that AddHTML indexes any markup as Add indexes
// DocFromHTML's document of it.
func FuzzAddHTML(f *testing.F) {
	for _, p := range edgePages {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		indexBoth(t, []htmlPage{{Doc{URL: "/p/", Title: "Fuzz Title", Section: "S"}, body}})
	})
}
