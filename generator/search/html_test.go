package search

import (
	"reflect"
	"strings"
	"testing"
)

// rolePage is shaped like a role page's article as the build renders it.
const rolePage = `<article class="page page-role">
<h1>Product Owner</h1>
<p class="role-summary">Answers for the value of the product &amp; its users.</p>
<figure class="collab"><svg viewBox="0 0 10 10"><title>Product Owner works with Scrum Master.</title><text>Scrum Master</text></svg>
<figcaption>Who the Product Owner works with: <a href="/roles/scrum-master/">Scrum Master</a>.</figcaption></figure>
<!-- <h2 id="commented">Not a heading</h2> -->
<h2 id="responsibilities">Responsibilities</h2>
<ul><li>Own the product goal</li><li>Keep the backlog <strong>ord</strong>ered</li></ul>
<script>if (a < b) { document.write("<h2 id='x'>script</h2>") }</script>
<h3>Without an id</h3>
<p>Text&nbsp;under&#8203;it, 3 &lt; 4.</p>
<h2 id="can-expect"><a class="permalink" href="#can-expect">What the <em>Product Owner</em> can expect</a></h2>
<nav aria-label="On this page"><a href="#x">Skipped navigation</a></nav>
<div data-search-ignore><div>nested</div> still ignored</div>
<p hidden>Hidden</p><span aria-hidden="true">¶</span><img src="x.png" alt="Kept out" hidden>
<h3 id="from-the-scrum-master">From the Scrum Master</h3>
<table><tr><th>Coaching</th><td>Help the team</td></tr></table>
<STYLE>p { color: red }</STYLE><p>After style</p>
</article>`

func TestDocFromHTML(t *testing.T) {
	got := DocFromHTML("/roles/product-owner/", "Product Owner", "Roles", []byte(rolePage))
	want := Doc{
		URL: "/roles/product-owner/", Title: "Product Owner", Section: "Roles",
		Sections: []Section{
			{Text: "Answers for the value of the product & its users. Who the Product Owner works with: Scrum Master."},
			{ID: "responsibilities", Heading: "Responsibilities", Text: "Own the product goal Keep the backlog ordered Without an id Text under\u200bit, 3 < 4."},
			{ID: "can-expect", Heading: "What the Product Owner can expect", Text: ""},
			{ID: "from-the-scrum-master", Heading: "From the Scrum Master", Text: "Coaching Help the team After style"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DocFromHTML:\n got %#v\nwant %#v", got, want)
	}
}

func TestDocFromHTMLEdges(t *testing.T) {
	for _, c := range []struct {
		name, html string
		want       []Section
	}{
		{"empty", "", nil},
		{"heading first", `<h2 id="a">A</h2>text`, []Section{{ID: "a", Heading: "A", Text: "text"}}},
		{"stray less-than", `<p>1 < 2 and <3</p>`, []Section{{Text: "1 < 2 and <3"}}},
		{"unclosed heading", `<h2 id="a">A <b>b`, []Section{{ID: "a", Heading: "A b"}}},
		{"unclosed script", `<p>a</p><script>x`, []Section{{Text: "a"}}},
		{"unquoted id", `<h3 id=q1 class=x>Q?</h3><p>A.</p>`, []Section{{ID: "q1", Heading: "Q?", Text: "A."}}},
		{"entity in id", `<h2 id="a&amp;b">AB</h2>`, []Section{{ID: "a&b", Heading: "AB"}}},
		{"self-closing svg", `<svg/><p>kept</p>`, []Section{{Text: "kept"}}},
		{"unclosed tag", `<p>a</p><h2 id="x"`, []Section{{Text: "a"}, {ID: "x"}}},
	} {
		if got := DocFromHTML("/", "T", "", []byte(c.html)).Sections; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, got, c.want)
		}
	}
}

// FuzzDocFromHTML checks that any markup gives sections without panicking,
// with text free of runs of white space.
func FuzzDocFromHTML(f *testing.F) {
	f.Add([]byte(rolePage))
	f.Add([]byte(`<h2 id="a">A</h2><script>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, s := range DocFromHTML("/", "", "", b).Sections {
			if s.Text != collapseSpace(s.Text) || s.Heading != collapseSpace(s.Heading) {
				t.Errorf("uncollapsed space in %#v", s)
			}
		}
	})
}

// collapseSpace trims s and turns every run of white space into one space:
// what spaceCollapser should produce.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// FuzzSpaceCollapser checks that text written in two pieces, with a break
// between them or not, comes out as strings.Fields would split it.
func FuzzSpaceCollapser(f *testing.F) {
	f.Add("  a\u00a0b\tc ", " d\u2003e", false)
	f.Add("ab", "cd", true)
	f.Add("\xff x", "", false)
	f.Fuzz(func(t *testing.T, a, b string, brk bool) {
		var c spaceCollapser
		words := c.write(a)
		sep := ""
		if brk {
			c.space()
			sep = " "
		}
		words = c.write(b) || words
		want := collapseSpace(a + sep + b)
		if got := c.take(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if words != (want != "") {
			t.Errorf("reported words %v for %q", words, want)
		}
	})
}
