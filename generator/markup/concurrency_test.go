package markup

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// TestRenderConcurrent renders different pages from 8 goroutines at once
// and compares every result with the one rendered alone: ids, title and
// diagnostics must not leak from one document into another.
func TestRenderConcurrent(t *testing.T) {
	r := New(Options{})
	docs := make([]Document, 16)
	want := make([]Result, len(docs))
	for i := range docs {
		src := fmt.Sprintf("# Page %d\n\n## Intro\n\n## Intro\n\nSee [broken](missing-%d.md) and [ok](p%d.md).\n\n> [!NOTE]\n> Note %d.\n\n```go\nvar x = %d\n```\n", i, i, i, i, i)
		docs[i] = Document{Source: []byte(src), Path: fmt.Sprintf("p%d.md", i), LineOffset: i, Resolver: fakeResolver{}}
		res, err := r.Render(docs[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				i := (g*7 + n) % len(docs)
				got, err := r.Render(docs[i])
				if err != nil {
					errs <- err
					return
				}
				if got.HTML != want[i].HTML || got.Title != want[i].Title ||
					!reflect.DeepEqual(got.Headings, want[i].Headings) ||
					!reflect.DeepEqual(got.Diagnostics, want[i].Diagnostics) {
					errs <- fmt.Errorf("doc %d differs when rendered concurrently:\n%s\n%+v", i, got.HTML, got.Diagnostics)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// The sequential results themselves must be per document.
	if got := want[3].Headings[1].ID; got != "intro-1" {
		t.Errorf("second Intro id = %q, want intro-1", got)
	}
	if got := want[3].Diagnostics[0].String(); got != `p3.md:10:5: link to "missing-3.md": no such page; did you mean "roles/product-owner.md"?` {
		t.Errorf("diagnostic = %q", got)
	}
}
