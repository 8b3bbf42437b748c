package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"sort"
	"strings"
	"testing"
)

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func TestScratch(t *testing.T) {
	docs := markdownDocs(t, "../../content")
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][3]int{}
	var names []string
	for n, b := range files {
		names = append(names, n)
		k := strings.SplitN(n, "/", 2)[0]
		v := kinds[k]
		v[0]++
		v[1] += len(b)
		v[2] += gz(b)
		kinds[k] = v
	}
	sort.Strings(names)
	fmt.Println(len(docs), kinds)
	for _, n := range names {
		fmt.Println(n, len(files[n]), gz(files[n]))
	}
	fmt.Println(string(files["index.json"]))
	fmt.Printf("%+v\n", docs[20])
}
