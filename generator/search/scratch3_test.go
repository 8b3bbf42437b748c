package search

import (
	"encoding/gob"
	"fmt"
	"os"
	"testing"
)

func cachedDocs(b *testing.B, n int) []Doc {
	name := fmt.Sprintf("/tmp/corpus-%d.gob", n)
	if f, err := os.Open(name); err == nil {
		defer f.Close()
		var docs []Doc
		if gob.NewDecoder(f).Decode(&docs) == nil {
			return docs
		}
	}
	docs := corpusDocs(b, n)
	f, _ := os.Create(name)
	gob.NewEncoder(f).Encode(docs)
	f.Close()
	return docs
}

func BenchmarkScratch(b *testing.B) {
	docs := cachedDocs(b, 10000)
	files, _ := Build(docs)
	fmt.Println(string(files["index.json"]))
	for _, q := range corpusQueries {
		tot := 0
		for _, n := range neededFiles(b, files, q) {
			g := gzipSize(b, files[n])
			tot += g
			fmt.Println(q, n, len(files[n]), g)
		}
		fmt.Println(q, "TOTAL", tot)
	}
}
