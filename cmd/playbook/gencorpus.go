package main

import (
	"fmt"
	"io"

	"github.com/playbookhq/playbook/generator/corpus"
)

func runGenCorpus(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("gen-corpus", "Writes a generated, deterministic playbook-shaped site for benchmarks.", stdout)
	n := fs.Int("n", 1000, "number of pages")
	out := fs.String("o", "", "output folder (must be empty or absent); the pages go in OUT/content")
	seed := fs.Int64("seed", 1, "random seed: the same seed writes the same files")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "playbook gen-corpus: -o DIR is required")
		return exitUsage
	}
	written, err := corpus.Generate(*out+"/content", corpus.Options{Pages: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(stderr, "playbook gen-corpus: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Wrote %d pages to %s/content\n", written, *out)
	return exitOK
}
