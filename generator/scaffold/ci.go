package scaffold

import (
	"embed"
	"fmt"
	"path/filepath"
	"strings"
)

// The CI files are plain YAML, not templates: GitHub's expressions use the
// same braces as text/template.
//
//go:embed ci/*.yml
var ciFiles embed.FS

// CIHost is a host whose CI publishes a site: the file NewSite writes for
// it (relative to the site) and the embedded file it copies.
type CIHost struct {
	Name, Path, source string
}

// CIHosts are the hosts `new site --ci` knows.
var CIHosts = []CIHost{
	{Name: "github", Path: ".github/workflows/pages.yml", source: "ci/github-pages.yml"},
	{Name: "gitlab", Path: ".gitlab-ci.yml", source: "ci/gitlab-ci.yml"},
}

// CIFile returns the CI file of the host name and where it goes.
func CIFile(name string) (path string, data []byte, err error) {
	var names []string
	for _, h := range CIHosts {
		if h.Name == name {
			data, err := ciFiles.ReadFile(h.source)
			return h.Path, data, err
		}
		names = append(names, h.Name)
	}
	return "", nil, fmt.Errorf("unknown CI host %q: use %s", name, strings.Join(names, " or "))
}

// WithCI makes NewSite also write the CI file that publishes the site on
// host ("github" or "gitlab"); "" writes none.
func WithCI(host string) Option {
	return func(s *Site) { s.ci = host }
}

// writeCI writes the site's CI file, if one was asked for.
func (s *Site) writeCI() (string, error) {
	if s.ci == "" {
		return "", nil
	}
	rel, data, err := CIFile(s.ci)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.root, filepath.FromSlash(rel))
	return path, writeNew(path, data)
}
