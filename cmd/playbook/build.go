package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/config"
)

func defineBuild(f *flags, e *env) func([]string) int {
	var opts build.Options
	f.String(&opts.Source, "source", "s", ".", "site `folder` holding playbook.toml and content/")
	f.String(&opts.Destination, "destination", "d", "", "output `folder` (default SOURCE/public)")
	f.String(&opts.BaseURL, "baseURL", "", "", "absolute `URL` or path the site is served under, e.g. https://example.org/handbook/")
	f.Bool(&opts.Drafts, "drafts", "", "include pages marked draft: true")
	f.Bool(&opts.CleanDestinationDir, "cleanDestinationDir", "", "replace the destination even if it holds files playbook did not write (deleting them)")
	f.Choice(&opts.Redirects, "redirects", "", config.RedirectHosts, "also write the _redirects file of a static host: a 301 from every alias, and the 404 page")
	cpuProfile, memProfile := new(string), new(string)
	f.String(cpuProfile, "cpuprofile", "", "", "write a CPU profile of the build to `file` (read it with go tool pprof)")
	f.String(memProfile, "memprofile", "", "", "write a heap profile taken after the build to `file`")
	outputFlags(f, e)
	return func(args []string) int {
		if !noArgs("build", args, e, true) {
			return exitUsage
		}
		if opts.BaseURL != "" {
			if err := config.CheckBaseURL("--baseURL", opts.BaseURL); err != nil {
				fmt.Fprintf(e.stderr, "playbook build: %v\n", err)
				return exitUsage
			}
		}
		return runBuild(opts, *cpuProfile, *memProfile, e)
	}
}

func runBuild(opts build.Options, cpuProfile, memProfile string, e *env) int {
	tuneGCForBuild()
	stop, err := startProfiles(cpuProfile, memProfile)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	res, err := build.Build(opts)
	if perr := stop(); perr != nil {
		fmt.Fprintf(e.stderr, "playbook build: %v\n", perr)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(e.stderr, w.String())
	}
	if err != nil {
		return reportError(e.stderr, err, res.HadOutput)
	}
	dest := res.Destination
	if rel, err := filepath.Rel(".", dest); err == nil {
		dest = rel
	}
	for _, line := range res.Inputs {
		e.detail("%s", line)
	}
	e.say("Built %s in %s → %s/", res.Count, res.Duration.Round(time.Millisecond), filepath.ToSlash(dest))
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
