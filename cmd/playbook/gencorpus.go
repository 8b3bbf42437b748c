package main

import (
	"fmt"
	"io"

	"github.com/playbookhq/playbook/generator/corpus"
)

func defineGenCorpus(f *flags, e *env) func([]string) int {
	n, out := new(int), new(string)
	f.fs.IntVar(n, "n", 1000, "number of pages")
	f.fs.StringVar(out, "o", "", "output folder (must be empty or absent); the pages go in OUT/content")
	seed := f.fs.Int64("seed", 1, "random seed: the same seed writes the same files")
	return func(args []string) int {
		if !noArgs("gen-corpus", args, e, false) {
			return exitUsage
		}
		return runGenCorpus(*n, *out, *seed, e.stdout, e.stderr)
	}
}

func runGenCorpus(n int, out string, seed int64, stdout, stderr io.Writer) int {
	if out == "" {
		fmt.Fprintln(stderr, "playbook gen-corpus: -o DIR is required")
		return exitUsage
	}
	written, err := corpus.Generate(out+"/content", corpus.Options{Pages: n, Seed: seed})
	if err != nil {
		fmt.Fprintf(stderr, "playbook gen-corpus: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Wrote %d pages to %s/content\n", written, out)
	return exitOK
}
