package markup

import (
	"strings"
	"testing"
)

// longLine is one line of n links, each written "[é](/a.md)" (ten runes,
// eleven bytes), after text that puts the first one in column 7.
func longLine(n int) []byte {
	return []byte("Links: " + strings.Repeat("[é](/a.md)", n) + "\n")
}

// TestPositionsOnOneLongLine checks the column of every link of a line of
// 100,000 links, which the build counts in runes from the line's start.
func TestPositionsOnOneLongLine(t *testing.T) {
	const n = 100000
	res, err := New(Options{}).Render(Document{Source: longLine(n), Path: "p.md", LineOffset: 3, Resolver: fakeResolver{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Links) != n {
		t.Fatalf("%d links found, want %d", len(res.Links), n)
	}
	for i, l := range res.Links {
		if want := 8 + 10*i; l.Line != 4 || l.Col != want {
			t.Fatalf("link %d at %d:%d, want 4:%d", i, l.Line, l.Col, want)
		}
	}
}

// TestPositionsInAnyOrder asks for positions out of order, on several
// lines, as the readers of the content kinds do.
func TestPositionsInAnyOrder(t *testing.T) {
	src := []byte("ab\nçé x\n\nlast é line")
	st := newDocState(Document{Source: src, LineOffset: 1})
	for _, tt := range []struct{ off, line, col int }{
		{7, 3, 3}, {0, 2, 1}, {5, 3, 2}, {3, 3, 1}, {len(src), 5, 12}, {13, 5, 3}, {2, 2, 3}, {8, 3, 4}, {-1, 2, 1}, {99, 5, 12}, {16, 5, 6}, {18, 5, 7},
	} {
		if line, col := st.position(tt.off); line != tt.line || col != tt.col {
			t.Errorf("offset %d at %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

// BenchmarkLongLine renders one line of 100,000 links: every link's column
// is counted from the start of the line.
func BenchmarkLongLine(b *testing.B) {
	r := New(Options{})
	doc := Document{Source: longLine(100000), Path: "p.md", Resolver: fakeResolver{}}
	b.SetBytes(int64(len(doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(doc); err != nil {
			b.Fatal(err)
		}
	}
}
