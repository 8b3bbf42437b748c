package build

import (
	"html/template"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
)

// The build knows the content kinds only through package playbook: a page
// of a kind gets its model's view as .Kind, a section page of a kind's
// folder the kind's overview, and every page the blocks the kinds add to
// it.

// env is what the kinds may use of the site while they make views.
func (s *Site) env() *playbook.Env {
	s.envOnce.Do(func() {
		s.kindEnv = &playbook.Env{
			Content: s.Content,
			Data:    s.data,
			Config:  s.Config,
			Partial: s.partial,
			TagURL:  func(t string) string { return s.data.BasePath + "tags/" + tagSlug(t) + "/" },
			Kinds:   s.Book.Kinds(),
		}
	})
	return s.kindEnv
}

// partial renders one of the theme's partial templates.
func (s *Site) partial(name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := s.Theme.ExecutePartial(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// addKindData fills in what the kinds give a page's layout.
func (s *Site) addKindData(data *view.PageData, p *content.Page, blocks []playbook.Block) error {
	env := s.env()
	if m := s.Book.Model(p); m != nil {
		data.Kind = m.View(env)
	} else if o := s.Book.Overview(p, env); o != nil {
		data.Kind = o
	}
	views, err := playbook.Views(blocks, env)
	if err != nil {
		return err
	}
	data.Blocks = views
	data.TagLinks = env.TagLinks(p.Tags)
	return nil
}

// listText is what lists of pages show under a page's title: its kind's
// own sentence (a role's summary), else its description.
func (s *Site) listText(p *content.Page) string {
	if l, ok := s.Book.Model(p).(playbook.Listed); ok {
		if t := l.ListText(); t != "" {
			return t
		}
	}
	return p.Description
}

func (s *Site) pageLink(p *content.Page) view.Link { return view.Link{Title: p.Title, URL: s.url(p)} }

// tagSlug is the URL segment of a tag: "CI/CD" → "ci-cd".
func tagSlug(tag string) string { return slug.Make(tag) }
