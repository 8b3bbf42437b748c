package main

import (
	"github.com/playbookhq/playbook/generator/build"
)

// checkExternal checks the site's http(s) links; wired to the linkcheck
// package.
func checkExternal(site *build.Site, opts build.Options) ([]build.Problem, error) {
	return site.CheckExternal(opts)
}
