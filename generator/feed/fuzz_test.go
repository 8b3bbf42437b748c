package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// FuzzWrite checks that any title and content give a feed that parses as XML and gives the
// same text back, apart from what XML cannot carry at all.
func FuzzWrite(f *testing.F) {
	for _, seed := range [][2]string{
		{"Running a roadmap review", "<p>Quarterly.</p>"},
		{"if a < b && c ]]> d", "<![CDATA[x]]> & <b>bold</b>"},
		{"tabs\tand\r\nnewlines", "line one\r\nline two\r"},
		{"nul \x00 and \x1b escape", "invalid \xff utf-8 \ufffe"},
		{"  ", ""},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, title, content string) {
		feed := Feed{
			Title:   title,
			ID:      "https://handbook.example.org/articles/",
			SelfURL: "https://handbook.example.org/articles/feed.xml",
			Entries: []Entry{{
				Title:     title,
				URL:       "https://handbook.example.org/articles/a/",
				Published: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC),
				Content:   content,
				Tags:      []string{title},
			}},
		}
		var buf bytes.Buffer
		err := Write(&buf, feed)
		if strings.TrimSpace(title) == "" {
			if err == nil {
				t.Fatalf("blank title %q accepted", title)
			}
			return
		}
		if err != nil {
			t.Fatalf("Write: %v", err)
		}
		var x xFeed
		if err := xml.Unmarshal(buf.Bytes(), &x); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, buf.Bytes())
		}
		want := xmlText(title)
		if x.Title != want || len(x.Entries) != 1 || x.Entries[0].Title != want {
			t.Fatalf("title round trip: got %q, want %q", x.Title, want)
		}
		if len(x.Entries[0].Categories) != 1 || x.Entries[0].Categories[0].Term != want {
			t.Fatalf("tag round trip: got %+v, want %q", x.Entries[0].Categories, want)
		}
		if content != "" && (x.Entries[0].Content == nil || x.Entries[0].Content.Body != xmlText(content)) {
			t.Fatalf("content round trip: got %+v, want %q", x.Entries[0].Content, xmlText(content))
		}
	})
}

// xmlText is s as XML can carry it: each invalid UTF-8 byte and each character outside
// the XML 1.0 Char production becomes U+FFFD, as encoding/xml writes them.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s { // an invalid byte comes out as utf8.RuneError, one per byte
		if r == 0x09 || r == 0x0A || r == 0x0D ||
			r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
