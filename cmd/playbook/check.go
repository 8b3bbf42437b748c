package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/playbookhq/playbook/generator/build"
)

func defineCheck(f *flags, e *env) func([]string) int {
	var opts build.Options
	var strict, external bool
	var format string
	f.String(&opts.Source, "source", "s", ".", "site `folder` holding playbook.toml and content/")
	f.Bool(&opts.Drafts, "drafts", "", "include pages marked draft: true")
	f.Bool(&strict, "strict", "", "treat warnings as errors")
	f.Choice(&format, "format", "text", []string{"text", "json"}, "output format: text, or json (one object per line, for tools and editors)")
	f.Bool(&external, "external", "", "also check http(s) links (concurrently, cached for a day in .playbook/linkcheck.json)")
	outputFlags(f, e)
	return func(args []string) int {
		if !noArgs("check", args, e, true) {
			return exitUsage
		}
		return runCheck(opts, strict, external, format, e)
	}
}

func runCheck(opts build.Options, strict, external bool, format string, e *env) int {
	stdout, stderr := e.stdout, e.stderr
	start := time.Now()
	problems, site, err := build.Check(opts)
	if err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	if external && site != nil {
		more, err := checkExternal(site, opts)
		if err != nil {
			fmt.Fprintf(stderr, "playbook check: %v\n", err)
			return exitContent
		}
		problems = append(problems, more...)
		problems.Sort()
	}
	errs, warns := 0, 0
	enc := json.NewEncoder(stdout)
	for _, p := range problems {
		severity := "error"
		if p.Severity == build.SeverityWarning {
			severity = "warning"
			warns++
		} else {
			errs++
		}
		if format == "json" {
			enc.Encode(struct {
				File     string `json:"file"`
				Line     int    `json:"line"`
				Column   int    `json:"column"`
				Severity string `json:"severity"`
				Message  string `json:"message"`
			}{p.File, p.Line, p.Col, severity, p.Msg})
			continue
		}
		fmt.Fprintln(stdout, p.String())
	}
	pages := 0
	if site != nil {
		pages = site.MarkdownPages()
		if e.verbose {
			for _, line := range site.Inputs() {
				fmt.Fprintln(stderr, line)
			}
		}
	}
	if e.quiet {
		return status(errs, warns, strict)
	}
	fmt.Fprintf(stderr, "Checked %d page%s in %s: %d error%s, %d warning%s\n", pages, plural(pages), time.Since(start).Round(time.Millisecond), errs, plural(errs), warns, plural(warns))
	return status(errs, warns, strict)
}

// status is check's exit status.
func status(errs, warns int, strict bool) int {
	if errs > 0 || strict && warns > 0 {
		return exitContent
	}
	return exitOK
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
