package gitinfo

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkLastModified reads a repository of 2,000 files written over 50
// commits: each commit adds 40 files and edits 10 older ones.
func BenchmarkLastModified(b *testing.B) {
	r := newTestRepo(b)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	const commits, perCommit = 50, 40
	for c := range commits {
		files := make(map[string]string, perCommit+10)
		for i := range perCommit {
			n := c*perCommit + i
			files[fmt.Sprintf("content/section-%02d/page-%04d.md", n%20, n)] = fmt.Sprintf("page %d", n)
		}
		for i := range min(c*perCommit, 10) {
			n := (c*7 + i*13) % (c * perCommit)
			files[fmt.Sprintf("content/section-%02d/page-%04d.md", n%20, n)] = fmt.Sprintf("page %d, edit %d", n, c)
		}
		r.commit(start.Add(time.Duration(c)*time.Hour).Format(time.RFC3339), files)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		dates, err := LastModified(ctx, r.dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(dates) != commits*perCommit {
			b.Fatalf("%d dates, want %d", len(dates), commits*perCommit)
		}
	}
}
