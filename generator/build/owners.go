package build

// Every output path has one owner. Before a build writes anything, each
// producer of output files claims the paths it will write: serve's reserved
// folder, the theme's assets, the generated files (404 page, sitemap,
// robots.txt, print page, tag pages, articles feed, search index), the
// pages, the content's static files and the aliases. A path claimed twice,
// or a file where another claim needs a folder, is an error naming both
// owners, at the content file's position where one of them has a file;
// without this, the later writer silently replaced the earlier (a content
// file could replace the theme's script). Pages claiming one URL twice are
// content's own check (content.newSite) and are not reported again here.

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
)

// ReservedDir is the folder below the base path that serve answers itself
// (the live-reload script and its events): no output file may go there, so
// that a site that builds also previews.
const ReservedDir = "__playbook/"

// ownerKind tells what claims a path, which decides how a collision is
// reported.
type ownerKind int

const (
	generatedOwner ownerKind = iota // a file the build makes, or serve's folder
	pageOwner
	staticOwner
	aliasOwner
)

// owner is what claims an output path.
type owner struct {
	kind ownerKind
	// what names it in messages: "the 404 page", "the page content/p.md".
	what string
	// file, line and col are where to report a collision it is part of;
	// file is "" for what the build makes.
	file      string
	line, col int
	// alias is the alias as written, for an alias; url the page URL, for a
	// page.
	alias, url string
}

// claims is the registry of one build's output paths.
type claims struct {
	exact map[string]owner
	// folders are whole folders claimed ("search/"), with their owners.
	folders map[string]owner
	// dirs maps every folder that a claimed path needs to one such path.
	dirs  map[string]string
	diags diag.List
}

// claimOutputs claims every output path of the site and returns the
// collisions.
func (s *Site) claimOutputs() diag.List {
	c := &claims{exact: map[string]owner{}, folders: map[string]owner{}, dirs: map[string]string{}}
	c.claimFolder(ReservedDir, owner{what: "__playbook/, where serve answers its live reload"})
	for _, a := range s.assets {
		c.claim(a.Path, owner{what: assetOwner(a)})
		// serve writes the stylesheet and the script under fixed names and a
		// build under fingerprinted ones: each claims both, so that a site
		// that previews also builds.
		if other := a.otherName; other != "" {
			c.claim(other, owner{what: assetOwner(a)})
		}
	}
	s.claimOutputFiles(c, false)
	for _, p := range s.Content.Pages {
		if s.Content.PageByURL(p.URL) != p {
			continue // a second page at one URL: content reports it
		}
		o := owner{kind: pageOwner, what: pageName(p), url: p.URL}
		if !p.Generated {
			o.file, o.line, o.col = p.DisplayPath, 1, 1
			if pos, ok := p.FrontMatter.Pos["slug"]; ok && p.Slug != "" {
				o.line, o.col = pos.Line, pos.Col
			}
		}
		c.claim(p.OutFile, o)
	}
	for _, f := range s.Content.Files {
		c.claim(f.File, owner{kind: staticOwner, what: "the file " + f.DisplayPath, file: f.DisplayPath})
	}
	s.claimOutputFiles(c, true)
	c.diags.Sort()
	return c.diags
}

// claimAliases claims the file of every alias.
func claimAliases(s *Site, c *claims) {
	for _, p := range s.Content.Pages {
		for _, a := range p.Aliases {
			file, err := aliasFile(a)
			if err != nil {
				continue // s.aliases reports it
			}
			pos := p.FrontMatter.Pos["aliases"]
			c.claim(file, owner{kind: aliasOwner, what: "an alias of " + p.DisplayPath, file: p.DisplayPath, line: pos.Line, col: pos.Col, alias: a})
		}
	}
}

// claimTags claims the tag index and each tag's page.
func claimTags(s *Site, c *claims) {
	if tags := s.tagNames(); len(tags) > 0 {
		c.claim("tags/index.html", owner{what: "the tag index"})
		for _, t := range tags {
			c.claim("tags/"+t.slug+"/index.html", owner{what: fmt.Sprintf("the page of the tag %q", t.name)})
		}
	}
}

// pageName names a page in messages.
func pageName(p *content.Page) string {
	if p.Generated {
		if p.Section == "" {
			return "the generated home page"
		}
		return "the generated page of the folder " + p.Section + "/"
	}
	return "the page " + p.DisplayPath
}

// assetOwner names a theme asset in messages.
func assetOwner(a outputAsset) string {
	if a.Origin == "" {
		return "the theme's stylesheet (its static/css/ and the code highlighting)"
	}
	return "the theme's file " + a.Origin
}

// claimFolder claims a whole folder of the output.
func (c *claims) claimFolder(dir string, o owner) { c.folders[dir] = o }

// claim claims one output path for o, reporting a collision with an earlier
// claim of the path, of a folder it is in, or of a path it would need as a
// folder.
func (c *claims) claim(rel string, o owner) {
	if first, taken := c.exact[rel]; taken {
		c.collide(rel, first, o, "")
		return
	}
	for dir, first := range c.folders {
		if strings.HasPrefix(rel, dir) {
			c.collide(rel, first, o, dir)
			return
		}
	}
	// A file where another claim needs a folder, either way round.
	if other, ok := c.dirs[rel]; ok {
		c.collideFolder(rel, o, other, c.exact[other])
		return
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if first, ok := c.exact[dir]; ok {
			c.collideNeed(rel, dir, first, o)
			return
		}
	}
	c.exact[rel] = o
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if _, ok := c.dirs[dir]; ok {
			break
		}
		c.dirs[dir] = rel
	}
}

// collide reports rel claimed by first and then by second; in is the
// claimed folder rel is in, "" for a path claimed as itself.
func (c *claims) collide(rel string, first, second owner, in string) {
	// Report at the one with a file: the second, unless only the first
	// has one.
	at, other := second, first
	if at.file == "" && other.file != "" {
		at, other = first, second
	}
	where := "the address of " + other.what
	if in != "" {
		where = "in " + other.what
	}
	var msg string
	switch at.kind {
	case aliasOwner:
		switch {
		case other.kind == pageOwner && in == "":
			msg = fmt.Sprintf("alias %q is the URL of page %s: remove the alias", at.alias, other.file)
		case other.kind == aliasOwner:
			msg = fmt.Sprintf("alias %q is also an alias of %s: keep it on one page", at.alias, other.file)
		default:
			msg = fmt.Sprintf("alias %q is %s: remove the alias", at.alias, where)
		}
	case pageOwner:
		msg = fmt.Sprintf("page URL %s is %s: rename the file or give it a different slug", at.url, where)
	case staticOwner:
		if in != "" {
			msg = fmt.Sprintf("published at %s, in %s: rename or move the file", rel, other.what)
		} else {
			msg = fmt.Sprintf("published at %s, where %s is written: rename or move the file", rel, other.what)
		}
	default:
		// Two things the build makes: a theme's file at a generated path.
		msg = fmt.Sprintf("%s and %s are both written at %s", first.what, second.what, rel)
	}
	c.report(at, msg)
}

// collideFolder reports o's claim of rel as a file, where other (claimed by
// first) needs rel as a folder.
func (c *claims) collideFolder(rel string, o owner, other string, first owner) {
	if o.file == "" && first.file != "" {
		c.collideNeed(other, rel, o, first)
		return
	}
	c.report(o, fmt.Sprintf("published at %s, a folder of %s, where %s is written: rename or move the file", rel, other, first.what))
}

// collideNeed reports o's claim of rel, which needs dir as a folder, where
// first has claimed dir as a file.
func (c *claims) collideNeed(rel, dir string, first, o owner) {
	if o.file == "" || first.kind == staticOwner && o.kind != staticOwner {
		c.report(first, fmt.Sprintf("published at %s, a folder of %s, where %s is written: rename or move the file", dir, rel, o.what))
		return
	}
	switch o.kind {
	case pageOwner:
		c.report(o, fmt.Sprintf("page URL %s needs a folder at %s, where %s is written: rename the file or give it a different slug", o.url, dir, first.what))
	case aliasOwner:
		if path.Clean(o.alias) == "/"+dir {
			// "/sitemap.xml" is written as sitemap.xml/index.html, but a
			// reader asking for /sitemap.xml gets the sitemap.
			c.report(o, fmt.Sprintf("alias %q is the address of %s: remove the alias", o.alias, first.what))
			return
		}
		c.report(o, fmt.Sprintf("alias %q needs a folder at %s, where %s is written: remove the alias", o.alias, dir, first.what))
	default:
		c.report(o, fmt.Sprintf("published at %s, which needs a folder at %s, where %s is written: rename or move the file", rel, dir, first.what))
	}
}

func (c *claims) report(at owner, msg string) {
	c.diags = append(c.diags, diag.Errorf(at.file, at.line, at.col, "%s", msg))
}

// tagName is a tag of the site: its URL segment and its name as first written.
type tagName struct{ slug, name string }

// tagNames returns the site's tags, sorted by slug.
func (s *Site) tagNames() []tagName {
	names := map[string]string{}
	for _, p := range s.Content.Pages {
		for _, t := range p.Tags {
			slug := tagSlug(t)
			if _, ok := names[slug]; !ok && slug != "" {
				names[slug] = t
			}
		}
	}
	out := make([]tagName, 0, len(names))
	for slug, name := range names {
		out = append(out, tagName{slug, name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].slug < out[j].slug })
	return out
}
