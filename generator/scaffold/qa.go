package scaffold

import (
	"strings"

	"github.com/playbookhq/playbook/generator/config"
)

// qaData fills in the Q&A skeleton.
type qaData struct {
	Title, Date string
	Roles       []string // role ids the example question is tagged with
}

// RolesList is the meta line's list of role ids.
func (d qaData) RolesList() string { return strings.Join(d.Roles, ", ") }

// QA writes a Q&A thread titled name, dated today, and returns its path. Its
// one question shows the convention of content/how-to-write/qa.md: the
// meta line, the question's text, an answer and a reply.
func (s *Site) QA(name string) (string, error) {
	return s.qa(name, nil)
}

// qa writes a thread whose example question is tagged with roles.
func (s *Site) qa(name string, roles []string) (string, error) {
	title, _ := parseName(name)
	id, err := slugOf(title)
	if err != nil {
		return "", err
	}
	data, err := render("qa.md", qaData{Title: title, Date: s.today(), Roles: roles})
	if err != nil {
		return "", err
	}
	return s.create(config.KindQA, id, data)
}
