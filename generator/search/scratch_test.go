package search

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func publicDocs(t *testing.T) []Doc {
	var docs []Doc
	art := regexp.MustCompile(`(?s)<article[^>]*>(.*)</article>`)
	title := regexp.MustCompile(`<h1>(.*?)</h1>`)
	filepath.Walk("../../public", func(p string, info os.FileInfo, err error) error {
		if !strings.HasSuffix(p, "index.html") {
			return nil
		}
		b, _ := os.ReadFile(p)
		m := art.FindSubmatch(b)
		if m == nil || strings.Contains(p, "print") {
			return nil
		}
		tt := title.FindSubmatch(m[1])
		url := strings.TrimSuffix(strings.TrimPrefix(p, "../../public"), "index.html")
		docs = append(docs, DocFromHTML(url, string(tt[1]), "", m[1]))
		return nil
	})
	return docs
}

func TestScratch(t *testing.T) {
	for _, src := range []string{"content", "public"} {
		var docs []Doc
		if src == "public" {
			docs = publicDocs(t)
		} else {
			docs = markdownDocs(t, "../../content")
		}
		for _, lim := range []limits{
			defaultLimits(),
			{snippet: 120, chunk: 1000, maxPerChunk: 32, part: 8, shard: 1500, external: 1024},
			{snippet: 160, chunk: 1000, maxPerChunk: 32, part: 4, shard: 1500, external: 1024},
			{snippet: 120, chunk: 1000, maxPerChunk: 32, part: 4, shard: 1500, external: 1024},
			{snippet: 120, chunk: 1000, maxPerChunk: 32, part: 4, shard: 1000, external: 1024},
		} {
			files, _ := build(docs, lim)
			worst, sum := 0, 0
			for _, q := range firstQueries {
				n := fetchBytes(t, files, neededFiles(t, files, q))
				worst = max(worst, n)
				sum += n
			}
			fmt.Println(src, len(docs), lim, len(files), "worst", worst, "avg", sum/len(firstQueries))
		}
	}
}

func TestScratch2(t *testing.T) {
	docs := publicDocs(t)
	files, _ := build(docs, defaultLimits())
	fmt.Println(string(files["index.json"]))
	for _, q := range firstQueries[:2] {
		for _, n := range neededFiles(t, files, q) {
			fmt.Println(q, n, len(files[n]), gzipSize(t, files[n]))
		}
	}
	for _, d := range docs {
		fmt.Println(d.URL, len(d.Sections))
	}
}
