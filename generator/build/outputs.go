package build

import (
	"fmt"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/playbook"
)

// An output is one kind of file the build writes besides the pages, the
// theme's assets and the content's own files: the 404 page, the aliases,
// the tag pages, the sitemap… Each is registered once, in outputs, with
// everything the build, check and serve need to know of it: the paths it
// claims before anything is written, the files it produces with their
// problems (which check reports too), and whether it shows page bodies,
// which decides when serve makes it again. A new output is one entry here.
type output struct {
	// name names the output in messages: "the sitemap", "robots.txt".
	name string
	// bodies is true for an output made from the pages' text (the search
	// index, the print page, the kinds' files such as the articles feed):
	// serve makes it again on every rebuild. The others show only what the
	// site's signature covers, and serve makes them again only when it
	// changes.
	bodies bool
	// claim claims the output's paths (nil: produce's files are claimed).
	claim func(s *Site, c *claims)
	// produce makes the output's files, with the problems found.
	produce func(s *Site) ([]outputAsset, diag.List)
	// checked is true for an output whose problems check reports; the
	// others produce none that the build does not report elsewhere.
	checked bool
	// afterPages claims after the pages and the content's files: the
	// aliases, which the pages' own front matter writes, so that an alias
	// onto a page is reported as the alias's fault.
	afterPages bool
}

// outputs lists the outputs of the site, in the order of their problems.
func (s *Site) outputs() []output {
	return []output{
		{name: "the 404 page", produce: one("404.html", (*Site).renderNotFound)},
		{name: "the aliases", produce: (*Site).aliases, checked: true, claim: claimAliases, afterPages: true},
		{name: "the redirects file", produce: func(s *Site) ([]outputAsset, diag.List) {
			if f, ok := s.redirectsFile(); ok {
				return []outputAsset{f}, nil
			}
			return nil, nil
		}},
		{name: "the tag pages", produce: (*Site).tagPages, claim: claimTags},
		{name: "the sitemap", produce: func(s *Site) ([]outputAsset, diag.List) {
			return []outputAsset{{Path: "sitemap.xml", Data: s.sitemap()}}, nil
		}},
		{name: "robots.txt", produce: func(s *Site) ([]outputAsset, diag.List) {
			return []outputAsset{{Path: "robots.txt", Data: s.robots()}}, nil
		}},
		{name: "the print page", bodies: true, produce: func(s *Site) ([]outputAsset, diag.List) {
			data, err := s.printPage()
			if err != nil {
				return nil, diag.List{diag.Errorf("", 0, 0, "%v", err)}
			}
			if data == nil {
				return nil, nil
			}
			return []outputAsset{{Path: printFile, Data: data}}, nil
		}, claim: func(s *Site, c *claims) {
			if s.printable() {
				c.claim(printFile, owner{what: "the print page"})
			}
		}},
		{name: "the search index", bodies: true, produce: func(s *Site) ([]outputAsset, diag.List) {
			if s.deferSearch {
				return nil, nil
			}
			files, err := s.searchFiles()
			if err != nil {
				return nil, diag.List{diag.Errorf("", 0, 0, "building the search index: %v", err)}
			}
			return files, nil
		}, claim: func(_ *Site, c *claims) {
			c.claimFolder(searchDir, owner{what: "search/, where the search index is written"})
		}},
		{name: "the kinds' files", bodies: true, checked: true, produce: func(s *Site) ([]outputAsset, diag.List) {
			return s.kindFiles, s.kindDiags
		}},
	}
}

// printFile is the print page's output file.
const printFile = "print/index.html"

// one makes a produce function of a renderer of one file.
func one(path string, render func(*Site) ([]byte, error)) func(*Site) ([]outputAsset, diag.List) {
	return func(s *Site) ([]outputAsset, diag.List) {
		data, err := render(s)
		if err != nil {
			return nil, diag.List{diag.Errorf("", 0, 0, "%v", err)}
		}
		return []outputAsset{{Path: path, Data: data}}, nil
	}
}

// produceOutputs makes the outputs, all of them or only those made from
// page bodies, on every core.
func (s *Site) produceOutputs(bodiesOnly bool) ([]outputAsset, diag.List) {
	var todo []output
	for _, o := range s.outputs() {
		if o.bodies || !bodiesOnly {
			todo = append(todo, o)
		}
	}
	files := make([][]outputAsset, len(todo))
	problems := make([]diag.List, len(todo))
	parallel.For(len(todo), func(i int) { files[i], problems[i] = todo[i].produce(s) })
	var out []outputAsset
	var diags diag.List
	for i := range todo {
		out = append(out, files[i]...)
		diags = append(diags, problems[i]...)
	}
	return out, diags
}

// checkOutputs reports the problems of the outputs that have some, for
// check, which writes nothing.
func (s *Site) checkOutputs() diag.List {
	var diags diag.List
	for _, o := range s.outputs() {
		if o.checked {
			_, more := o.produce(s)
			diags = append(diags, more...)
		}
	}
	return diags
}

// claimOutputFiles claims the paths of the outputs that claim before the
// pages (or after them, with afterPages): by the output's own claim, or else
// by producing it (the outputs without a claim are single files, cheap to
// make).
func (s *Site) claimOutputFiles(c *claims, afterPages bool) {
	for _, o := range s.outputs() {
		if o.afterPages != afterPages {
			continue
		}
		if o.claim != nil {
			o.claim(s, c)
			continue
		}
		files, _ := o.produce(s)
		for _, f := range files {
			what := f.what
			if what == "" {
				what = o.name
			}
			c.claim(f.Path, owner{what: what})
		}
	}
}

// signatureOutputs returns the output paths that depend only on the site's
// signature: the theme's assets and the outputs not made from page bodies,
// as the last full build produced them (produced lists every path it
// wrote).
func (s *Site) signatureOutputs(produced map[string][32]byte) map[string]bool {
	out := map[string]bool{}
	for _, a := range s.assets {
		out[a.Path] = true
	}
	for _, o := range s.outputs() {
		if o.bodies {
			continue
		}
		files, _ := o.produce(s)
		for _, f := range files {
			if _, ok := produced[f.Path]; ok {
				out[f.Path] = true
			}
		}
	}
	return out
}

// readKindFiles runs the kinds' Outputs once the book is read, so that
// their files can be claimed and a feed linked before any page renders.
func (s *Site) readKindFiles() {
	s.kindFiles, s.kindDiags = nil, nil
	for _, k := range s.Book.Kinds() {
		o, ok := k.(playbook.Outputter)
		if !ok {
			continue
		}
		files, more := o.Outputs(s.Book, s.env())
		s.kindDiags = append(s.kindDiags, more...)
		for _, f := range files {
			what := f.What
			if what == "" {
				what = fmt.Sprintf("a file of the %s kind", k.Name())
			}
			s.kindFiles = append(s.kindFiles, outputAsset{Path: f.Path, Data: f.Data, what: what, feed: f.Feed})
		}
	}
}

// feedURL returns the site path of the feed a kind writes (the articles
// feed), "" when none is written.
func (s *Site) feedURL() string {
	for _, f := range s.kindFiles {
		if f.feed {
			return s.data.BasePath + strings.TrimPrefix(f.Path, "/")
		}
	}
	return ""
}
