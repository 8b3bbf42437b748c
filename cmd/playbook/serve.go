package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/playbookhq/playbook/generator/preview"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "Builds the site, serves it on 127.0.0.1 and rebuilds on every save; open pages reload by themselves.\nStop it with Ctrl-C.", stdout)
	var opts preview.Options
	fs.StringVar(&opts.Build.Source, "source", ".", "site folder holding playbook.toml and content/")
	fs.StringVar(&opts.Build.Source, "s", ".", "shorthand for --source")
	fs.IntVar(&opts.Port, "port", 1313, "port to listen on (the next free one is taken if it is in use)")
	fs.IntVar(&opts.Port, "p", 1313, "shorthand for --port")
	fs.StringVar(&opts.Bind, "bind", "127.0.0.1", "address to listen on; 0.0.0.0 makes the preview reachable from other machines")
	fs.BoolVar(&opts.Build.Drafts, "drafts", false, "include pages marked draft: true")
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if opts.Port < 0 || opts.Port > 65535 {
		fmt.Fprintf(stderr, "playbook serve: port %d is out of range: use 1 to 65535 (0 takes any free port)\n", opts.Port)
		return exitUsage
	}
	opts.Log = stdout
	p, err := preview.Start(opts)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Serving at %s (Ctrl-C to stop)\n", p.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := p.Serve(ctx); err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "Stopped.")
	return exitOK
}
