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

// qaPage is shaped like a Q&A thread as the default theme renders it.
const qaPage = `<p>Threads from the forum.</p>
<section class="question" aria-labelledby="q1" data-search-unit="Q&amp;A" data-search-weight="title">
<h2 id="q1"><a class="permalink" href="#q1">Who decides?</a></h2>
<p class="question-meta">Asked by <strong>Ann</strong></p>
<div class="question-body"><p>Is releasing a team decision?</p></div>
<h3 class="answers-title" data-search="skip">2 answers</h3>
<ol class="answers">
<li class="answer" id="q1-answer-1" data-search-unit="Answer">
<p class="answer-meta"><strong data-search-heading>Priya</strong> <a class="permalink" data-search="skip" href="#q1-answer-1">5 March</a></p>
<div class="answer-body"><p>The Product Owner decides.</p><ul><li>a list item</li></ul></div>
<ol class="replies"><li class="answer" id="q1-answer-1-1" data-search-unit="Answer"><p class="answer-meta"><strong data-search-heading>Sam</strong></p><div class="answer-body"><p>Agreed.</p></div></li></ol>
</li>
<li class="answer" id="q1-answer-2" data-search-unit="Answer"><p class="answer-meta"><strong data-search-heading>Lena</strong></p><div class="answer-body"><p>A spike helps.</p></div></li>
</ol>
</section>
<table><thead data-search="skip"><tr><th>Category</th></tr></thead>
<tbody><tr data-search-unit="Expectations"><th scope="row" id="ready-work">Ready work</th><td><ul><li>Sick at 7 a.m.</li></ul></td></tr></tbody></table>
<pre><code>code_review: true
code_review: again</code></pre>`

func TestReadUnits(t *testing.T) {
	p := Read(Doc{URL: "/qa/", Title: "Thread", Description: "About deciding."}, []byte(qaPage))
	type u struct {
		id, label, heading string
		parent             int
	}
	var units []u
	for _, x := range p.units {
		units = append(units, u{x.id, x.label, x.heading, x.parent})
	}
	want := []u{
		{"", "", "", -1},
		{"q1", "Q&A", "Who decides?", 0},
		{"q1-answer-1", "Answer", "Priya", 1},
		{"q1-answer-1-1", "Answer", "Sam", 2},
		{"q1-answer-2", "Answer", "Lena", 1},
		{"ready-work", "Expectations", "Ready work", 0},
	}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("units:\n got %v\nwant %v", units, want)
	}
	wantPassages := []passage{
		{0, "About deciding. Threads from the forum."},
		{1, "Asked by Ann Is releasing a team decision?"},
		{2, "The Product Owner decides. a list item"},
		{3, "Agreed."},
		{4, "A spike helps."},
		{5, "Sick at 7 a.m."},
		{0, "code_review: true code_review: again"},
	}
	if !reflect.DeepEqual(p.passages, wantPassages) {
		t.Errorf("passages:\n got %+v\nwant %+v", p.passages, wantPassages)
	}
	// The question's heading reaches its answers and their replies.
	if q := p.units[1]; q.first != 1 || q.lastPassage != 4 || q.lastUnit != 4 {
		t.Errorf("the question reaches passages %d to %d, units to %d; want 1 to 4, 4", q.first, q.lastPassage, q.lastUnit)
	}
	hits := map[string][]termHit{}
	for _, h := range p.hits {
		hits[h.term] = append(hits[h.term], termHit{loc: h.loc, unit: h.unit, weight: h.weight, best: h.best})
	}
	for _, c := range []struct {
		term string
		want []termHit
	}{
		{"decid", []termHit{{loc: 1, unit: 1, weight: weightTitleTiny}, {loc: 0, unit: -1, weight: weightBody, best: true}, {loc: 2, unit: -1, weight: weightBody}}},
		{"priya", []termHit{{loc: 2, unit: 2, weight: weightHeadShort}}},
		{"am", []termHit{{loc: 5, unit: -1, weight: weightBody, best: true}}},
		{"7", []termHit{{loc: 5, unit: -1, weight: weightBody, best: true}}},
		// In code a word counts once, however often it is there.
		{"review", []termHit{{loc: 6, unit: -1, weight: weightBody, best: true}}},
		{"categor", nil}, // the table's header is skipped
		{"march", nil},   // and so is an answer's permalink
	} {
		if got := hits[c.term]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("postings of %q: %+v, want %+v", c.term, got, c.want)
		}
	}
}

// TestReadPassages checks that a long text is cut into passages at a
// sentence, none longer than maxPassage, and that nothing is lost.
func TestReadPassages(t *testing.T) {
	sentence := "The team plans the sprint together and finishes what it plans. "
	text := strings.Repeat(sentence, 12)
	p := Read(Doc{URL: "/p/"}, []byte("<h2 id=\"a\">A</h2><p>"+text+"</p><p>Short.</p>"))
	var joined []string
	for _, ps := range p.passages[1:] {
		if len(ps.text) > maxPassage || ps.unit != 1 {
			t.Errorf("passage %q of unit %d: over %d bytes or not in the heading's unit", ps.text, ps.unit, maxPassage)
		}
		if !strings.HasSuffix(ps.text, ".") {
			t.Errorf("passage %q does not end at a sentence", ps.text)
		}
		joined = append(joined, ps.text)
	}
	if got, want := strings.Join(joined, " "), strings.TrimSpace(text)+" Short."; got != want {
		t.Errorf("passages join to %q, want %q", got, want)
	}
}

func TestReadEdges(t *testing.T) {
	for _, c := range []struct {
		name, html string
		want       []passage
	}{
		{"empty", "", []passage{{0, ""}}},
		{"heading first", `<h2 id="a">A</h2>text`, []passage{{0, ""}, {1, "text"}}},
		{"stray less-than", `<p>1 < 2 and <3</p>`, []passage{{0, "1 < 2 and <3"}}},
		{"unclosed heading", `<h2 id="a">A <b>b`, []passage{{0, ""}, {1, ""}}},
		{"unclosed script", `<p>a</p><script>x`, []passage{{0, "a"}}},
		{"unquoted id", `<h3 id=q1 class=x>Q?</h3><p>A.</p>`, []passage{{0, ""}, {1, "A."}}},
		{"self-closing svg", `<svg/><p>kept</p>`, []passage{{0, "kept"}}},
		{"skipped", `<div data-search="skip"><p>shown elsewhere</p></div><p>own</p>`, []passage{{0, "own"}}},
		{"hidden", `<div hidden>hidden <h2 id="h">Hidden</h2></div><p>shown</p>`, []passage{{0, "shown"}}},
		{"words across tags", `<p>re<b>ad</b>y st<script>x</script>eady</p>`, []passage{{0, "ready steady"}}},
		{"entities", `<p>R&amp;D &amp; Q&amp;A caf&eacute;</p>`, []passage{{0, "R&D & Q&A café"}}},
	} {
		if got := Read(Doc{URL: "/"}, []byte(c.html)).passages; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// FuzzRead checks that any markup reads without panicking into units and
// passages that hold together: every passage in a unit, every unit after
// its parent, reaches inside the page, postings at passages that exist, and
// text free of runs of white space.
func FuzzRead(f *testing.F) {
	f.Add([]byte(qaPage))
	f.Add([]byte(rolePage))
	f.Add([]byte(`<h2 id="a">A</h2><script>`))
	f.Add([]byte(`<li data-search-unit><li data-search-unit="x" id="y"><h2 id="z">Z</h2>t</li>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := Read(Doc{URL: "/", Title: "Fuzz Title", Description: "d"}, b)
		for i, u := range p.units {
			if i > 0 && (u.parent < 0 || u.parent >= i) || u.first >= len(p.passages) || p.passages[u.first].unit != i ||
				int(u.lastPassage) >= len(p.passages) || int(u.lastUnit) >= len(p.units) || u.heading != collapseSpace(u.heading) {
				t.Fatalf("unit %d: %+v", i, u)
			}
		}
		for _, ps := range p.passages {
			if ps.unit < 0 || ps.unit >= len(p.units) || ps.text != collapseSpace(ps.text) {
				t.Fatalf("passage %+v", ps)
			}
		}
		for _, h := range p.hits {
			if h.loc < 0 || int(h.loc) >= len(p.passages) || h.term == "" {
				t.Fatalf("posting %+v", h)
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
