package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/playbookhq/playbook/generator/preview"
)

func defineServe(f *flags, e *env) func([]string) int {
	var opts preview.Options
	f.String(&opts.Build.Source, "source", "s", ".", "site `folder` holding playbook.toml and content/")
	f.Int(&opts.Port, "port", "p", 1313, "`port` to listen on (the next free one is taken if it is in use)")
	f.String(&opts.Bind, "bind", "", "127.0.0.1", "`address` to listen on; 0.0.0.0 makes the preview reachable from other machines")
	f.Bool(&opts.Build.Drafts, "drafts", "", "include pages marked draft: true")
	outputFlags(f, e)
	return func(args []string) int {
		if !noArgs("serve", args, e, true) {
			return exitUsage
		}
		if opts.Port < 0 || opts.Port > 65535 {
			fmt.Fprintf(e.stderr, "playbook serve: port %d is out of range: use 1 to 65535 (0 takes any free port)\n", opts.Port)
			return exitUsage
		}
		return runServe(opts, e)
	}
}

func runServe(opts preview.Options, e *env) int {
	opts.Log = e.stdout
	opts.Quiet, opts.Verbose = e.quiet, e.verbose
	p, err := preview.Start(opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(e.stdout, "Serving at %s (Ctrl-C to stop)\n", p.URL())
	if line := networkLine(p.NetworkURLs()); line != "" {
		fmt.Fprintln(e.stdout, line)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := p.Serve(ctx); err != nil {
		fmt.Fprintf(e.stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	e.say("Stopped.")
	return exitOK
}

// networkLine tells where teammates open a preview that listens on every
// interface.
func networkLine(urls []string) string {
	if len(urls) == 0 {
		return ""
	}
	return "On your network: " + strings.Join(urls, " ")
}
