package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/playbookhq/playbook/generator/build"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "Runs every content check without writing a site and lists each problem as file:line:col: message.\nExit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), 2 usage error.", stdout)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder holding playbook.toml and content/")
	fs.StringVar(&opts.Source, "s", ".", "shorthand for --source")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	format := fs.String("format", "text", "output format: text, or json (one object per line, for tools and editors)")
	external := fs.Bool("external", false, "also check http(s) links (concurrently, cached for a day in .playbook/linkcheck.json)")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "playbook check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	start := time.Now()
	problems, site, err := build.Check(opts)
	if err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	if *external && site != nil {
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
		if *format == "json" {
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
		pages = len(site.Content.Pages)
	}
	fmt.Fprintf(stderr, "Checked %d pages in %s: %d error%s, %d warning%s\n", pages, time.Since(start).Round(time.Millisecond), errs, plural(errs), warns, plural(warns))
	if errs > 0 || *strict && warns > 0 {
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
