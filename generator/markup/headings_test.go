package markup

import (
	"reflect"
	"strings"
	"testing"
)

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		ids  []string
	}{
		{"punctuation and digits", "## What the PO expects (2024)!", []string{"what-the-po-expects-2024"}},
		{"unicode letters, ampersand leaves two hyphens", "## Überblick & Ziele", []string{"überblick--ziele"}},
		{"non-latin script", "## 日本語の見出し", []string{"日本語の見出し"}},
		{"combining marks kept", "## Cafe\u0301 menu", []string{"cafe\u0301-menu"}},
		{"emoji dropped", "## Launch 🚀 day", []string{"launch--day"}},
		{"underscore and hyphen kept", "## snake_case and kebab-case", []string{"snake_case-and-kebab-case"}},
		{"markup is not text", "## The `ResolveLink` [method](api.md) is *fast*", []string{"the-resolvelink-method-is-fast"}},
		{"entities and escapes resolved", "## Q&amp;A \\*now\\*", []string{"qa-now"}},
		{"dashes stay as typed", "## Plan -- then act --- now", []string{"plan----then-act-----now"}},
		{"curly quotes dropped", "## The \"done\" definition's scope", []string{"the-done-definitions-scope"}},
		{"empty heading has the empty id, then -1", "##\n\n## ?!\n\n## …", []string{"", "-1", "-2"}},
		{"footnote reference counts as its number", "## Title[^1]\n\n[^1]: A note.", []string{"title1"}},
		{"setext heading", "Roles\n-----", []string{"roles"}},
		{
			"duplicates get suffixes",
			"## Intro\n\n## Intro\n\n### Intro\n",
			[]string{"intro", "intro-1", "intro-2"},
		},
		{
			"suffix already taken is skipped",
			"## Step\n\n## Step-1\n\n## Step\n",
			[]string{"step", "step-1", "step-2"},
		},
		{
			"leading h1 takes its id first",
			"# Overview\n\n## Overview\n",
			[]string{"overview-1"},
		},
		{
			"headings in blockquotes and lists",
			"> ## Quoted\n\n- ## Listed\n",
			[]string{"quoted", "listed"},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderString(t, r, tt.src)
			var ids []string
			for _, h := range res.Headings {
				ids = append(ids, h.ID)
				if h.ID == "" {
					if strings.Contains(string(res.HTML), `id=""`) {
						t.Errorf("HTML has an empty id attribute:\n%s", res.HTML)
					}
					continue
				}
				if want := `id="` + h.ID + `"`; !strings.Contains(string(res.HTML), want) {
					t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
				}
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids = %q, want %q", ids, tt.ids)
			}
		})
	}
}

func TestHeadingsTextAndLines(t *testing.T) {
	src := "Intro.\n\n## The *PO*'s `role` -- [why](why.md)\n\nText.\n\nSetext\nheading\n=======\n\n#### Deep\n"
	res, err := New(Options{}).Render(Document{Source: []byte(src), Path: "p.md", LineOffset: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := []Heading{
		{Level: 2, ID: "the-pos-role----why", Text: "The PO’s role -- why", Line: 7},
		{Level: 1, ID: "setextheading", Text: "Setext heading", Line: 11},
		{Level: 4, ID: "deep", Text: "Deep", Line: 15},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings:\n got %+v\nwant %+v", res.Headings, want)
	}
	if res.Title != "" {
		t.Errorf("Title = %q, want none: the h1 is not the first block", res.Title)
	}
}

func TestLeadingH1BecomesTitle(t *testing.T) {
	tests := []struct {
		name, src, title string
		wantH1           bool
	}{
		{"atx", "# Product Owner\n\nOwns the backlog.\n", "Product Owner", false},
		{"setext", "Product Owner\n=============\n\nOwns the backlog.\n", "Product Owner", false},
		{"inline markup", "# The *Product* Owner's `guide`\n\nText.\n", "The Product Owner’s guide", false},
		{"not first block", "Owns the backlog.\n\n# Product Owner\n", "", true},
		{"first block is h2", "## Product Owner\n\nText.\n", "", false},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderString(t, r, tt.src)
			if res.Title != tt.title {
				t.Errorf("Title = %q, want %q", res.Title, tt.title)
			}
			if got := strings.Contains(string(res.HTML), "<h1"); got != tt.wantH1 {
				t.Errorf("HTML has an h1 = %v, want %v:\n%s", got, tt.wantH1, res.HTML)
			}
			for _, h := range res.Headings {
				if tt.title != "" && h.Text == tt.title {
					t.Errorf("the title is listed in Headings: %+v", res.Headings)
				}
			}
			if !strings.Contains(string(res.HTML), "<p>") {
				t.Errorf("body lost its paragraph:\n%s", res.HTML)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	src := "# Title\n\n### Before any h2\n\n## Roles\n\n### Product Owner\n\n#### Too deep\n\n### Scrum Master\n\n## Events\n\n## Artifacts\n\n### Increment\n"
	res := renderString(t, New(Options{}), src)
	want := []TOCEntry{
		{ID: "before-any-h2", Text: "Before any h2"},
		{ID: "roles", Text: "Roles", Children: []TOCEntry{
			{ID: "product-owner", Text: "Product Owner"},
			{ID: "scrum-master", Text: "Scrum Master"},
		}},
		{ID: "events", Text: "Events"},
		{ID: "artifacts", Text: "Artifacts", Children: []TOCEntry{
			{ID: "increment", Text: "Increment"},
		}},
	}
	if !reflect.DeepEqual(res.TOC, want) {
		t.Errorf("TOC:\n got %+v\nwant %+v", res.TOC, want)
	}
}

// TestSlug holds GitHub's slug rule, case by case: what it keeps (letters,
// marks, decimal digits, connector punctuation, '-', anything Alphabetic)
// and what it drops (other numbers, punctuation, symbols, separators).
func TestSlug(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces become hyphens", "Hello World", "hello-world"},
		{"every space counts", "  Two  spaces ", "--two--spaces-"},
		{"letters of any case", "ÄÖÜ äöü ß", "äöü-äöü-ß"},
		{"punctuation dropped", "Version 2.0 (beta)!", "version-20-beta"},
		{"slashes and colons dropped", "a/b\\c:d", "abcd"},
		{"combining marks kept", "Cafe\u0301", "cafe\u0301"},
		{"spacing marks kept", "हिन्दी", "हिन्दी"},
		{"connector punctuation kept", "a_b‿c＿d", "a_b‿c＿d"},
		{"hyphen kept, other dashes dropped", "a-b–c—d", "a-bcd"},
		{"circled letters are Alphabetic: kept, lower-cased", "Ⓔvent", "ⓔvent"},
		{"letter numbers are Alphabetic", "Ⅻ", "ⅻ"},
		{"other numbers dropped", "x² ½ ①", "x--"},
		{"decimal digits of any script kept", "٣ ३", "٣-३"},
		{"dotted capital I lower-cases to i and a combining dot", "İstanbul", "i\u0307stanbul"},
		{"symbols and emoji dropped", "a + b = 🚀 ©", "a--b---"},
		{"other separators dropped", "a\u00a0b\u2003c", "abc"},
		{"tabs dropped", "a\tb", "ab"},
		{"only punctuation gives nothing", "?!…", ""},
		{"typographic quotes dropped", "‘done’ “now”", "done-now"},
	}
	for _, tt := range tests {
		if got := string(slug([]byte(tt.in))); got != tt.want {
			t.Errorf("%s: slug(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
