package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/linkcheck"
)

// ExternalCacheFile is where `check --external` keeps its results, relative
// to the site folder, so that a re-run within a day does not fetch again.
const ExternalCacheFile = ".playbook/linkcheck.json"

// CheckExternal fetches every http(s) link the last Check recorded and
// reports those that do not answer with success. It reads and writes the
// cache file in the site folder.
func (s *Site) CheckExternal(opts Options) (diag.List, error) {
	var links []linkcheck.Link
	s.links.mu.Lock()
	for _, p := range s.Content.Pages {
		pl := s.links.pages[p.File]
		if pl == nil {
			continue
		}
		for _, l := range pl.external {
			links = append(links, linkcheck.Link{URL: l.URL, File: p.DisplayPath, Line: l.Line, Col: l.Col})
		}
	}
	s.links.mu.Unlock()
	if len(links) == 0 {
		return nil, nil
	}
	cache := filepath.Join(opts.source(), ExternalCacheFile)
	if err := os.MkdirAll(filepath.Dir(cache), 0o755); err != nil {
		return nil, fmt.Errorf("creating the link cache folder: %w", err)
	}
	results, err := linkcheck.Check(context.Background(), links, linkcheck.Options{
		CacheFile: cache,
		Ignore:    s.Config.IgnoreExternalLinks,
	})
	if err != nil {
		return nil, fmt.Errorf("checking external links: %w", err)
	}
	var diags diag.List
	for _, r := range results {
		if r.Err != "" {
			diags = append(diags, diag.Errorf(r.File, r.Line, r.Col, "external link %q: %s", r.URL, r.Err))
		}
	}
	return diags, nil
}
