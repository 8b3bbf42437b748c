package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// The test types read the output back the way a feed reader would: by namespace and name,
// independent of the writer's own types.

type xFeed struct {
	XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string   `xml:"http://www.w3.org/2005/Atom id"`
	Title    string   `xml:"http://www.w3.org/2005/Atom title"`
	Subtitle string   `xml:"http://www.w3.org/2005/Atom subtitle"`
	Updated  string   `xml:"http://www.w3.org/2005/Atom updated"`
	Links    []xLink  `xml:"http://www.w3.org/2005/Atom link"`
	Authors  []string `xml:"http://www.w3.org/2005/Atom author>name"`
	Entries  []xEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type xEntry struct {
	ID         string      `xml:"http://www.w3.org/2005/Atom id"`
	Title      string      `xml:"http://www.w3.org/2005/Atom title"`
	Links      []xLink     `xml:"http://www.w3.org/2005/Atom link"`
	Published  string      `xml:"http://www.w3.org/2005/Atom published"`
	Updated    string      `xml:"http://www.w3.org/2005/Atom updated"`
	Authors    []string    `xml:"http://www.w3.org/2005/Atom author>name"`
	Categories []xCategory `xml:"http://www.w3.org/2005/Atom category"`
	Summary    *xText      `xml:"http://www.w3.org/2005/Atom summary"`
	Content    *xText      `xml:"http://www.w3.org/2005/Atom content"`
}

type xLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type xCategory struct {
	Term string `xml:"term,attr"`
}

type xText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

var (
	day1 = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 2, 14, 18, 30, 0, 0, time.UTC)
	day3 = time.Date(2026, 3, 1, 8, 15, 0, 0, time.FixedZone("CET", 3600))
)

// sample is a small articles feed with its entries deliberately out of date order.
func sample() Feed {
	return Feed{
		Title:    "Product Playbook articles",
		Subtitle: "Notes on how we build products",
		ID:       "https://handbook.example.org/articles/",
		SelfURL:  "https://handbook.example.org/articles/feed.xml",
		SiteURL:  "https://handbook.example.org/articles/",
		Language: "en",
		Entries: []Entry{
			{
				Title:     "Running a roadmap review",
				URL:       "https://handbook.example.org/articles/roadmap-review/",
				Published: day1,
				Summary:   "How we review the roadmap each quarter.",
			},
			{
				Title:     "Writing a vision board",
				URL:       "https://handbook.example.org/articles/vision-board/",
				Published: day3,
				Updated:   day3.Add(48 * time.Hour),
				Summary:   "Five sections, one page.",
				Content:   "<p>Start with the <em>vision</em>.</p>",
				Author:    "Ana Ruiz",
				Tags:      []string{"vision", "product-owner"},
			},
			{
				Title:     "What a team can expect from its Product Owner",
				URL:       "https://handbook.example.org/articles/expectations/",
				ID:        "tag:handbook.example.org,2026:expectations",
				Published: day2,
				Tags:      []string{"roles", "", "roles"},
			},
		},
	}
}

func write(t *testing.T, f Feed) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func parse(t *testing.T, b []byte) xFeed {
	t.Helper()
	var x xFeed
	if err := xml.Unmarshal(b, &x); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, b)
	}
	return x
}

func TestWriteFeedElements(t *testing.T) {
	x := parse(t, write(t, sample()))
	if x.ID != "https://handbook.example.org/articles/" {
		t.Errorf("id = %q", x.ID)
	}
	if x.Title != "Product Playbook articles" || x.Subtitle != "Notes on how we build products" {
		t.Errorf("title, subtitle = %q, %q", x.Title, x.Subtitle)
	}
	if x.Lang != "en" {
		t.Errorf("xml:lang = %q", x.Lang)
	}
	// The vision board's Updated (day3 + 48h, given in CET) is the newest date in the feed.
	if x.Updated != "2026-03-03T07:15:00Z" {
		t.Errorf("updated = %q, want the newest entry update in UTC", x.Updated)
	}
	if !slices.Equal(x.Authors, []string{"Playbook"}) {
		t.Errorf("authors = %q, want the default", x.Authors)
	}
	want := []xLink{
		{Rel: "self", Type: "application/atom+xml", Href: "https://handbook.example.org/articles/feed.xml"},
		{Rel: "alternate", Type: "text/html", Href: "https://handbook.example.org/articles/"},
	}
	if !slices.Equal(x.Links, want) {
		t.Errorf("links = %+v, want %+v", x.Links, want)
	}
}

func TestWriteEntryElements(t *testing.T) {
	x := parse(t, write(t, sample()))
	if len(x.Entries) != 3 {
		t.Fatalf("got %d entries, want 3", len(x.Entries))
	}
	e := x.Entries[0] // the vision board: newest
	if e.ID != "https://handbook.example.org/articles/vision-board/" {
		t.Errorf("id = %q, want the URL", e.ID)
	}
	if e.Title != "Writing a vision board" {
		t.Errorf("title = %q", e.Title)
	}
	wantLink := []xLink{{Rel: "alternate", Type: "text/html", Href: "https://handbook.example.org/articles/vision-board/"}}
	if !slices.Equal(e.Links, wantLink) {
		t.Errorf("links = %+v", e.Links)
	}
	if e.Published != "2026-03-01T07:15:00Z" || e.Updated != "2026-03-03T07:15:00Z" {
		t.Errorf("published, updated = %q, %q", e.Published, e.Updated)
	}
	if !slices.Equal(e.Authors, []string{"Ana Ruiz"}) {
		t.Errorf("authors = %q", e.Authors)
	}
	if got := e.Categories; !slices.Equal(got, []xCategory{{"vision"}, {"product-owner"}}) {
		t.Errorf("categories = %+v", got)
	}
	if e.Summary == nil || e.Summary.Body != "Five sections, one page." || e.Summary.Type != "" {
		t.Errorf("summary = %+v, want plain text", e.Summary)
	}
	if e.Content == nil || e.Content.Type != "html" || e.Content.Body != "<p>Start with the <em>vision</em>.</p>" {
		t.Errorf("content = %+v, want the HTML with type=html", e.Content)
	}

	e = x.Entries[1] // expectations: explicit id, no updated, repeated and blank tags
	if e.ID != "tag:handbook.example.org,2026:expectations" {
		t.Errorf("id = %q, want the explicit ID", e.ID)
	}
	if e.Published != "2026-02-14T18:30:00Z" || e.Updated != e.Published {
		t.Errorf("published, updated = %q, %q; want updated = published", e.Published, e.Updated)
	}
	if e.Authors != nil || e.Summary != nil || e.Content != nil {
		t.Errorf("optional elements written: authors %q, summary %+v, content %+v", e.Authors, e.Summary, e.Content)
	}
	if !slices.Equal(e.Categories, []xCategory{{"roles"}}) {
		t.Errorf("categories = %+v, want blanks and repeats dropped", e.Categories)
	}
}

func TestWriteNewestFirst(t *testing.T) {
	f := sample()
	f.Entries = append(f.Entries,
		Entry{Title: "Same day B", URL: "https://handbook.example.org/articles/b/", Published: day2},
		Entry{Title: "Same day A", URL: "https://handbook.example.org/articles/a/", Published: day2},
	)
	x := parse(t, write(t, f))
	var got []string
	for _, e := range x.Entries {
		got = append(got, e.Title)
	}
	want := []string{
		"Writing a vision board",
		"Same day A", // ties on Published are broken by URL
		"Same day B",
		"What a team can expect from its Product Owner",
		"Running a roadmap review",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q\nwant    %q", got, want)
	}
	if f.Entries[0].Title != "Running a roadmap review" {
		t.Errorf("Write reordered the caller's entries")
	}
}

func TestWriteEscaping(t *testing.T) {
	f := sample()
	f.Title = "Q&A <draft>"
	f.Entries = f.Entries[:1]
	f.Entries[0].Title = "if a < b && c ]]> d"
	f.Entries[0].Content = "<![CDATA[x]]> & <b>bold</b>"
	f.Entries[0].Tags = []string{`"quoted" & <tag>`}
	out := write(t, f)
	s := string(out)
	for _, want := range []string{
		"<title>Q&amp;A &lt;draft&gt;</title>",
		"<title>if a &lt; b &amp;&amp; c ]]&gt; d</title>",
		`<content type="html">&lt;![CDATA[x]]&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</content>`,
		`<category term="&#34;quoted&#34; &amp; &lt;tag&gt;"></category>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %s\n%s", want, s)
		}
	}
	if strings.Contains(s, "]]>") {
		t.Errorf("output contains a raw ]]>\n%s", s)
	}
	x := parse(t, out)
	if x.Title != f.Title || x.Entries[0].Title != f.Entries[0].Title || x.Entries[0].Content.Body != f.Entries[0].Content {
		t.Errorf("round trip: %q, %q, %q", x.Title, x.Entries[0].Title, x.Entries[0].Content.Body)
	}
	if x.Entries[0].Categories[0].Term != f.Entries[0].Tags[0] {
		t.Errorf("round trip of tag: %q", x.Entries[0].Categories[0].Term)
	}
}

func TestWriteDeterministic(t *testing.T) {
	a := write(t, sample())
	b := write(t, sample())
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes differ:\n%s\n---\n%s", a, b)
	}
	f := sample()
	slices.Reverse(f.Entries)
	if c := write(t, f); !bytes.Equal(a, c) {
		t.Errorf("input order changed the output:\n%s\n---\n%s", a, c)
	}
}

func TestWriteFirstLines(t *testing.T) {
	out := string(write(t, sample()))
	want := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://handbook.example.org/articles/</id>
  <title>Product Playbook articles</title>
  <subtitle>Notes on how we build products</subtitle>
  <updated>2026-03-03T07:15:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://handbook.example.org/articles/feed.xml"></link>
  <link rel="alternate" type="text/html" href="https://handbook.example.org/articles/"></link>
  <author>
    <name>Playbook</name>
  </author>
  <entry>
    <id>https://handbook.example.org/articles/vision-board/</id>
`
	if !strings.HasPrefix(out, want) {
		t.Errorf("output starts\n%s\nwant\n%s", out[:min(len(out), len(want))], want)
	}
	if !strings.HasSuffix(out, "  </entry>\n</feed>\n") {
		t.Errorf("output ends %q, want the closing tags and one newline", out[max(0, len(out)-40):])
	}
}

func TestWriteUpdated(t *testing.T) {
	later := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		edit func(*Feed)
		want string
	}{
		{"newest entry update", func(f *Feed) {}, "2026-03-03T07:15:00Z"},
		{"an older entry updated later", func(f *Feed) { f.Entries[0].Updated = later }, "2026-04-01T00:00:00Z"},
		{"Feed.Updated later than entries", func(f *Feed) { f.Updated = later }, "2026-04-01T00:00:00Z"},
		{"Feed.Updated earlier than entries", func(f *Feed) { f.Updated = day1 }, "2026-03-03T07:15:00Z"},
		{"no entries", func(f *Feed) { f.Entries = nil; f.Updated = later }, "2026-04-01T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sample()
			tt.edit(&f)
			if got := parse(t, write(t, f)).Updated; got != tt.want {
				t.Errorf("updated = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteOptionalFeedFields(t *testing.T) {
	f := sample()
	f.Subtitle, f.SiteURL, f.Language, f.Author = "", "", "", "Product Guild"
	out := write(t, f)
	x := parse(t, out)
	if len(x.Links) != 1 || x.Links[0].Rel != "self" {
		t.Errorf("links = %+v, want only self", x.Links)
	}
	if !slices.Equal(x.Authors, []string{"Product Guild"}) {
		t.Errorf("authors = %q", x.Authors)
	}
	for _, absent := range []string{"<subtitle", "xml:lang"} {
		if bytes.Contains(out, []byte(absent)) {
			t.Errorf("output has %s although it was not set", absent)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(*Feed)
		want        string
		notAbsolute bool
	}{
		{
			"relative entry URL",
			func(f *Feed) { f.Entries[1].URL = "/articles/vision-board/" },
			`feed: entry "Writing a vision board": URL "/articles/vision-board/" is not absolute: give a scheme and host, as in "https://example.com/articles/vision-board/"`,
			true,
		},
		{
			"scheme-relative entry URL",
			func(f *Feed) { f.Entries[0].URL = "//handbook.example.org/a/" },
			`feed: entry "Running a roadmap review": URL "//handbook.example.org/a/" is not absolute: give a scheme and host, as in "https://handbook.example.org/a/"`,
			true,
		},
		{
			"empty entry URL",
			func(f *Feed) { f.Entries[0].URL = "" },
			`feed: entry "Running a roadmap review": URL "" is not absolute: give a scheme and host, as in "https://example.com/"`,
			true,
		},
		{
			"relative SelfURL",
			func(f *Feed) { f.SelfURL = "articles/feed.xml" },
			`feed: SelfURL "articles/feed.xml" is not absolute: give a scheme and host, as in "https://example.com/articles/feed.xml"`,
			true,
		},
		{
			"relative SiteURL",
			func(f *Feed) { f.SiteURL = "/articles/" },
			`feed: SiteURL "/articles/" is not absolute: give a scheme and host, as in "https://example.com/articles/"`,
			true,
		},
		{
			"relative feed ID",
			func(f *Feed) { f.ID = "/articles/" },
			`feed: ID "/articles/" is not absolute: give an absolute URL or IRI, as in "https://example.com/articles/"`,
			true,
		},
		{
			"http ID without host",
			func(f *Feed) { f.ID = "https:articles" },
			`feed: ID "https:articles" is not absolute: give an absolute URL or IRI, as in "https://example.com/"`,
			true,
		},
		{
			"relative entry ID",
			func(f *Feed) { f.Entries[2].ID = "expectations" },
			`feed: entry "What a team can expect from its Product Owner": ID "expectations" is not absolute: give an absolute URL or IRI, as in "https://example.com/expectations"`,
			true,
		},
		{
			"no Published",
			func(f *Feed) { f.Entries[0].Published = time.Time{} },
			`feed: entry "Running a roadmap review" has no Published date; give the article a date`,
			false,
		},
		{
			"blank entry title",
			func(f *Feed) { f.Entries[1].Title = " \n" },
			`feed: entry 2 has an empty Title; give it a title`,
			false,
		},
		{
			"blank feed title",
			func(f *Feed) { f.Title = "" },
			`feed: Title is empty; give the feed a title`,
			false,
		},
		{
			"shared id",
			func(f *Feed) { f.Entries[2].ID = f.Entries[0].URL },
			`feed: entry "Running a roadmap review" and entry "What a team can expect from its Product Owner" share the id "https://handbook.example.org/articles/roadmap-review/"; ids must be unique`,
			false,
		},
		{
			"empty feed without Updated",
			func(f *Feed) { f.Entries = nil },
			`feed: no entries and no Updated time; set Feed.Updated so the empty feed has a date`,
			false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sample()
			tt.edit(&f)
			var buf bytes.Buffer
			err := Write(&buf, f)
			if err == nil {
				t.Fatalf("no error; output:\n%s", buf.Bytes())
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			if errors.Is(err, ErrNotAbsolute) != tt.notAbsolute {
				t.Errorf("errors.Is(err, ErrNotAbsolute) = %v, want %v", !tt.notAbsolute, tt.notAbsolute)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestWriteAcceptsNonWebIDs(t *testing.T) {
	f := sample()
	f.ID = "urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6"
	x := parse(t, write(t, f))
	if x.ID != f.ID {
		t.Errorf("id = %q, want %q", x.ID, f.ID)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriterError(t *testing.T) {
	err := Write(failWriter{}, sample())
	if err == nil || err.Error() != "feed: write: disk full" {
		t.Errorf("error = %v, want %q", err, "feed: write: disk full")
	}
}
