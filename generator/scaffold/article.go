package scaffold

import (
	"github.com/playbookhq/playbook/generator/config"
)

// articleData fills in the article skeleton.
type articleData struct {
	Title, Date string
}

// Article writes an article titled title, dated today by the site's clock,
// as articles/<slug>.md, and returns its path.
func (s *Site) Article(title string) (string, error) {
	title, _ = parseName(title)
	id, err := slugOf(title)
	if err != nil {
		return "", err
	}
	data, err := render("article.md", articleData{Title: title, Date: s.today()})
	if err != nil {
		return "", err
	}
	return s.create(config.KindArticle, id, data)
}
