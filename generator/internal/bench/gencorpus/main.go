// Command gencorpus writes a generated, deterministic, playbook-shaped site
// for the benchmarks:
//
//	go run ./generator/internal/bench/gencorpus -n 10000 -o /tmp/corpus10k
//
// The pages go in OUT/content; the same seed writes the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/playbookhq/playbook/generator/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	out := flag.String("o", "", "output folder (must be empty or absent); the pages go in OUT/content")
	seed := flag.Int64("seed", 1, "random seed: the same seed writes the same files")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n PAGES -o DIR [-seed N]")
		os.Exit(2)
	}
	written, err := corpus.Generate(filepath.Join(*out, "content"), corpus.Options{Pages: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("Wrote %d pages to %s\n", written, filepath.Join(*out, "content"))
}
