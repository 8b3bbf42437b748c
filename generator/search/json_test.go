package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// jsonStrings are strings whose escaping differs between encoders.
var jsonStrings = []string{
	"", "plain", `say "hi" \ back`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "café – Ωμέγα 中文 😀", "\u2028 and \u2029", "bad \xff\xfe utf-8 \xe2\x82",
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range jsonStrings {
		checkJSONString(t, s)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

// checkJSONString fails when appendJSONString writes s otherwise than
// marshal does.
func checkJSONString(t *testing.T, s string) {
	want, err := marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(appendJSONString(nil, s)) + "\n"; got != string(want) {
		t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
	}
}

// TestDocEntryAsMarshal checks that a document's chunk entry and section
// files are what encoding/json makes of them.
func TestDocEntryAsMarshal(t *testing.T) {
	lim := defaultLimits()
	d := Doc{URL: `/a"b/`, Title: "Café \u2028 <Title>", Sections: []Section{{Text: "top \x01"}}}
	for i := range 2*lim.part + 3 {
		d.Sections = append(d.Sections, Section{ID: "s" + strings.Repeat("x", i), Heading: "Heading\t" + jsonStrings[i%len(jsonStrings)], Text: strings.Repeat("wörd ", i*3)})
	}
	secs := make([][3]string, len(d.Sections))
	for j, s := range d.Sections {
		secs[j] = [3]string{s.ID, s.Heading, truncate(s.Text, lim.snippet)}
	}
	entry, files := docEntry(7, &d, lim)
	want, err := marshal([]any{d.URL, d.Title, secs[:lim.part]})
	if err != nil {
		t.Fatal(err)
	}
	if string(entry)+"\n" != string(want) {
		t.Errorf("entry:\n got %s\nwant %s", entry, want)
	}
	if len(files) != 2 {
		t.Fatalf("%d section files, want 2", len(files))
	}
	for name, part := range map[string][][3]string{"x/7-1.json": secs[lim.part : 2*lim.part], "x/7-2.json": secs[2*lim.part:]} {
		want, err := marshal(part)
		if err != nil {
			t.Fatal(err)
		}
		if string(files[name]) != string(want) {
			t.Errorf("%s:\n got %s\nwant %s", name, files[name], want)
		}
	}
	chunks := map[string][]byte{}
	if per := writeChunks(chunks, []json.RawMessage{entry, entry}, limits{chunk: 1 << 20, maxPerChunk: 2, chunkFiles: 10, crowdedPer: 1}); per != 2 {
		t.Fatalf("%d entries per chunk, want 2", per)
	}
	if want, _ := marshal([]json.RawMessage{entry, entry}); string(chunks["d/0.json"]) != string(want) {
		t.Errorf("chunk:\n got %s\nwant %s", chunks["d/0.json"], want)
	}
}
