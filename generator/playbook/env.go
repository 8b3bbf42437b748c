package playbook

import (
	"html/template"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/view"
)

// Env is what a kind may use of the site while it makes views, blocks and
// files: the content, the site data of the theme, the config, and the
// theme's partial templates.
type Env struct {
	Content *content.Site
	Data    *view.SiteData
	Config  config.Config
	// Partial renders one of the theme's partial templates.
	Partial func(name string, data any) (template.HTML, error)
	// TagURL is the site path of a tag's page.
	TagURL func(tag string) string
	// Kinds are the site's kinds.
	Kinds []Kind
}

// URL is a page's site path under the base path.
func (e *Env) URL(p *content.Page) string { return e.Data.RelURL(p.URL) }

// Link is the link to a page, titled with its title.
func (e *Env) Link(p *content.Page) view.Link { return view.Link{Title: p.Title, URL: e.URL(p)} }

// TagLinks links tags to their pages.
func (e *Env) TagLinks(tags []string) []view.Link {
	out := make([]view.Link, 0, len(tags))
	for _, t := range tags {
		out = append(out, view.Link{Title: t, URL: e.TagURL(t)})
	}
	return out
}

// Folder is the top-level folder of a kind's pages: the config's, else the
// kind's default.
func (e *Env) Folder(kind string) string {
	if f := e.Config.Kinds[kind]; f != "" {
		return f
	}
	for _, k := range e.Kinds {
		if k.Name() == kind {
			return k.Folder()
		}
	}
	return ""
}
