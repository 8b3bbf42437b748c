package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/playbookhq/playbook/generator/build"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "Builds the site in the source folder into the destination folder.\nExit status: 0 built, 1 content errors (all listed), 2 usage error.", stdout)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder holding playbook.toml and content/")
	fs.StringVar(&opts.Source, "s", ".", "shorthand for --source")
	fs.StringVar(&opts.Destination, "destination", "", "output folder (default SOURCE/public)")
	fs.StringVar(&opts.Destination, "d", "", "shorthand for --destination")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "absolute URL or path the site is served under, e.g. https://example.org/handbook/")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&opts.CleanDestinationDir, "cleanDestinationDir", false, "replace the destination even if it holds files playbook did not write (deleting them)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (read it with go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile taken after the build to `file`")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	tuneGCForBuild()
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	res, err := build.Build(opts)
	if perr := stop(); perr != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", perr)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w.String())
	}
	if err != nil {
		return reportError(stderr, err, res.HadOutput)
	}
	dest := res.Destination
	if rel, err := filepath.Rel(".", dest); err == nil {
		dest = rel
	}
	fmt.Fprintf(stdout, "Built %d pages in %s → %s/\n", res.Pages, res.Duration.Round(time.Millisecond), filepath.ToSlash(dest))
	return exitOK
}

// reportError prints a build error: every content problem on its own line,
// then a count, and whether an earlier output is still there.
func reportError(stderr io.Writer, err error, hadOutput bool) int {
	var le *build.Problems
	if errors.As(err, &le) {
		for _, d := range le.List {
			fmt.Fprintln(stderr, d.String())
		}
		n := len(le.List)
		plural := "s"
		if n == 1 {
			plural = ""
		}
		kept := "the output folder was left as it was"
		if !hadOutput {
			kept = "no output folder was written"
		}
		fmt.Fprintf(stderr, "Build failed: %d error%s; %s.\n", n, plural, kept)
		return exitContent
	}
	fmt.Fprintf(stderr, "playbook: %v\n", err)
	return exitContent
}
