package kinds

import (
	"bytes"
	"sort"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/feed"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
)

// Articles: dated prose (`date:` is required), newest first. The home page
// lists the newest five, the folder's section page all of them, and the
// folder gets an Atom feed when the site has an absolute base URL.

const kindArticle = "article"

// recentArticles is how many articles the home page lists.
const recentArticles = 5

type articles struct {
	list []*content.Page // dated articles, newest first
}

// article is an article's model: its page says everything.
type article struct{ page *content.Page }

// ArticleLink is an article in a list.
type ArticleLink struct {
	Title       string
	URL         string
	Date        time.Time
	Description string
	Tags        []view.Link
}

func (*articles) Name() string   { return kindArticle }
func (*articles) Folder() string { return "articles" }
func (*articles) Title() string  { return "Articles" }
func (*articles) Description() string {
	return "Dated notes from the team."
}
func (*articles) Keys() []string { return []string{"author"} }

// Read checks that an article is dated.
func (*articles) Read(_ *playbook.Reader, p *content.Page, _ *markup.Parsed) (playbook.Model, diag.List) {
	if _, has := p.Params["date"]; has || !p.Date.IsZero() {
		return article{p}, nil // a malformed date is reported with the front matter
	}
	return article{p}, diag.List{diag.Errorf(p.DisplayPath, 1, 1, "article has no date: add `date: YYYY-MM-DD` to its front matter (articles are listed newest first)")}
}

func (article) View(*playbook.Env) any { return nil }

// Finish lists the dated articles, newest first.
func (k *articles) Finish(b *playbook.Book) diag.List {
	for _, p := range b.Pages(kindArticle) {
		if !p.Date.IsZero() {
			k.list = append(k.list, p)
		}
	}
	sort.SliceStable(k.list, func(i, j int) bool {
		a, b := k.list[i], k.list[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Title < b.Title
	})
	return nil
}

// links returns the newest n articles (all when n < 0).
func (k *articles) links(n int, env *playbook.Env) []ArticleLink {
	list := k.list
	if n >= 0 && len(list) > n {
		list = list[:n]
	}
	out := make([]ArticleLink, 0, len(list))
	for _, a := range list {
		out = append(out, ArticleLink{Title: a.Title, URL: env.URL(a), Date: a.Date, Description: a.Description, Tags: env.TagLinks(a.Tags)})
	}
	return out
}

// Blocks lists the newest articles on the home page.
func (k *articles) Blocks(_ *playbook.Book, p *content.Page, env *playbook.Env) []playbook.Block {
	if p.Kind() != content.KindHome || len(k.list) == 0 {
		return nil
	}
	return []playbook.Block{{ID: "pbRecentArticles", Title: "Recent articles", Template: "partials/recent-articles.html", Data: k.links(recentArticles, env)}}
}

// Overview is every article, on the section pages of the articles folder.
func (k *articles) Overview(_ *playbook.Book, _ *content.Page, env *playbook.Env) any {
	if len(k.list) == 0 {
		return nil
	}
	return k.links(-1, env)
}

// section is the articles folder, nil when the site has none.
func (k *articles) section(env *playbook.Env) *content.Section {
	if len(k.list) == 0 {
		return nil
	}
	return env.Content.Section(env.Folder(kindArticle))
}

// Outputs writes the Atom feed of the articles folder, which needs the
// site's absolute base URL.
func (k *articles) Outputs(b *playbook.Book, env *playbook.Env) ([]playbook.File, diag.List) {
	sec := k.section(env)
	if sec == nil {
		return nil, nil
	}
	d := env.Data
	if d.BaseURL == "" {
		return nil, diag.List{diag.Warnf(env.Config.File, 0, 0,
			"the articles feed is not written: feeds need absolute URLs, so set baseURL (e.g. baseURL = \"https://handbook.example.org/\")")}
	}
	f := feed.Feed{
		Title:    d.Title + ": " + sec.Page.Title,
		Subtitle: sec.Page.Description,
		ID:       d.Permalink(sec.Page.URL),
		SelfURL:  d.Permalink(sec.Page.URL + "feed.xml"),
		SiteURL:  d.Permalink(sec.Page.URL),
		Author:   d.Title,
		Language: d.Language,
	}
	for _, a := range k.list {
		e := feed.Entry{Title: a.Title, URL: d.Permalink(a.URL), Published: a.Date, Updated: a.Lastmod, Summary: a.Description, Tags: a.Tags}
		if r, ok := b.Rendered(a); ok {
			e.Content = absoluteLinks(d, r.HTML)
		}
		if author, ok := a.Params["author"].(string); ok {
			e.Author = author
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	if err := feed.Write(&buf, f); err != nil {
		return nil, diag.List{diag.Errorf(sec.Page.DisplayPath, 0, 0, "writing the articles feed: %v", err)}
	}
	return []playbook.File{{Path: strings.TrimPrefix(sec.Page.URL, "/") + "feed.xml", Data: buf.Bytes(), What: "the articles feed", Feed: true}}, nil
}

// absoluteLinks makes the site-relative links of rendered HTML absolute, for
// feed readers, which show the content away from the site.
func absoluteLinks(d *view.SiteData, html string) string {
	origin := strings.TrimSuffix(d.BaseURL, strings.TrimPrefix(d.BasePath, "/"))
	origin = strings.TrimSuffix(origin, "/")
	r := strings.NewReplacer(`href="//`, `href="//`, `src="//`, `src="//`, `href="/`, `href="`+origin+`/`, `src="/`, `src="`+origin+`/`)
	return r.Replace(html)
}

// Usage is `playbook new article TITLE`.
func (*articles) Usage() playbook.Usage {
	return playbook.Usage{Args: []string{"TITLE"}, Summary: "an article dated today: {folder}/<slug>.md", Note: slugNote,
		Example: `playbook new article "What we learned from pricing"`}
}

// Skeleton writes an article titled by the argument, dated today.
func (*articles) Skeleton(req *playbook.SkeletonRequest) (playbook.Skeleton, error) {
	title, _ := slug.Name(req.Args[0])
	id, err := playbook.SkeletonID(title)
	if err != nil {
		return playbook.Skeleton{}, err
	}
	data, err := playbook.FillSkeleton(skeletons, "article.md.tmpl", struct{ Title, Date string }{title, req.Today})
	return playbook.Skeleton{ID: id, Data: data}, err
}
